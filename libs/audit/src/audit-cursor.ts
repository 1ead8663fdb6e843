/** A cursor this log did not hand out. */
export class InvalidAuditCursorError extends Error {
  override readonly name = 'InvalidAuditCursorError';

  constructor() {
    super('The cursor is not one this list handed out');
  }
}

/** Opaque to callers: base64url of the last sequence number of the page. */
export function encodeAuditCursor(seq: number): string {
  return Buffer.from(`a:${seq}`, 'utf8').toString('base64url');
}

/** @throws InvalidAuditCursorError */
export function decodeAuditCursor(text: string): number {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(text)) throw new InvalidAuditCursorError();
  const match = /^a:(\d{1,15})$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (!match) throw new InvalidAuditCursorError();
  return Number(match[1]);
}
