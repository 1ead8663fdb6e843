/**
 * Remembers, per component, since when it has been behind without moving, so health can tell a
 * component that catches up slowly from one that is stuck.
 */
export class ProgressWatch {
  private readonly seen = new Map<string, { position: bigint | null; since: number }>();

  /** Milliseconds the component has been behind at the same position (0 when it moves or is not behind). */
  stalledMs(name: string, position: bigint | null, behind: boolean, nowMs: number): number {
    const last = this.seen.get(name);
    if (!behind || !last || last.position !== position) {
      this.seen.set(name, { position, since: nowMs });
      return 0;
    }
    return nowMs - last.since;
  }
}
