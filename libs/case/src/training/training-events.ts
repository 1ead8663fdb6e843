import { OrgId } from '../shared/org';

export type TrainingKind = 'basic' | 'further';
export const TRAINING_KINDS: readonly TrainingKind[] = ['basic', 'further'];

/** The training stream's events (`training-<trainingId>`): one session, recorded once. */
export type TrainingEvent = TrainingHeld;

/**
 * An org held a training session for its support persons. A `basic` session qualifies every
 * participant to take cases (the basic-training rule of the partnership's annex).
 */
export interface TrainingHeld {
  readonly type: 'TrainingHeld';
  readonly data: {
    readonly trainingId: string;
    readonly org: OrgId;
    readonly kind: TrainingKind;
    /** `YYYY-MM-DD`, Stockholm: the day it was held, the day the report counts it on. */
    readonly on: string;
    /** What it was about; a title kept in clear, so it holds no personal data. */
    readonly topic?: string;
    /** Volunteer ids of the org, each once. */
    readonly participants: readonly string[];
    readonly at: string;
    readonly by?: string;
  };
}
