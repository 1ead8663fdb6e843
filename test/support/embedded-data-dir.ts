import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteSqlClient } from '@referral/sql';
import { runTemplatePgdata } from './pglite-template';

let template: Promise<string> | undefined;

/** An empty PGlite data directory made once per run (or per file outside jest), the way the service makes one. */
function emptyPgdata(): Promise<string> {
  const made = runTemplatePgdata();
  if (made) return Promise.resolve(made);
  template ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'referral-pgdata-template-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const pgdata = join(dir, 'pgdata');
    await (await PgliteSqlClient.open(pgdata)).close();
    return pgdata;
  })();
  return template;
}

/**
 * A fresh DATA_DIR whose database is a copy of an empty one: making a PGlite database (initdb,
 * in a child process) takes seconds, copying one a fraction of that, and most e2e tests start a
 * service on a data directory of their own.
 */
export async function freshEmbeddedDataDir(): Promise<string> {
  const source = await emptyPgdata();
  const dataDir = mkdtempSync(join(tmpdir(), 'referral-e2e-'));
  cpSync(source, join(dataDir, 'pgdata'), { recursive: true });
  return dataDir;
}
