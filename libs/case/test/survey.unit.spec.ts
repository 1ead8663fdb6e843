import { caseDecider } from '../src/case/case-decider';
import type { CaseEvent } from '../src/case/case-events';
import { surveyDecider } from '../src/survey/survey-decider';
import type { AnswerSurvey, SurveyAnswered, SurveyOffer } from '../src/survey/survey-events';
import { deciderSpec } from '../testing/decider-spec';
import { CASE_ID, NOW, closeCase, eventsOf, receiveHandover } from '../testing/case-fixtures';

const caseSpec = deciderSpec(caseDecider);
const surveySpec = deciderSpec(surveyDecider);
const openCase = eventsOf(receiveHandover());
const SURVEY = { surveyId: 'sid-1', token: 'tok-1' };

const offer: SurveyOffer = { surveyId: 'sid-1', org: 'boj-vasterort', closedAt: '2025-06-20T12:00:00.000Z', expiresAt: '2025-08-19T12:00:00.000Z' };
const answer = (changes: Partial<AnswerSurvey> = {}): AnswerSurvey => ({
  type: 'AnswerSurvey',
  offer,
  scores: { bemotande: 5, information: 4, hjalp: 4, rekommendera: 5 },
  now: '2025-06-25T09:00:00.000Z',
  ...changes,
});
const answered: SurveyAnswered[] = [{
  type: 'SurveyAnswered',
  data: { surveyId: 'sid-1', org: 'boj-vasterort', at: '2025-06-25T09:00:00.000Z', closedOn: '2025-06-20', scores: { hjalp: 3 } },
}];

describe('CloseCase offers the satisfaction survey', () => {
  it('given an open case, when it is closed with support-given, then the survey id and its 60 days go with CaseClosed, the token sealed as personal data', () =>
    caseSpec.given(openCase).when(closeCase({ survey: SURVEY })).thenEvents(([event]) => {
      expect(event!.data).toMatchObject({
        survey: { surveyId: 'sid-1', expiresAt: '2025-08-19T12:00:00.000Z' },
        personalData: { surveyToken: 'tok-1' },
      });
      expect(JSON.stringify({ ...event!.data, personalData: undefined })).not.toContain('tok-1');
    }));

  it('counts the 60 days on the Stockholm calendar: closed in summer time, valid to the same wall-clock time in winter time', () =>
    caseSpec.given(openCase).when(closeCase({ survey: SURVEY, at: '2025-09-30T10:00:00.000Z', now: '2025-10-01T00:00:00.000Z' }))
      .thenEvents(([event]) => expect(event!.data).toMatchObject({ survey: { expiresAt: '2025-11-29T11:00:00.000Z' } })));

  it('offers nothing for another reason', () =>
    caseSpec.given(openCase).when(closeCase({ reason: 'declined', survey: SURVEY })).thenEvents(([event]) => {
      expect(event!.data).not.toHaveProperty('survey');
      expect(event!.data).not.toHaveProperty('personalData');
    }));

  it('offers nothing once the personal data is erased (the token could not be sealed)', () => {
    const erased: CaseEvent[] = [...openCase, { type: 'PersonalDataErased', data: { caseId: CASE_ID, org: 'boj-vasterort', at: NOW, reason: 'begäran' } }];
    caseSpec.given(erased).when(closeCase({ survey: SURVEY })).thenEvents(([event]) => expect(event!.data).not.toHaveProperty('survey'));
  });
});

describe('AnswerSurvey', () => {
  it('given an offered survey, when it is answered, then SurveyAnswered with the org, the days and the scores, and no case id', () =>
    surveySpec.given([]).when(answer({ comment: '  Tack för hjälpen  ' })).then([{
      type: 'SurveyAnswered',
      data: {
        surveyId: 'sid-1', org: 'boj-vasterort', at: '2025-06-25T09:00:00.000Z', closedOn: '2025-06-20',
        scores: { bemotande: 5, information: 4, hjalp: 4, rekommendera: 5 }, personalData: { comment: 'Tack för hjälpen' },
      },
    }]));

  it('takes one score alone, and a blank comment as none', () =>
    surveySpec.given([]).when(answer({ scores: { hjalp: 2 }, comment: '   ' })).thenEvents(([event]) => {
      expect(event!.data.scores).toEqual({ hjalp: 2 });
      expect(event!.data).not.toHaveProperty('personalData');
    }));

  it('answers a second time with 409 survey-answered', () => surveySpec.given(answered).when(answer()).thenFails('survey-answered'));

  it('answers an unknown token, and one past its 60 days, with 404', () => {
    surveySpec.given([]).when(answer({ offer: null })).thenFailure(({ error }) => expect(error).toMatchObject({ status: 404, code: 'survey-not-found' }));
    surveySpec.given([]).when(answer({ now: '2025-08-19T12:00:00.000Z' })).then([expect.objectContaining({ type: 'SurveyAnswered' })] as never);
    surveySpec.given([]).when(answer({ now: '2025-08-19T12:00:00.001Z' })).thenFails('survey-not-found');
  });

  it('takes an answer given earlier (a paper form typed in later) while it was given within the 60 days', () => {
    surveySpec.given([]).when(answer({ now: '2026-01-01T00:00:00.000Z', at: '2025-07-01T10:00:00+02:00' }))
      .thenEvents(([event]) => expect(event!.data.at).toBe('2025-07-01T08:00:00.000Z'));
    surveySpec.given([]).when(answer({ now: '2026-01-01T00:00:00.000Z', at: '2025-08-20T10:00:00+02:00' })).thenFails('survey-not-found');
    surveySpec.given([]).when(answer({ at: '2025-06-19T10:00:00Z' })).thenFailure(({ error }) => expect(error.details).toEqual([{ path: 'at', message: 'is before the case was closed' }]));
    surveySpec.given([]).when(answer({ at: '2025-06-26T10:00:00Z' })).thenFailure(({ error }) => expect(error.details).toEqual([{ path: 'at', message: 'is in the future' }]));
  });

  it.each([
    [{ hjalp: 0 }, 'scores.hjalp', 'must be an integer from 1 to 5'],
    [{ hjalp: 6 }, 'scores.hjalp', 'must be an integer from 1 to 5'],
    [{ hjalp: 4.5 }, 'scores.hjalp', 'must be an integer from 1 to 5'],
    [{ hjalp: '4' }, 'scores.hjalp', 'must be an integer from 1 to 5'],
    [{ trevlig: 4 }, 'scores.trevlig', 'is not a question; one of bemotande, information, hjalp, rekommendera'],
    [{}, 'scores', 'must hold at least one score'],
    [null, 'scores', 'must be an object'],
  ])('refuses scores %j with 400 naming %s, before the token is judged, so nothing is used up', (scores, path, message) => {
    for (const [history, offered] of [[[], offer], [answered, offer], [[], null]] as const) {
      surveySpec.given(history).when(answer({ scores, offer: offered }))
        .thenFailure(({ error }) => expect(error).toMatchObject({ status: 400, details: [{ path, message }] }));
    }
  });
});
