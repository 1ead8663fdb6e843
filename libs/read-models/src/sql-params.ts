/** Collects `$n` parameters while a statement is put together. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Adds a value and answers its placeholder, with an optional cast (`$3::timestamptz`). */
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}
