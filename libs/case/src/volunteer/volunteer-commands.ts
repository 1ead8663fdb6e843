import { Gender } from '../case/case-facts';
import { OrgId } from '../shared/org';
import { BasicTraining } from './volunteer-events';

export type VolunteerCommand = RegisterVolunteer | DeactivateVolunteer | ChangeVolunteerLanguages;

export interface RegisterVolunteer {
  readonly type: 'RegisterVolunteer';
  readonly volunteerId: string;
  readonly org: OrgId;
  readonly displayName: string;
  readonly gender: Gender;
  readonly genderLabel?: string;
  /** `YYYY-MM-DD`; the app defaults it to today (Stockholm). */
  readonly activeFrom: string;
  /** Defaults to `volunteerId`. */
  readonly userId?: string;
  /** ISO 639-1 codes; default `["sv"]`. */
  readonly languages?: readonly string[];
  /** Default `passed` (a roster brought over is taken as trained). */
  readonly basicTraining?: BasicTraining;
  readonly at: string;
  readonly by?: string;
}

export interface DeactivateVolunteer {
  readonly type: 'DeactivateVolunteer';
  readonly volunteerId: string;
  /** The org in the request path: a volunteer of another org is not found. */
  readonly org: OrgId;
  /** `YYYY-MM-DD`, the last active day; the app defaults it to today (Stockholm). */
  readonly activeUntil: string;
  readonly at: string;
  readonly by?: string;
}

export interface ChangeVolunteerLanguages {
  readonly type: 'ChangeVolunteerLanguages';
  readonly volunteerId: string;
  /** The org in the request path: a volunteer of another org is not found. */
  readonly org: OrgId;
  readonly languages: readonly string[];
  readonly at: string;
  readonly by?: string;
}
