import { execFileSync } from 'node:child_process';
import { cpus, release, totalmem, type } from 'node:os';
import { Redis } from 'ioredis';
import { PgSqlClient } from '@referral/sql';
import { TEST_DATABASE_URL } from '../../support/databases';
import type { Machine } from './report-markdown';

/** The machine, the runtimes and the servers the benchmarks use, as the report's header names them. */
export async function describeMachine(repo: string): Promise<Machine> {
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown CPU',
    cores: processors.length,
    memoryGiB: totalmem() / 2 ** 30,
    node: process.version,
    postgres: await postgresVersion(),
    redis: await redisVersion(),
    os: `${type()} ${release()}`,
    commit: gitCommit(repo),
  };
}

async function postgresVersion(): Promise<string> {
  const client = new PgSqlClient({ connectionString: TEST_DATABASE_URL, maxConnections: 1 });
  try {
    const { rows } = await client.query<{ version: string }>('SELECT version() AS version');
    return rows[0]?.version.split(' on ')[0] ?? 'PostgreSQL (version unknown)';
  } catch (error) {
    return `PostgreSQL not reached (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await client.close();
  }
}

async function redisVersion(): Promise<string> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    return /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown';
  } catch {
    return 'not reached';
  } finally {
    redis.disconnect();
  }
}

function gitCommit(repo: string): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repo, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} with uncommitted changes` : commit;
  } catch {
    return 'unknown';
  }
}
