import { slaDeadlines, type SlaTerms } from '@referral/case';
import type { SqlClient } from '@referral/sql';
import type { SentContact, SentHandover } from './fault-load';
import type { Outcome } from './resilient-client';

/** One thing the store shows that it should not; the ids say where, never personal data. */
export interface Finding {
  check: string;
  id: string;
  detail: string;
}

interface StoredEvent {
  stream_id: string;
  revision: string;
  type: string;
  data: Record<string, unknown>;
  recorded_at: Date;
}

export interface OracleFigures {
  events: number;
  cases: number;
  deadlinesPassed: number;
  breaches: number;
  retractions: number;
  /** Of the deadlines that fell due during the run: breach recorded (the database's clock at its append) minus due, in ms. */
  lateness: { p50: number; p99: number; max: number } | null;
}

/**
 * The request took effect, as the contract tells the client: 200/201, or 503 `read-model-behind`
 * ("the change is saved, but the views have not caught up yet": a worker was away for longer
 * than the command's bounded read-your-writes wait).
 */
const tookEffect = (outcome: Outcome | undefined) =>
  outcome !== undefined && (outcome.status === 200 || outcome.status === 201
    || (outcome.status === 503 && (outcome.body as { error?: unknown } | null)?.error === 'read-model-behind'));
const ms = (instant: unknown) => Date.parse(String(instant));

/**
 * An independent check of the whole history: it reads the event store's table from position
 * zero with plain SQL (none of the service's read paths) and compares it with what the load
 * sent and was told. Deadlines that fell due by `observedUntil` must each be breached exactly
 * once or met (a breach of a met deadline retracted). Lateness is measured for those due from
 * `runFrom` on (a case handed over long ago is breached at once, however late that is).
 */
export async function checkHistory(
  db: SqlClient,
  sent: { handovers: readonly SentHandover[]; contacts: readonly SentContact[] },
  observed: { runFrom: number; until: number },
): Promise<{ findings: Finding[]; figures: OracleFigures }> {
  const observedUntil = observed.until;
  const findings: Finding[] = [];
  const found = (check: string, id: string, detail: string) => findings.push({ check, id, detail });
  const { rows } = await db.query<StoredEvent>('SELECT stream_id, revision, type, data, recorded_at FROM es_events ORDER BY position');

  // Each stream's revisions are 0, 1, 2, ... in position order: nothing lost in between, nothing twice.
  const nextRevision = new Map<string, number>();
  for (const event of rows) {
    const expected = nextRevision.get(event.stream_id) ?? 0;
    if (Number(event.revision) !== expected) found('stream-revisions', event.stream_id, `revision ${event.revision} where ${expected} was next`);
    nextRevision.set(event.stream_id, Number(event.revision) + 1);
  }

  const byCase = new Map<string, StoredEvent[]>();
  for (const event of rows) {
    const caseId = event.data.caseId;
    if (typeof caseId === 'string' && event.stream_id === `case-${caseId}`) byCase.set(caseId, [...(byCase.get(caseId) ?? []), event]);
  }

  // Every accepted handover is exactly one case, the one it was answered; no case from a handover nobody sent.
  const receivedByHandover = new Map<string, StoredEvent[]>();
  for (const event of rows) {
    if (event.type !== 'CaseReceived' || typeof event.data.handoverId !== 'string') continue;
    receivedByHandover.set(event.data.handoverId, [...(receivedByHandover.get(event.data.handoverId) ?? []), event]);
  }
  const sentIds = new Set(sent.handovers.map((h) => h.handoverId));
  for (const [handoverId, cases] of receivedByHandover) {
    if (!sentIds.has(handoverId)) found('handover-unknown', handoverId, 'a case from a handover the load never sent');
    if (cases.length > 1) found('handover-doubled', handoverId, `${cases.length} cases: ${cases.map((c) => c.data.caseId).join(', ')}`);
  }
  for (const handover of sent.handovers) {
    const cases = receivedByHandover.get(handover.handoverId) ?? [];
    if (!tookEffect(handover.outcome)) found('handover-unanswered', handover.handoverId, `no answer but ${handover.outcome?.status ?? 'a network error'} after ${handover.outcome?.trail.map((t) => t ?? '-').join(' ') ?? 'no try'}`);
    if (tookEffect(handover.outcome) && cases.length === 0) found('handover-lost', handover.handoverId, `answered ${handover.outcome?.status} but no case`);
    if (handover.caseId && cases[0] && cases[0].data.caseId !== handover.caseId) found('handover-answer', handover.handoverId, `answered ${handover.caseId}, stored ${String(cases[0].data.caseId)}`);
  }

  // Every Idempotency-Key took effect once (exactly once when the answer says it did); no call nobody made.
  const callsOf = new Map<string, number>();
  const callKey = (caseId: unknown, at: unknown) => `${String(caseId)}@${ms(at)}`;
  for (const event of rows.filter((e) => e.type === 'ContactRecorded')) {
    const key = callKey(event.data.caseId, event.data.at);
    callsOf.set(key, (callsOf.get(key) ?? 0) + 1);
  }
  const sentCalls = new Set<string>();
  for (const contact of sent.contacts) {
    const key = callKey(contact.caseId, contact.at);
    sentCalls.add(key);
    const times = callsOf.get(key) ?? 0;
    const answered = contact.outcomes.some(tookEffect);
    if (times > 1) found('idempotency-doubled', contact.caseId, `the call of one Idempotency-Key is in the history ${times} times`);
    if (answered && times === 0) found('contact-lost', contact.caseId, 'answered as saved but not in the history');
    if (!contact.outcomes.every(tookEffect)) found('contact-unanswered', contact.caseId, `answered ${contact.outcomes.map((o) => `${o.status ?? 'network error'} after ${o.trail.map((t) => t ?? '-').join(' ')}`).join('; ')}`);
    const statuses = new Set(contact.outcomes.map((o) => o.status));
    if (statuses.size > 1) found('idempotency-answers', contact.caseId, `one key answered ${[...statuses].join(' and ')}`);
  }
  for (const key of callsOf.keys()) if (!sentCalls.has(key)) found('contact-unknown', key.split('@')[0]!, 'a call in the history that the load never sent');

  // Deadlines: each one that fell due is breached exactly once, or met.
  const late: number[] = [];
  let deadlinesPassed = 0;
  let breaches = 0;
  let retractions = 0;
  for (const handover of sent.handovers) {
    const events = handover.caseId ? byCase.get(handover.caseId) : undefined;
    const received = events?.find((e) => e.type === 'CaseReceived');
    if (!received || received.data.status !== 'open' || !received.data.sla) continue;
    const terms = received.data.sla as SlaTerms;
    const due = slaDeadlines(terms, String(received.data.at));
    if (!due) continue;
    const calls = events!.filter((e) => e.type === 'ContactRecorded' && e.data.towardsPerson === true);
    const rules = [
      { rule: 'first-contact', missed: 'FirstContactDeadlineMissed', dueAt: ms(due.firstContactDueAt),
        met: (at: number) => calls.some((c) => ms(c.data.at) <= at) },
      { rule: 'reach-attempts', missed: 'ReachAttemptsDeadlineMissed', dueAt: ms(due.reachAttemptsDueAt),
        met: (at: number) => {
          const inTime = calls.filter((c) => ms(c.data.at) <= at);
          const phone = inTime.filter((c) => c.data.channel === 'phone');
          return inTime.some((c) => c.data.reached === true)
            || (phone.length >= terms.phoneAttemptsRequired && phone.filter((c) => c.data.inEveningWindow === true).length >= terms.eveningAttemptsRequired);
        } },
    ];
    for (const { rule, missed, dueAt, met } of rules) {
      const recorded = events!.filter((e) => e.type === missed);
      const retracted = events!.filter((e) => e.type === 'DeadlineBreachRetracted' && e.data.rule === rule);
      breaches += recorded.length;
      retractions += retracted.length;
      for (const breach of recorded) {
        if (ms(breach.data.dueAt) !== dueAt) found('breach-due', handover.caseId!, `${rule} breach due ${String(breach.data.dueAt)}, the rule says ${new Date(dueAt).toISOString()}`);
        if (dueAt >= observed.runFrom) late.push(breach.recorded_at.getTime() - dueAt);
      }
      if (dueAt > observedUntil) {
        if (recorded.length > 0) found('breach-early', handover.caseId!, `${rule} breached before it was due`);
        continue;
      }
      deadlinesPassed += 1;
      if (met(dueAt)) {
        if (recorded.length > 1 || recorded.length - retracted.length !== 0) found('breach-of-met', handover.caseId!, `${rule} met, ${recorded.length} breaches, ${retracted.length} retracted`);
      } else if (recorded.length !== 1 || retracted.length !== 0) {
        found('breach-count', handover.caseId!, `${rule} passed unmet: ${recorded.length} breaches (exactly 1 expected), ${retracted.length} retracted`);
      }
    }
  }
  late.sort((a, b) => a - b);
  const at = (q: number) => late[Math.min(late.length - 1, Math.floor(q * late.length))]!;
  return {
    findings,
    figures: {
      events: rows.length, cases: byCase.size, deadlinesPassed, breaches, retractions,
      lateness: late.length === 0 ? null : { p50: at(0.5), p99: at(0.99), max: late[late.length - 1]! },
    },
  };
}
