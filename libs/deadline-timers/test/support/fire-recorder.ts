import type { DeadlineTimer } from '../../src';

export interface Fire {
  readonly timer: DeadlineTimer;
  /** Wall-clock ms at which the handler started. */
  readonly at: number;
}

/** A handler that remembers every fire, optionally failing some first. */
export class FireRecorder {
  readonly fires: Fire[] = [];
  private readonly failuresLeft = new Map<string, number>();

  readonly handler = async (timer: DeadlineTimer): Promise<void> => {
    const at = Date.now();
    const key = keyOf(timer);
    const failures = this.failuresLeft.get(key) ?? 0;
    if (failures > 0) {
      this.failuresLeft.set(key, failures - 1);
      // A failure as the driver reports it: a code and a message without personal data.
      throw Object.assign(new Error('Case store did not answer'), { code: 'ECONNRESET' });
    }
    this.fires.push({ timer, at });
  };

  failFirst(timer: DeadlineTimer, times: number): void {
    this.failuresLeft.set(keyOf(timer), times);
  }

  count(timer: DeadlineTimer): number {
    return this.fires.filter((fire) => keyOf(fire.timer) === keyOf(timer)).length;
  }

  firstAt(timer: DeadlineTimer): number | undefined {
    return this.fires.find((fire) => keyOf(fire.timer) === keyOf(timer))?.at;
  }
}

function keyOf(timer: DeadlineTimer): string {
  return `${timer.kind}/${timer.caseId}/${timer.dueAt}`;
}
