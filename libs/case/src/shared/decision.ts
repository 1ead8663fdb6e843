import type { DomainError } from './domain-error';

/**
 * What a decider answers: the events to append (possibly none: the command changes nothing), or
 * the error that refuses the command. Deciders never throw for a refused command.
 */
export type Decision<E> =
  | { readonly ok: true; readonly events: readonly E[] }
  | { readonly ok: false; readonly error: DomainError };

export const accept = <E>(...events: E[]): Decision<E> => ({ ok: true, events });
export const refuse = <E>(error: DomainError): Decision<E> => ({ ok: false, error });
