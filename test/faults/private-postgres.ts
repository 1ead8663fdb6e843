import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../support/free-port';

const run = promisify(execFile);

/**
 * A PostgreSQL server of the fault suite's own (initdb in a temp dir, its own port), so that it
 * can be restarted without touching the machine's server or other tests. As root it runs as the
 * `postgres` user, which PostgreSQL requires.
 */
export class PrivatePostgres {
  private constructor(private readonly bin: string, private readonly dir: string, readonly port: number) {}

  static async start(): Promise<PrivatePostgres> {
    const bin = postgresBin();
    const dir = mkdtempSync(join(tmpdir(), 'referral-faults-pg-'));
    const port = await freePort();
    const server = new PrivatePostgres(bin, dir, port);
    if (asRoot()) chownSync(dir, ...postgresIds());
    await server.pg('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
    await server.ctl(['start', '-w', '-t', '60', '-l', join(dir, 'server.log'), '-o', server.options()]);
    return server;
  }

  get url(): string {
    return this.urlAt(this.port);
  }

  /** Its URL as seen through a proxy on `port`. */
  urlAt(port: number): string {
    return `postgres://postgres@127.0.0.1:${port}/postgres`;
  }

  /** `pg_ctl restart -m immediate`: every connection is cut as by a crash; it recovers from its WAL. */
  async restart(): Promise<void> {
    await this.ctl(['restart', '-m', 'immediate', '-w', '-t', '60', '-l', join(this.dir, 'server.log'), '-o', this.options()]);
  }

  async stop(): Promise<void> {
    await this.ctl(['stop', '-m', 'immediate', '-w']).catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private options(): string {
    // The data matters only for the run; fsync off keeps a 2-core machine's disk out of the figures.
    return `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off -c max_connections=200 -c shared_buffers=64MB`;
  }

  private ctl(args: string[]): Promise<unknown> {
    return this.pg('pg_ctl', ['-D', join(this.dir, 'data'), ...args]);
  }

  private async pg(tool: string, args: string[]): Promise<unknown> {
    const command = join(this.bin, tool);
    return asRoot() ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args);
  }
}

function asRoot(): boolean {
  return userInfo().uid === 0;
}

function postgresIds(): [number, number] {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return [id('-u'), id('-g')];
}

/** Debian's layout (/usr/lib/postgresql/<version>/bin), newest first, else PATH. */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  return '';
}
