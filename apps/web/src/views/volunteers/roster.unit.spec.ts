import { describe, expect, it } from 'vitest';
import { isActive, rosterOrder, trainingState } from './roster';

const person = (displayName: string, activeFrom: string, activeUntil: string | null) =>
  ({ volunteerId: displayName, userId: displayName, displayName, languages: ['sv'], activeFrom, activeUntil, openCases: 0 });

describe('the volunteer roster', () => {
  it('says basic training by its date, as missing while pending, and as passed for a roster brought over', () => {
    expect(trainingState({ basicTraining: 'passed', basicTrainingOn: '2025-03-01' })).toEqual({ kind: 'on', date: '2025-03-01' });
    expect(trainingState({ basicTraining: 'pending', basicTrainingOn: null })).toEqual({ kind: 'missing' });
    expect(trainingState({ basicTraining: 'passed', basicTrainingOn: null })).toEqual({ kind: 'taken-as-passed' });
  });

  it('is active from its first day to its last, inclusive', () => {
    expect(isActive(person('A', '2025-06-10', null), '2025-06-10')).toBe(true);
    expect(isActive(person('A', '2025-06-11', null), '2025-06-10')).toBe(false);
    expect(isActive(person('A', '2025-01-01', '2025-06-10'), '2025-06-10')).toBe(true);
    expect(isActive(person('A', '2025-01-01', '2025-06-09'), '2025-06-10')).toBe(false);
  });

  it('lists the active first, then by name in Swedish order', () => {
    const order = rosterOrder([person('Örjan', '2025-01-01', null), person('Åsa', '2025-01-01', '2025-02-01'), person('Adam', '2025-01-01', null)], '2025-06-10');
    expect(order.map((v) => v.displayName)).toEqual(['Adam', 'Örjan', 'Åsa']);
  });
});
