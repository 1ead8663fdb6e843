import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The empty PGlite database jest's global setup made for the whole run
 * (pglite-template.global-setup.js), or undefined outside jest: then each file makes its own.
 */
function runTemplate(file: string): string | undefined {
  const dir = process.env.REFERRAL_TEST_PGLITE_TEMPLATE;
  return dir && existsSync(join(dir, file)) ? join(dir, file) : undefined;
}

/** The run's empty data directory, to copy. */
export const runTemplatePgdata = (): string | undefined => runTemplate('pgdata');

/** The run's empty database as a dump, to load. */
export function runTemplateDump(): Blob | undefined {
  const file = runTemplate('empty.tar');
  return file ? new Blob([readFileSync(file)]) : undefined;
}
