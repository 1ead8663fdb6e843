/** The request plan: what the Police and the users do, in order, with no ids from the service yet. */

export type PartyOrg = 'stodcentrum' | 'boj-stockholm-gotland' | 'boj-sodra-stockholm' | 'boj-vasterort';
export type Role = 'police-integration' | 'volunteer' | 'coordinator' | 'staff';

/** Who sends a request: the claims of the token it carries. */
export interface Actor {
  readonly org: PartyOrg | 'city';
  readonly roles: readonly Role[];
  readonly sub: string;
}

interface StepBase {
  /** Steps of one lane run one after another; lanes run side by side. A linked case shares its origin's lane. */
  readonly lane: string;
  /** When it happens in the simulated world (ms since the epoch); orders the plan. */
  readonly atMs: number;
  /** Index of the simulated day (0 = --from). */
  readonly day: number;
}

export type PlannedStep = StepBase & (
  | { readonly kind: 'register-volunteer'; readonly volunteerKey: string; readonly org: PartyOrg; readonly body: Record<string, unknown> }
  | { readonly kind: 'deactivate-volunteer'; readonly volunteerKey: string; readonly org: PartyOrg; readonly body: { activeUntil: string } }
  | {
      readonly kind: 'record-training';
      readonly org: PartyOrg;
      readonly actor: Actor;
      readonly body: { kind: 'basic' | 'further'; on: string; topic?: string };
      /** Volunteer keys of the plan; sent as the service's volunteer ids. */
      readonly participantKeys: readonly string[];
    }
  | {
      readonly kind: 'handover';
      readonly caseKey: string;
      readonly body: Record<string, unknown>;
      /** Where the planner expects it to go; `refused` for a 422 consent-required. */
      readonly expected: PartyOrg | 'triage' | 'refused';
    }
  | { readonly kind: 'register-case'; readonly caseKey: string; readonly actor: Actor; readonly body: Record<string, unknown> }
  | { readonly kind: 'resolve-triage'; readonly caseKey: string; readonly actor: Actor; readonly routeTo: PartyOrg }
  | { readonly kind: 'assign'; readonly caseKey: string; readonly actor: Actor; readonly volunteerKey: string }
  | { readonly kind: 'contact'; readonly caseKey: string; readonly actor: Actor; readonly body: ContactBody; readonly evening: boolean }
  | { readonly kind: 'link'; readonly caseKey: string; readonly linkedCaseKey: string; readonly actor: Actor; readonly body: LinkBody }
  | { readonly kind: 'close'; readonly caseKey: string; readonly actor: Actor; readonly body: ClosureBody }
);

export type StepKind = PlannedStep['kind'];

export interface ContactBody {
  channel: 'phone' | 'sms' | 'email' | 'letter' | 'social-media' | 'meeting' | 'accompaniment' | 'other-actor';
  outcome: 'reached' | 'no-answer' | 'voicemail' | 'wrong-number' | 'declined';
  at: string;
  note?: string;
}

export interface LinkBody {
  to: PartyOrg;
  consent: true;
  at: string;
  note?: string;
}

export interface ClosureBody {
  reason: 'support-given' | 'declined' | 'unreachable' | 'linked' | 'duplicate' | 'other';
  at: string;
  override?: { reason: string };
}

export interface SimulationPlan {
  readonly from: string;
  readonly to: string;
  readonly seed: number;
  readonly scale: number;
  /** Tags every id the plan makes (handoverIds, volunteer user ids), so the same run is recognised again. */
  readonly runTag: string;
  /** Every simulated date, `from` to `to`. */
  readonly days: readonly string[];
  /** In the order they are sent: by `atMs`, and within a lane as planned. */
  readonly steps: readonly PlannedStep[];
}
