import type { Redis } from 'ioredis';
import { DeadlineTimers, type DeadlineKind, type DeadlineTimer, type DeadlineTimersOptions, type TimersLogger } from '../../src';
import { FireRecorder } from './fire-recorder';
import { openRedis, uniquePrefix, wipePrefix } from './redis-fixture';

/** A log that keeps every line, to check what reaches it. */
export class MemoryLog implements TimersLogger {
  readonly lines: Array<{ level: string; message: string; fields: Record<string, unknown> }> = [];
  error(message: string, fields: Record<string, unknown>): void {
    this.lines.push({ level: 'error', message, fields });
  }
  warn(message: string, fields: Record<string, unknown>): void {
    this.lines.push({ level: 'warn', message, fields });
  }
}

/** One connection and prefix per test file; every DeadlineTimers made is stopped in `close()`. */
export class TimersFixture {
  readonly connection: Redis = openRedis();
  readonly prefix = uniquePrefix();
  readonly log = new MemoryLog();
  private readonly made: DeadlineTimers[] = [];

  create(options: Partial<DeadlineTimersOptions> = {}): DeadlineTimers {
    const timers = new DeadlineTimers({
      connection: this.connection,
      prefix: this.prefix,
      clock: { now: () => new Date() },
      logger: this.log,
      ...options,
      storeId: options.storeId ?? 'test-store',
    });
    this.made.push(timers);
    return timers;
  }

  /** A timer of a fresh case due `inMs` from now. */
  timer(inMs: number, kind: DeadlineKind = 'first-contact'): DeadlineTimer {
    return { caseId: `case-${Math.random().toString(36).slice(2, 10)}`, kind, dueAt: new Date(Date.now() + inMs).toISOString() };
  }

  async close(): Promise<void> {
    await Promise.all(this.made.map((timers) => timers.stop()));
    await wipePrefix(this.connection, this.prefix);
    await this.connection.quit();
  }
}

/** A fresh fixture and recorder for each test of the enclosing `describe`, closed after it. */
export function eachTest(): { fixture: TimersFixture; recorder: FireRecorder } {
  const current = {} as { fixture: TimersFixture; recorder: FireRecorder };
  beforeEach(() => {
    current.fixture = new TimersFixture();
    current.recorder = new FireRecorder();
  });
  afterEach(() => current.fixture.close());
  return current;
}
