import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { TEST_JWT_SECRET } from './app';

const REPO = join(__dirname, '..', '..');
const CHILD = join(__dirname, 'service-child.ts');
const OUTPUT_KEPT = 20_000;

export interface ServiceProcessOptions {
  dataDir: string;
  redisPrefix: string;
  /** More environment for the child (REDIS_URL, LOG_LEVEL, ...). */
  env?: Record<string, string>;
  /** @defaultValue 30000 */
  readyTimeoutMs?: number;
  /**
   * What node runs; it must print a JSON line with `"ready": true` and the bound `port` once it
   * listens. @defaultValue service-child.ts through @swc-node/register
   */
  nodeArgs?: string[];
  /** @defaultValue the repository root */
  cwd?: string;
  /** How much of its output is kept, from the end. @defaultValue 20000 characters */
  keepOutput?: number;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * The whole service in a child process (`test/support/service-child.ts`, as `npm start` runs it,
 * or what `nodeArgs` names, such as the built service), for tests that kill it. `start` resolves once it listens; `kill` is SIGKILL, `stop` SIGTERM.
 */
export class ServiceProcess {
  private output = '';
  private readonly exit: Promise<Exit>;
  private exitedWith: Exit | null = null;

  private constructor(private readonly child: ChildProcess, readonly port: number, private readonly kept = OUTPUT_KEPT) {
    this.exit = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
      else child.once('exit', (code, signal) => resolve({ code, signal }));
    }).then((exit) => (this.exitedWith = exit as Exit));
  }

  static start(options: ServiceProcessOptions): Promise<ServiceProcess> {
    const child = spawn(process.execPath, options.nodeArgs ?? ['-r', '@swc-node/register', CHILD], {
      cwd: options.cwd ?? REPO,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        DATA_DIR: options.dataDir,
        PORT: '0',
        AUTH_JWT_SECRET: TEST_JWT_SECRET,
        REDIS_PREFIX: options.redisPrefix,
        LOG_LEVEL: 'silent',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const kept = options.keepOutput ?? OUTPUT_KEPT;
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-kept));
    child.stderr!.on('data', keep);
    return new Promise<ServiceProcess>((resolve, reject) => {
      let lineBuffer = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`The service did not start within ${options.readyTimeoutMs ?? 30_000} ms:\n${output}`));
      }, options.readyTimeoutMs ?? 30_000);
      const onExit = (code: number | null, signal: string | null) => {
        clearTimeout(timer);
        reject(new Error(`The service exited before it was ready (code ${code}, signal ${signal}):\n${output}`));
      };
      child.once('exit', onExit);
      const onData = (chunk: Buffer) => {
        keep(chunk);
        lineBuffer += chunk.toString();
        for (let newline = lineBuffer.indexOf('\n'); newline >= 0; newline = lineBuffer.indexOf('\n')) {
          const line = lineBuffer.slice(0, newline).trim();
          lineBuffer = lineBuffer.slice(newline + 1);
          const ready = parseReady(line);
          if (ready === null) continue;
          clearTimeout(timer);
          child.off('exit', onExit);
          child.stdout!.off('data', onData);
          const service = new ServiceProcess(child, ready.port, kept);
          service.output = output;
          child.stdout!.on('data', (more: Buffer) => service.keep(more));
          child.stderr!.off('data', keep);
          child.stderr!.on('data', (more: Buffer) => service.keep(more));
          resolve(service);
          return;
        }
      };
      child.stdout!.on('data', onData);
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/api/v1`;
  }

  get running(): boolean {
    return this.exitedWith === null;
  }

  /** What the child wrote on stdout and stderr (the last part), for failure messages. */
  get log(): string {
    return this.output;
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or released. Resolves once it is gone. */
  async kill(): Promise<Exit> {
    if (this.running) this.child.kill('SIGKILL');
    return this.exit;
  }

  /** SIGTERM and wait for the shutdown hooks to finish; SIGKILL and fail after `timeoutMs`. */
  async stop(timeoutMs = 20_000): Promise<Exit> {
    if (!this.running) return this.exit;
    this.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
    const exit = await Promise.race([this.exit, timedOut]);
    clearTimeout(timer);
    if (exit === null) {
      await this.kill();
      throw new Error(`The service did not stop within ${timeoutMs} ms of SIGTERM:\n${this.output}`);
    }
    return exit;
  }

  private keep(chunk: Buffer): void {
    this.output = (this.output + chunk.toString()).slice(-this.kept);
  }
}

function parseReady(line: string): { port: number } | null {
  if (!line.startsWith('{')) return null;
  try {
    const parsed = JSON.parse(line) as { ready?: unknown; port?: unknown };
    return parsed.ready === true && typeof parsed.port === 'number' ? { port: parsed.port } : null;
  } catch {
    return null;
  }
}
