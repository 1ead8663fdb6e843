import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Makes a new PGlite data directory in a short-lived child process. initdb runs in a WebAssembly
 * instance of its own whose memory the process keeps after it finished (about 500 MiB resident
 * here); in a child, that memory goes with the child, and the service opens a ready directory.
 * Does nothing when `dataDir` already holds a database.
 */
export async function initPgliteDataDir(dataDir: string): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  const pglite = require.resolve('@electric-sql/pglite');
  const script = `require(${JSON.stringify(pglite)}).PGlite.create(process.argv[1]).then((db) => db.close()).catch((e) => { console.error(e && e.message); process.exit(1); })`;
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, ['-e', script, dataDir], { timeout: 120_000 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`Could not make the PGlite database in ${dataDir}: ${stderr.trim() || error.message}`));
      else resolve();
    });
  });
}
