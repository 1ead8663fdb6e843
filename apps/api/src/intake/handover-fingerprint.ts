import { createHmac } from 'node:crypto';

/**
 * Tells "the same handover again" from "another body under the same handoverId": a keyed hash
 * (HMAC-SHA-256) of the body with its keys in a stable order, so key order and white space do not
 * matter. Keyed, because the body holds personal data and a plain hash of a name and a number can
 * be confirmed by guessing; the key lives in the key table, wrapped by the master key.
 */
export function handoverFingerprint(body: unknown, key: Buffer): string {
  return createHmac('sha256', key).update(canonicalJson(body)).digest('base64url');
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
