import { describe, expect, it } from 'vitest';
import { isSurveyToken, outcomeOf, QUESTIONS, surveyAnswer } from './survey-answer';

describe('the survey answer', () => {
  it('asks the four statements in the survey order', () => {
    expect(QUESTIONS).toEqual(['bemotande', 'information', 'hjalp', 'rekommendera']);
  });

  it('sends only the statements scored, and a comment only when one is written', () => {
    expect(surveyAnswer({ hjalp: 4, bemotande: undefined }, '   ')).toEqual({ scores: { hjalp: 4 } });
    expect(surveyAnswer({ bemotande: 5, rekommendera: 1 }, ' Bra ')).toEqual({ scores: { bemotande: 5, rekommendera: 1 }, comment: 'Bra' });
  });

  it('given no score at all, has nothing to send', () => {
    expect(surveyAnswer({}, 'Bara en kommentar')).toBeNull();
  });

  it('knows the shape of a survey link', () => {
    expect(isSurveyToken('A'.repeat(43))).toBe(true);
    expect(isSurveyToken('not-a-token')).toBe(false);
    expect(isSurveyToken(`${'A'.repeat(42)}/`)).toBe(false);
  });
});

describe("what the person is told for the service's answer", () => {
  it.each([
    [201, 'thanks'],
    [409, 'answered'],
    [404, 'unknown'],
    [429, 'busy'],
    [500, 'failed'],
    [400, 'failed'],
  ] as const)('given %i, says %s', (status, outcome) => {
    expect(outcomeOf(status)).toBe(outcome);
  });

  it('given a refused token (400 naming it), says the link does not work', () => {
    expect(outcomeOf(400, { details: [{ path: 'token' }] })).toBe('unknown');
  });
});
