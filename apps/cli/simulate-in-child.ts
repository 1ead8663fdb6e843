import { spawn } from 'node:child_process';
import { extname, join } from 'node:path';

export interface ChildSimulation {
  from: string;
  to: string;
  seed: number;
  scale: number;
  url: string;
  /** Cases worked side by side (npm run simulate's --concurrency). */
  concurrency: number;
}

/**
 * Plays the simulated period with `npm run simulate` in a child process, as any client of the API
 * would: the service keeps its own process (and its memory) to itself and the client gets the
 * other core. The child finds the service's secret as the service does (DATA_DIR or the
 * environment); its progress goes to this process's stderr. Resolves with the tally it printed.
 */
export function simulateInChild(simulation: ChildSimulation): Promise<{ tally: string; exitCode: number }> {
  // The same entry as this file's kind: main.ts under @swc-node/register, main.js in dist/.
  const main = join(__dirname, 'simulate', `main${extname(__filename)}`);
  const args = ['--from', simulation.from, '--to', simulation.to, '--seed', String(simulation.seed), '--scale', String(simulation.scale), '--url', simulation.url, '--concurrency', String(simulation.concurrency)];
  const child = spawn(process.execPath, [...process.execArgv, main, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
  let tally = '';
  child.stdout.on('data', (chunk: Buffer) => (tally += chunk.toString()));
  const stop = () => child.kill('SIGTERM');
  process.once('exit', stop);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.off('exit', stop);
      resolve({ tally, exitCode: code ?? (signal ? 128 : 1) });
    });
  });
}
