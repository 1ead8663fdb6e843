import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Why the current request was let through, as the checks that let it through saw it. The audit
 * middleware opens one per request; the AuthGuard and CaseAccess each add their part, and the
 * audit record quotes them. Outside a request (the worker, tests of a handler) noting is a no-op.
 */
export interface AccessNotes {
  /** The caller's roles that the route's rule matched. */
  roles: string[];
  /** Why the case was visible to the caller. */
  caseGrant: string | null;
  /** The interceptor wrote this request's record; the middleware must not write a second. */
  recorded: boolean;
}

const storage = new AsyncLocalStorage<AccessNotes>();

export function withAccessNotes<T>(work: (notes: AccessNotes) => T): T {
  const notes: AccessNotes = { roles: [], caseGrant: null, recorded: false };
  return storage.run(notes, () => work(notes));
}

export function currentAccessNotes(): AccessNotes | undefined {
  return storage.getStore();
}

export function noteRolesMatched(roles: readonly string[]): void {
  const notes = storage.getStore();
  if (notes) notes.roles = [...roles];
}

export function noteCaseGrant(grant: string): void {
  const notes = storage.getStore();
  if (notes) notes.caseGrant = grant;
}
