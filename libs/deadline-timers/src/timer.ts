/** The deadlines a case can have a timer for (`triage-wait`: the city's line for a triage case). */
export type DeadlineKind = 'first-contact' | 'reach-attempts' | 'at-risk' | 'triage-wait';

export const DEADLINE_KINDS: readonly DeadlineKind[] = ['first-contact', 'reach-attempts', 'at-risk', 'triage-wait'];

/** One open deadline of one case. Ids and kinds only: a timer never carries personal data. */
export interface DeadlineTimer {
  readonly caseId: string;
  readonly kind: DeadlineKind;
  /** ISO 8601 instant. */
  readonly dueAt: string;
  /**
   * Job data `correlationId`: the `metadata.correlationId` of the event whose reaction armed the
   * timer (the request that received the case, say), for its fire log line and the check's events.
   * Absent on a timer armed by reconciliation. Never part of the job id: arming a timer again
   * keeps the job, and its data, of the first arming.
   */
  readonly correlationId?: string;
  /** Job data `causationId`: the id of that event. */
  readonly causationId?: string;
}

/** What a correlation or causation id looks like (a request id or a UUID); anything else is dropped. */
const TRACE_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const traceId = (value: unknown): string | undefined => (typeof value === 'string' && TRACE_ID.test(value) ? value : undefined);

/** The timer's correlation and causation ids that are well formed, as fields to spread. */
export function traceOf(timer: Pick<DeadlineTimer, 'correlationId' | 'causationId'>): { correlationId?: string; causationId?: string } {
  const correlationId = traceId(timer.correlationId);
  const causationId = traceId(timer.causationId);
  return { ...(correlationId ? { correlationId } : {}), ...(causationId ? { causationId } : {}) };
}

/**
 * Milliseconds after the due instant at which the timer fires. A deadline is missed strictly
 * after its due instant, so firing at the instant itself would find it still open (so is a triage
 * wait: more than the hours); at-risk, by contrast, begins at its instant.
 */
const FIRE_OFFSET_MS: Record<DeadlineKind, number> = {
  'first-contact': 1,
  'reach-attempts': 1,
  'at-risk': 0,
  'triage-wait': 1,
};

export function dueAtMs(timer: DeadlineTimer): number {
  const ms = Date.parse(timer.dueAt);
  if (Number.isNaN(ms)) throw new RangeError(`Timer ${timer.kind} of case ${timer.caseId} has an invalid dueAt`);
  return ms;
}

/** The epoch millisecond at which the timer must fire. */
export function fireAtMs(timer: DeadlineTimer): number {
  return dueAtMs(timer) + FIRE_OFFSET_MS[timer.kind];
}

/** Delay for BullMQ from `now`; 0 once the fire instant has passed. */
export function delayMs(timer: DeadlineTimer, now: Date): number {
  return Math.max(0, fireAtMs(timer) - now.getTime());
}

/**
 * Deterministic BullMQ job id: the same timer always maps to the same job, so arming twice is one
 * job. BullMQ reserves ':' (key separator) and rejects all-digit ids; the kind prefix avoids both.
 */
export function timerJobId(timer: DeadlineTimer): string {
  if (!DEADLINE_KINDS.includes(timer.kind)) throw new RangeError(`Unknown deadline kind ${String(timer.kind)}`);
  if (timer.caseId.includes(':')) throw new RangeError(`Case id ${timer.caseId} contains ':'`);
  return `${timer.kind}.${timer.caseId}.${dueAtMs(timer)}`;
}

/** Reads a timer back from job data, rejecting anything that is not one. */
export function asTimer(data: unknown): DeadlineTimer {
  const candidate = data as Partial<DeadlineTimer> | null;
  if (
    typeof candidate?.caseId !== 'string' ||
    typeof candidate.dueAt !== 'string' ||
    !DEADLINE_KINDS.includes(candidate.kind as DeadlineKind)
  ) {
    throw new TypeError('Job data is not a deadline timer');
  }
  return { caseId: candidate.caseId, kind: candidate.kind as DeadlineKind, dueAt: candidate.dueAt, ...traceOf(candidate) };
}
