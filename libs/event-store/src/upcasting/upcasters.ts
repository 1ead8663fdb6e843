import type { RecordedEvent } from '../event-store.port';

/** Lifts an event's data from one schema version to the next. Pure: no I/O, no clock. */
export type Upcaster = (data: Record<string, unknown>, event: RecordedEvent) => Record<string, unknown>;

/**
 * Upcasters by event type and the schema version they lift from. Reading applies them one step
 * at a time (1 → 2 → 3) until no upcaster is registered for the event's version, so old events
 * reach code in their current shape while the stored ones never change.
 */
export class Upcasters {
  private readonly steps = new Map<string, Upcaster>();

  /** @throws Error when a step for this type and version is registered already. */
  register(type: string, fromSchemaVersion: number, upcast: Upcaster): this {
    const key = stepKey(type, fromSchemaVersion);
    if (this.steps.has(key)) throw new Error(`An upcaster for ${type} v${fromSchemaVersion} is registered already`);
    this.steps.set(key, upcast);
    return this;
  }

  /** The event in its latest known shape; the same object when nothing applies. */
  upcast(event: RecordedEvent): RecordedEvent {
    let current = event;
    for (;;) {
      const version = current.metadata.schemaVersion;
      const step = this.steps.get(stepKey(current.type, version));
      if (!step) return current;
      let data: Record<string, unknown>;
      try {
        data = step(current.data, current);
      } catch (cause) {
        throw new Error(`Upcasting ${current.type} v${version} failed for event ${current.id}`, { cause });
      }
      current = { ...current, data, metadata: { ...current.metadata, schemaVersion: version + 1 } };
    }
  }
}

function stepKey(type: string, schemaVersion: number): string {
  return `${type}@${schemaVersion}`;
}
