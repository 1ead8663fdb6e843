/**
 * Field names that may hold personal data of a support seeker or a volunteer. Log lines never
 * carry such data by design; this is the net for a payload that slips into one anyway.
 */
export const PERSONAL_DATA_KEYS: ReadonlySet<string> = new Set([
  'person', 'personalData', 'note', 'notes', 'givenName', 'familyName', 'displayName',
  'personalIdentityNumber', 'birthDate', 'victimBirthDate', 'phone', 'email', 'policeReportNumber',
  'body', 'override', 'authorization', 'cookie',
]);

export const REDACTED = '[redacted]';
const MAX_DEPTH = 8;

/** A copy of `value` with every personal-data field at any depth replaced by `[redacted]`. */
export function redactPersonalData(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[deep]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactPersonalData(item, depth + 1, seen));
  if (value instanceof Error) return { name: value.name, message: value.message };
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    copy[key] = PERSONAL_DATA_KEYS.has(key) ? REDACTED : redactPersonalData(field, depth + 1, seen);
  }
  return copy;
}
