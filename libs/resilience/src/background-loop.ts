/**
 * A loop that runs in the background from `start()` until `stop()`, which aborts its signal and
 * waits for it to end. It can be started again once stopped.
 */
export class BackgroundLoop {
  private running: { controller: AbortController; done: Promise<void> } | null = null;

  constructor(private readonly body: (signal: AbortSignal) => Promise<void>) {}

  get active(): boolean {
    return this.running !== null;
  }

  /** Starts the loop unless it runs already; `linked` aborting stops it too. Answers whether it started. */
  start(linked?: AbortSignal): boolean {
    if (this.running) return false;
    const controller = new AbortController();
    linked?.addEventListener('abort', () => controller.abort(), { once: true });
    this.running = { controller, done: this.body(controller.signal) };
    return true;
  }

  async stop(): Promise<void> {
    const running = this.running;
    if (!running) return;
    running.controller.abort();
    await running.done;
    this.running = null;
  }
}
