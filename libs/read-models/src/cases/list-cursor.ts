/** A cursor that cannot be read back: the caller sent something we never handed out. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  readonly code = 'invalid-cursor';

  constructor() {
    super('The cursor is not one this list handed out');
  }
}

/**
 * The sort key of the last row of a page: its urgency group (`worklistGroup` in list-cases.ts),
 * the instant it sorts by within the group, and the case id.
 */
export interface ListCursor {
  readonly group: number;
  readonly at: string;
  readonly caseId: string;
}

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const GROUPS = new Set([1, 2, 3, 4]);

/** Opaque to callers: base64url of the JSON sort key. */
export function encodeListCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify({ g: cursor.group, a: cursor.at, c: cursor.caseId }), 'utf8').toString('base64url');
}

/** @throws InvalidCursorError */
export function decodeListCursor(text: string): ListCursor {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new InvalidCursorError();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (typeof parsed !== 'object' || parsed === null) throw new InvalidCursorError();
  const { g, a, c } = parsed as Record<string, unknown>;
  const validAt = typeof a === 'string' && UTC_INSTANT.test(a) && !Number.isNaN(Date.parse(a));
  if (typeof g !== 'number' || !GROUPS.has(g) || !validAt || typeof c !== 'string' || c.length === 0) {
    throw new InvalidCursorError();
  }
  return { group: g, at: a, caseId: c };
}
