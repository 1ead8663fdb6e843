import fc from 'fast-check';
import { isCalendarDate, isDateTimeWithOffset } from '../../../apps/api/src/http/validators/time-formats';
import { deeplyNested, hostileNumber, hostileString, nonNullJson, stringLongerThan } from './hostile-values';

/** What the contract says one field of a body is; enough to build values it refuses. */
export type FieldKind =
  | { kind: 'string'; max: number; min?: number; pattern?: RegExp }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'date' }
  | { kind: 'datetime' }
  | { kind: 'bool' }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'object' }
  | { kind: 'enum-array'; values: readonly string[] }
  | { kind: 'opaque' };

export interface FieldSpec {
  path: string[];
  required: boolean;
  type: FieldKind;
  /** `null` is a valid value (e.g. `volunteerId: null` unassigns), so it is never sent as a refused one. */
  nullable?: boolean;
}

export interface BodySpec {
  valid: () => Record<string, unknown>;
  fields: FieldSpec[];
  /** Paths of the objects the body holds (the root is []): unknown fields are refused in each. */
  objects: string[][];
  /** Free-text fields where anything goes; filled with hostile text beside the one breaking change. */
  freeText: string[][];
}

const wrongTypes = (required: boolean, ...exclude: Array<'string' | 'number' | 'boolean' | 'array' | 'object'>) =>
  fc.oneof(
    ...([
      ['string', hostileString],
      ['number', hostileNumber],
      ['boolean', fc.boolean()],
      ['array', fc.array(nonNullJson, { maxLength: 3 })],
      ['object', fc.dictionary(fc.string({ maxLength: 6 }), nonNullJson, { maxKeys: 3 })],
    ] as const)
      .filter(([name]) => !exclude.includes(name))
      .map(([, arbitrary]) => arbitrary as fc.Arbitrary<unknown>),
    ...(required ? [fc.constant(null)] : []),
  );

/** Values the field refuses, whatever else the body holds. */
export function refusedValue(field: FieldSpec): fc.Arbitrary<unknown> {
  const { type } = field;
  const required = field.required && !field.nullable;
  switch (type.kind) {
    case 'string': {
      const refused: Array<fc.Arbitrary<unknown>> = [wrongTypes(required, 'string'), stringLongerThan(type.max)];
      if ((type.min ?? 0) > 0) refused.push(fc.constant(''));
      if (type.pattern) refused.push(hostileString.filter((s) => !type.pattern!.test(s)));
      return fc.oneof(...refused);
    }
    case 'enum':
      return fc.oneof(wrongTypes(required, 'string'), hostileString.filter((s) => !type.values.includes(s)), fc.constantFrom(...type.values).map((v) => v.toUpperCase() + ' '));
    case 'date':
      return fc.oneof(wrongTypes(required, 'string'), hostileString.filter((s) => !isCalendarDate(s)), fc.constantFrom('2025-02-30', '2025-13-01', '25-01-01', '2025-1-1'));
    case 'datetime':
      return fc.oneof(
        wrongTypes(required, 'string'),
        hostileString.filter((s) => !isDateTimeWithOffset(s)),
        fc.constantFrom('2025-06-01T10:00:00', '2025-06-01', '2025-06-31T10:00:00Z', '2025-06-01T25:00:00+02:00', 'now'),
      );
    case 'bool':
      return fc.oneof(wrongTypes(required, 'boolean'), fc.constantFrom('true', 'false', 0, 1));
    case 'int':
      return fc.oneof(
        wrongTypes(required, 'number'),
        fc.constantFrom(type.min - 1, type.max + 1, type.min + 0.5, -0.5, 1e21, String(type.min)),
        fc.oneof(fc.integer({ max: type.min - 1 }), fc.integer({ min: type.max + 1 })),
      );
    case 'object':
      return wrongTypes(required, 'object');
    case 'enum-array':
      return fc.oneof(
        wrongTypes(required, 'array'),
        fc.array(hostileString.filter((s) => !type.values.includes(s)), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...type.values).map((v) => [v, v]),
      );
    case 'opaque':
      return fc.oneof(hostileNumber, fc.boolean(), fc.array(nonNullJson, { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 4 }), nonNullJson, { maxKeys: 2 }));
  }
}

/** One change that no body of the contract survives. */
type Breaker =
  | { kind: 'field'; path: string[]; value: unknown }
  | { kind: 'remove'; path: string[] }
  | { kind: 'unknown-field'; at: string[]; key: string; value: unknown }
  | { kind: 'deep'; path: string[]; value: unknown };

function breakers(spec: BodySpec): fc.Arbitrary<Breaker> {
  const known = new Set(spec.fields.map((field) => field.path[field.path.length - 1]));
  const required = spec.fields.filter((field) => field.required);
  return fc.oneof(
    fc.constantFrom(...spec.fields).chain((field) => refusedValue(field).map((value): Breaker => ({ kind: 'field', path: field.path, value }))),
    ...(required.length > 0 ? [fc.constantFrom(...required).map((field): Breaker => ({ kind: 'remove', path: field.path }))] : []),
    fc.record({
      at: fc.constantFrom(...spec.objects),
      key: fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin', 'org')).filter((key) => !known.has(key)),
      value: fc.oneof(nonNullJson, fc.constant(null)),
    }).map((b): Breaker => ({ kind: 'unknown-field', ...b })),
    fc.record({ path: fc.constantFrom(...spec.fields.map((field) => field.path)), value: deeplyNested }).map((b): Breaker => ({ kind: 'deep', ...b })),
  );
}

/**
 * A valid body with hostile text in its free-text fields and exactly one breaking change: invalid
 * by construction, so any 2xx is a finding. Serialised here, so `__proto__` stays a plain key.
 */
export function brokenBody(spec: BodySpec): fc.Arbitrary<{ json: string; breaker: Breaker }> {
  const noise = spec.freeText.length === 0
    ? fc.constant<Array<[string[], string]>>([])
    : fc.array(fc.tuple(fc.constantFrom(...spec.freeText), hostileString), { maxLength: 3 });
  return fc.tuple(breakers(spec), noise).map(([breaker, texts]) => {
    const body = spec.valid();
    for (const [path, text] of texts) setPath(body, path, text);
    applyBreaker(body, breaker);
    return { json: JSON.stringify(body), breaker };
  });
}

function applyBreaker(body: Record<string, unknown>, breaker: Breaker): void {
  switch (breaker.kind) {
    case 'field':
    case 'deep':
      return setPath(body, breaker.path, breaker.value);
    case 'remove':
      return removePath(body, breaker.path);
    case 'unknown-field': {
      const target = breaker.at.length === 0 ? body : ensureObject(body, breaker.at);
      Object.defineProperty(target, breaker.key, { value: breaker.value, enumerable: true, configurable: true, writable: true });
    }
  }
}

function ensureObject(body: Record<string, unknown>, path: string[]): Record<string, unknown> {
  let node = body;
  for (const key of path) {
    if (typeof node[key] !== 'object' || node[key] === null || Array.isArray(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  return node;
}

function setPath(body: Record<string, unknown>, path: string[], value: unknown): void {
  const parent = ensureObject(body, path.slice(0, -1));
  parent[path[path.length - 1]] = value;
}

function removePath(body: Record<string, unknown>, path: string[]): void {
  const parent = ensureObject(body, path.slice(0, -1));
  delete parent[path[path.length - 1]];
}
