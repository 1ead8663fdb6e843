/**
 * One background component as health reports it: kinds, states, lags and error codes, never a
 * message (health answers without a token).
 */
export interface ComponentReport {
  kind: 'projection' | 'reaction' | 'deadlines' | 'retention';
  name: string;
  state: string;
  /** Failing for longer than the threshold, or behind with no progress for that long. */
  stuck: boolean;
  [detail: string]: unknown;
}

export type ComponentSource = () => Promise<ComponentReport[]>;

/**
 * The background components running in this process (the worker registers them). A process
 * without the worker has none, and its health reports the backends alone.
 */
export class BackgroundComponents {
  private source: ComponentSource | null = null;

  register(source: ComponentSource): void {
    this.source = source;
  }

  unregister(): void {
    this.source = null;
  }

  /** `null` when nothing runs here. */
  report(): Promise<ComponentReport[]> | null {
    return this.source ? this.source() : null;
  }
}
