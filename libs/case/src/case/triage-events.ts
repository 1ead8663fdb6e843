/**
 * A triage case was still not routed `triageAlertHours` after receipt: the city's coordinators
 * are told. Recorded once, at the moment the line was crossed (`at` = received + the hours),
 * however late the check that found it (`detectedAt`).
 */
export interface TriageWaitExceeded {
  readonly type: 'TriageWaitExceeded';
  readonly data: {
    readonly caseId: string;
    /** Always `triage`: the case had no holder yet. */
    readonly org: 'triage';
    readonly receivedAt: string;
    /** When it happened: `receivedAt` + `triageAlertHours`. */
    readonly at: string;
    readonly triageAlertHours: number;
    /** The `now` of the check that recorded it (later than `at` after downtime). */
    readonly detectedAt: string;
    /** The SLA policy version the hours come from. */
    readonly policyVersion: string;
    /** Never set by a check (no user acts); present so every case event reads alike. */
    readonly by?: string;
  };
}
