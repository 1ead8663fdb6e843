import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..', '..');
const HEALTH_PATH = '/api/v1/health';
/** USER_HZ, 100 on every Linux this runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/** Busy and total CPU time of the whole machine so far (every process, not only ours), from /proc/stat. */
export function machineCpu(): { busy: number; total: number } {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const ticks = fields.map(Number);
  const idle = ticks[3] + ticks[4]; // idle + iowait
  const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** A free TCP port on 127.0.0.1 (bound and released), for a child that must be told its port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * One process of the service (`apps/api/src/main.ts` or `apps/worker/src/main.ts` through
 * @swc-node/register, as `npm run start:api` / `start:worker` run them), its output in a log file
 * rather than a pipe, so reading it costs the load generator nothing. Ready once its health
 * answers 200.
 */
export class ServicePart {
  private exited = false;

  private constructor(readonly name: string, private readonly child: ChildProcess, readonly port: number, readonly logFile: string) {
    child.once('exit', () => (this.exited = true));
  }

  static async start(name: string, main: string, portVariable: 'PORT' | 'WORKER_HEALTH_PORT', env: Record<string, string>, logDir: string): Promise<ServicePart> {
    const port = await freePort();
    mkdirSync(logDir, { recursive: true });
    const logFile = join(logDir, `${name}.log`);
    const out = openSync(logFile, 'a');
    const child = spawn(process.execPath, ['-r', '@swc-node/register', main], {
      cwd: REPO,
      env: { ...process.env, NODE_OPTIONS: '', ...env, [portVariable]: String(port) },
      stdio: ['ignore', out, out],
    });
    closeSync(out);
    return new ServicePart(name, child, port, logFile);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** CPU seconds (user + system) it has used so far, from /proc (Linux). */
  cpuSeconds(): number {
    try {
      const fields = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
    } catch {
      return Number.NaN;
    }
  }

  get running(): boolean {
    return !this.exited;
  }

  /** The last part of what it wrote, for a failure message (its logs hold no personal data). */
  logTail(chars = 3000): string {
    try {
      return readFileSync(this.logFile, 'utf8').slice(-chars);
    } catch {
      return '';
    }
  }

  /** How many lines of its log so far contain `text`. */
  countInLog(text: string): number {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').filter((line) => line.includes(text)).length;
    } catch {
      return 0;
    }
  }

  /** Resolves once GET /api/v1/health answers 200; fails when the process exits or `timeoutMs` passes. */
  async healthy(timeoutMs: number): Promise<void> {
    const giveUp = Date.now() + timeoutMs;
    let last = 'no answer';
    while (Date.now() < giveUp) {
      if (this.exited) throw new Error(`${this.name} exited before it was healthy:\n${this.logTail()}`);
      try {
        const response = await fetch(`${this.url}${HEALTH_PATH}`);
        if (response.status === 200) return;
        last = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
      } catch (error) {
        last = error instanceof Error ? error.message : String(error);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`${this.name} was not healthy within ${timeoutMs} ms (${last}):\n${this.logTail()}`);
  }

  /** SIGTERM, then SIGKILL after `timeoutMs`; resolves once it is gone. */
  async stop(timeoutMs = 20_000): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await gone;
    clearTimeout(timer);
  }
}
