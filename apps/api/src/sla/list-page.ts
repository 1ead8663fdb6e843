import { ApiException } from '../http/api-exception';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Pages a short, stable-ordered list (breaches, at-risk cases) the contract's way. The cursor is
 * opaque to callers; a forged one is a 400 naming the field.
 */
export function pageOf<T>(all: readonly T[], limit = 50, cursor?: string): Page<T> {
  const offset = cursor === undefined ? 0 : decode(cursor);
  const items = all.slice(offset, offset + limit);
  const next = offset + items.length;
  return { items, nextCursor: next < all.length ? Buffer.from(`o:${next}`).toString('base64url') : null };
}

function decode(cursor: string): number {
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    throw new ApiException(400, 'validation-failed', 'The request is not valid', [
      { path: 'cursor', message: 'is not a cursor this list handed out' },
    ]);
  }
  return Number(match[1]);
}
