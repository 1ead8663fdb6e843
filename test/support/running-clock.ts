import type { Clock } from '@referral/platform';

/**
 * A clock that starts at a chosen instant and then runs with the wall clock, so deadline timers
 * (which wait on the wall clock) fall due at the moment this clock says they are due.
 */
export class RunningClock implements Clock {
  private base: number;
  private startedAt = Date.now();

  constructor(start: Date) {
    this.base = start.getTime();
  }

  now(): Date {
    return new Date(this.base + (Date.now() - this.startedAt));
  }

  set(iso: string): void {
    this.base = Date.parse(iso);
    this.startedAt = Date.now();
  }
}
