import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '../../../..');
const script = join(__dirname, 'embedded-store-process.ts');

export interface StoreProcess {
  child: ChildProcess;
  /** Resolves with the first line the process prints (`opened` or `locked <pid>`). */
  firstLine: Promise<string>;
  exited: Promise<number | null>;
}

/** Starts embedded-store-process.ts as a real second process on `dataDir`. */
export function startStoreProcess(dataDir: string, mode: 'hold' | 'try'): StoreProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', script, dataDir, mode], {
    cwd: repoRoot,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const firstLine = new Promise<string>((done, fail) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\n')) done(stdout.split('\n')[0]);
    });
    void exited.then((code) => fail(new Error(`store process exited (${code}) before a line: ${stderr}`)));
  });
  return { child, firstLine, exited };
}
