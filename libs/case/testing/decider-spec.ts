/**
 * Given/when/then specifications for deciders:
 *
 *   given([caseReceived]).when(recordContact).then([contactRecorded]);
 *   given([]).when(closeCase).thenFails('case-not-found');
 */
import type { DomainError, DomainErrorCode } from '../src/shared/domain-error';

type Answer<E> = { readonly ok: true; readonly events: readonly E[] } | { readonly ok: false; readonly error: DomainError };

export interface Decider<C, E, S, A extends Answer<E> = Answer<E>> {
  readonly decide: (command: C, state: S) => A;
  readonly evolve: (state: S, event: E) => S;
  readonly initialState: S;
}

export interface Then<E, A> {
  /** The command succeeds with exactly these events. */
  then(expected: readonly E[]): void;
  /** The command succeeds; the events are checked by `check`. */
  thenEvents(check: (events: readonly E[]) => void): void;
  /** The command is refused with this code (and a message matching `message`). */
  thenFails(code: DomainErrorCode, message?: string | RegExp): void;
  /** The command is refused; the refusal is checked by `check`. */
  thenFailure(check: (failure: Extract<A, { ok: false }>) => void): void;
}

export function deciderSpec<C, E, S, A extends Answer<E>>(decider: Decider<C, E, S, A>) {
  return {
    given(history: readonly E[]) {
      return {
        when(command: C): Then<E, A> {
          const state = history.reduce(decider.evolve, decider.initialState);
          const answer = decider.decide(command, state);
          const events = (): readonly E[] => {
            if (!answer.ok) throw new Error(`expected events, got ${answer.error.code}: ${answer.error.message}`);
            return answer.events;
          };
          return {
            then: (expected) => expect(events()).toEqual(expected),
            thenEvents: (check) => check(events()),
            thenFailure(check) {
              if (answer.ok) throw new Error(`expected a refusal, got events ${JSON.stringify(answer.events)}`);
              check(answer as Extract<A, { ok: false }>);
            },
            thenFails(code, message) {
              this.thenFailure(({ error }) => {
                expect(error.code).toBe(code);
                if (message !== undefined) expect(error.message).toMatch(message);
              });
            },
          };
        },
      };
    },
  };
}

/** The state a history of events folds to, for specs that inspect it. */
export const stateAfter = <C, E, S>(decider: Decider<C, E, S>, history: readonly E[]): S =>
  history.reduce(decider.evolve, decider.initialState);
