import type { caseActionMessages } from './messages';

type Key = keyof (typeof caseActionMessages)['sv'];

/** The API's refusal codes this view says in its own words. */
const KNOWN: readonly Key[] = ['basic-training-required', 'volunteer-not-active', 'case-closed', 'case-in-triage', 'volunteer-other-org', 'personal-data-erased'];

export function refusalWords(t: (key: Key) => string): (code: string) => string | undefined {
  return (code) => (KNOWN.includes(code as Key) ? t(code as Key) : undefined);
}
