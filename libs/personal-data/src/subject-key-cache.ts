/** Unwrapped keys kept briefly in memory, bounded in number, oldest dropped first. */
export class SubjectKeyCache {
  private readonly entries = new Map<string, { key: Buffer; until: number }>();

  constructor(private readonly ttlMs: number, private readonly maxEntries = 10_000) {}

  get(subject: string): Buffer | undefined {
    const entry = this.entries.get(subject);
    if (!entry) return undefined;
    if (entry.until <= performance.now()) {
      this.drop(subject);
      return undefined;
    }
    return entry.key;
  }

  set(subject: string, key: Buffer): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(subject);
    this.entries.set(subject, { key, until: performance.now() + this.ttlMs });
    if (this.entries.size > this.maxEntries) this.drop(this.entries.keys().next().value as string);
  }

  drop(subject: string): void {
    this.entries.delete(subject);
  }
}
