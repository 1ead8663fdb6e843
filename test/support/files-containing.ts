import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** For each needle, the files under `dir` (recursively) whose bytes contain it as UTF-8. */
export async function filesContaining(dir: string, needles: readonly string[]): Promise<Map<string, string[]>> {
  const found = new Map(needles.map((needle) => [needle, [] as string[]]));
  const patterns = needles.map((needle) => [needle, Buffer.from(needle, 'utf8')] as const);
  for (const file of await filesUnder(dir)) {
    const bytes = await readFile(file);
    for (const [needle, pattern] of patterns) if (bytes.includes(pattern)) found.get(needle)!.push(file);
  }
  return found;
}

async function filesUnder(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}
