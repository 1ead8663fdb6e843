import type { RosterVolunteer } from '../../api/types';

/** Basic training as the roster says it: passed on a date, taken as passed (brought over), or missing. */
export type TrainingState = { kind: 'on'; date: string } | { kind: 'taken-as-passed' } | { kind: 'missing' };

export function trainingState(volunteer: Pick<RosterVolunteer, 'basicTraining' | 'basicTrainingOn'>): TrainingState {
  if (volunteer.basicTrainingOn) return { kind: 'on', date: volunteer.basicTrainingOn };
  return volunteer.basicTraining === 'pending' ? { kind: 'missing' } : { kind: 'taken-as-passed' };
}

/** Active on `today` (a Stockholm date): started, and not ended before it. */
export function isActive(volunteer: Pick<RosterVolunteer, 'activeFrom' | 'activeUntil'>, today: string): boolean {
  return volunteer.activeFrom <= today && (volunteer.activeUntil === null || volunteer.activeUntil >= today);
}

/** Active volunteers first, then by name (Swedish order), so the roster reads like a list of people. */
export function rosterOrder(volunteers: readonly RosterVolunteer[], today: string): RosterVolunteer[] {
  const collator = new Intl.Collator('sv');
  return [...volunteers].sort(
    (a, b) => Number(isActive(b, today)) - Number(isActive(a, today)) || collator.compare(a.displayName ?? '', b.displayName ?? ''),
  );
}
