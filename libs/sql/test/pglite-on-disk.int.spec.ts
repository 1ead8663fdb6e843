import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteSqlClient } from '@referral/sql';

describe('PGlite on disk', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'referral-pglite-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a new data directory (in a child process), opens it with small buffers, and opens it again as it is', async () => {
    const dataDir = join(dir, 'pgdata');
    const first = await PgliteSqlClient.open(dataDir);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    await first.exec('CREATE TABLE kept (id int)');
    await first.query('INSERT INTO kept VALUES (1)');
    const setting = await first.query<{ v: string }>("SELECT current_setting('shared_buffers') AS v");
    expect(setting.rows[0]!.v).toBe('16MB');
    await first.close();

    const again = await PgliteSqlClient.open(dataDir);
    expect((await again.query<{ id: number }>('SELECT id FROM kept')).rows).toEqual([{ id: 1 }]);
    await again.close();
  });

  it('says which directory it could not make a database in', async () => {
    const notADir = join(dir, 'a-file');
    writeFileSync(notADir, 'not a directory');
    await expect(PgliteSqlClient.open(join(notADir, 'pgdata'))).rejects.toThrow(`Could not make the PGlite database in ${join(notADir, 'pgdata')}`);
  });
});
