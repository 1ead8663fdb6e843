import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The rule between the apps (each directory directly under `apps/`: api, cli, runtime, web, worker):
 * - a file under `apps/<x>/` imports nothing under `apps/<y>/` for another app `y`, nor the
 *   files directly in `apps/`; except that `apps/cli` may import from `apps/api` and `apps/worker`
 *   (its commands compose them);
 * - the files directly in `apps/` (`apps/main.ts`, the one-process shape) may import any app;
 * - nothing under `libs/` imports from `apps/`.
 * An import is any `import … from`, `export … from`, bare `import '…'`, `import(…)`, `require(…)`
 * or `jest.mock(…)` whose specifier is relative or starts at the repository root (`apps/…`,
 * which the tsconfig `baseUrl` would resolve). Test files count too.
 */
export const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = { cli: ['api', 'worker'] };

const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;
const SPECIFIERS = [
  /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\b(?:import|require|jest\.mock)\s*\(\s*['"]([^'"]+)['"]/g,
];

export interface ImportViolation {
  file: string;
  specifier: string;
  /** The app (or `apps/` itself) the specifier reaches. */
  reaches: string;
}

/** Every module specifier in a source text. */
export function importSpecifiers(source: string): string[] {
  return [...new Set(SPECIFIERS.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1])))];
}

/**
 * Which unit a path inside the repository belongs to: `apps/<x>` → `x`, a file directly in
 * `apps/` → `apps`, under `libs/` → `libs`, anything else → `null`.
 */
export function unitOf(repo: string, path: string): string | null {
  const parts = relative(repo, path).split(sep);
  if (parts[0] === 'libs') return 'libs';
  if (parts[0] !== 'apps') return null;
  return parts.length > 2 ? parts[1] : 'apps';
}

/** The violation, if importing `specifier` from `file` breaks the rule. */
export function violationOf(repo: string, file: string, specifier: string): ImportViolation | null {
  const target = specifier.startsWith('.') ? resolve(dirname(file), specifier) : specifier.startsWith('apps/') ? join(repo, specifier) : null;
  if (target === null) return null;
  const from = unitOf(repo, file);
  const reaches = unitOf(repo, target);
  if (from === null || from === 'apps' || reaches === null || reaches === 'libs' || reaches === from) return null;
  if (from !== 'libs' && MAY_IMPORT[from]?.includes(reaches)) return null;
  return { file: relative(repo, file), specifier, reaches };
}

/** Every import under `apps/` and `libs/` of `repo` that breaks the rule. */
export async function appImportViolations(repo: string): Promise<ImportViolation[]> {
  const violations: ImportViolation[] = [];
  for (const dir of ['apps', 'libs']) {
    for (const file of await sourcesUnder(join(repo, dir))) {
      for (const specifier of importSpecifiers(await readFile(file, 'utf8'))) {
        const violation = violationOf(repo, file, specifier);
        if (violation) violations.push(violation);
      }
    }
  }
  return violations;
}

async function sourcesUnder(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await sourcesUnder(path)));
    else if (entry.isFile() && SOURCE.test(entry.name)) files.push(path);
  }
  return files;
}
