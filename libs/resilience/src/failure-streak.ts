import { errorFields } from './error-fields';

/** Where a component that retries stands, as health reports it: no messages, only kinds and codes. */
export interface FailureState {
  /** Failures in a row; 0 while it works. */
  attempt: number;
  /** When the first of those failures happened. */
  failingSince: Date | null;
  lastError: { name: string; code?: string } | null;
}

/** Counts a component's failures in a row, for its log lines and its health. */
export class FailureStreak {
  private state: FailureState = { attempt: 0, failingSince: null, lastError: null };

  get current(): FailureState {
    return this.state;
  }

  failed(error: unknown, now: Date): FailureState {
    const { name, code } = errorFields(error);
    this.state = {
      attempt: this.state.attempt + 1,
      failingSince: this.state.failingSince ?? now,
      lastError: code === undefined ? { name } : { name, code },
    };
    return this.state;
  }

  succeeded(): void {
    if (this.state.attempt > 0) this.state = { attempt: 0, failingSince: null, lastError: null };
  }
}
