import type { SimulationConfig } from '../simulation-config';
import type { JourOrg, PlannedStep, SurveyScores } from './plan-types';
import type { Random } from './random';
import { DAY_MS, stockholmIso } from './stockholm-clock';
import { coordinatorOf } from './volunteer-roster';

type Closing = Extract<PlannedStep, { kind: 'close' }>;
type Answer = Extract<PlannedStep, { kind: 'answer-survey' }>;

const QUESTIONS: readonly (keyof SurveyScores)[] = ['bemotande', 'information', 'hjalp', 'rekommendera'];
const isJour = (org: string): org is JourOrg => org.startsWith('boj-');

/**
 * The satisfaction survey as people answer it: some of those whose jour case closed with
 * `support-given` answer within weeks (on paper, typed in by a coordinator with `at`). Draws from
 * its own random stream, so answering changes nothing else in the plan.
 */
export class SurveyAnswerPlanner {
  constructor(private readonly random: Random, private readonly config: SimulationConfig) {}

  /** The answer to the survey a closing offers, not yet scored; null when it offers none or nobody answers. */
  answerTo(closing: Omit<Closing, 'day'>): Omit<Answer, 'day'> | null {
    const { random } = this;
    const surveys = this.config.surveys;
    const org = closing.actor.org;
    if (closing.body.reason !== 'support-given' || !isJour(org)) return null;
    if (!random.chance(surveys.answeredShareOfSupportGiven)) return null;
    const atMs = closing.atMs + random.between(surveys.answeredWithinDays.from, surveys.answeredWithinDays.to) * DAY_MS;
    const comment = random.chance(surveys.commentShare) ? random.pick(surveys.comments) : undefined;
    return {
      kind: 'answer-survey', lane: closing.lane, caseKey: closing.caseKey, org, actor: coordinatorOf(org), atMs,
      body: { scores: {}, at: stockholmIso(atMs), ...(comment ? { comment } : {}) },
    };
  }

  /**
   * Scores every answer of `steps` (in time order), so that each jour's average over the scores
   * given so far stays on its target: each score is drawn around the value that would put the
   * running mean exactly on target, so any period that starts with the plan lands on it too.
   */
  score(steps: PlannedStep[]): void {
    const given = new Map<JourOrg, { sum: number; count: number }>();
    steps.forEach((step, i) => {
      if (step.kind !== 'answer-survey') return;
      const target = this.config.surveys.targetAverage[step.org];
      const tally = given.get(step.org) ?? { sum: 0, count: 0 };
      given.set(step.org, tally);
      const scores: SurveyScores = {};
      for (const question of QUESTIONS) {
        const onTarget = target * (tally.count + 1) - tally.sum;
        const spread = (this.random.next() + this.random.next() - 1) * 2.5;
        const score = Math.min(5, Math.max(1, Math.round(onTarget + spread)));
        scores[question] = score;
        tally.sum += score;
        tally.count += 1;
      }
      steps[i] = { ...step, body: { ...step.body, scores } };
    });
  }
}
