/** Small readers for hand-written JSON: each records what is wrong instead of throwing. */
export class JsonFields {
  readonly problems: string[] = [];

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    this.problems.push(`${path} must be an object`);
    return {};
  }

  string(value: unknown, path: string): string {
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.problems.push(`${path} must be a non-empty string`);
    return '';
  }

  strings(value: unknown, path: string): string[] {
    if (!Array.isArray(value)) {
      this.problems.push(`${path} must be an array of strings`);
      return [];
    }
    return value.map((item, i) => this.string(item, `${path}[${i}]`));
  }

  array(value: unknown, path: string): unknown[] {
    if (Array.isArray(value)) return value;
    this.problems.push(`${path} must be an array`);
    return [];
  }

  positiveInteger(value: unknown, path: string): number {
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
    this.problems.push(`${path} must be a positive integer`);
    return 1;
  }

  check(condition: boolean, problem: string): void {
    if (!condition) this.problems.push(problem);
  }
}
