/** A cursor that cannot be read back: the caller sent something we never handed out. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  readonly code = 'invalid-cursor';

  constructor() {
    super('The cursor is not one this list handed out');
  }
}

/** The sort key of the last row of a page: first-contact due time (null sorts last), case id. */
export interface ListCursor {
  readonly dueAt: string | null;
  readonly caseId: string;
}

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Opaque to callers: base64url of the JSON sort key. */
export function encodeListCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify({ d: cursor.dueAt, c: cursor.caseId }), 'utf8').toString('base64url');
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
  const { d, c } = parsed as Record<string, unknown>;
  const validDue = d === null || (typeof d === 'string' && UTC_INSTANT.test(d) && !Number.isNaN(Date.parse(d)));
  if (!validDue || typeof c !== 'string' || c.length === 0) throw new InvalidCursorError();
  return { dueAt: d, caseId: c };
}
