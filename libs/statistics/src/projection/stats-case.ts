import { slaDeadlines, type CaseEvent, type SlaTerms } from '@referral/case';
import { genderKey } from '../gender-key';
import { stockholmDay } from '../stockholm-day';

/**
 * What statistics keep of one case: no personal data, only what a count needs (the holder, the
 * Stockholm day of receipt, the gender key, crime category and flags) and the facts that decide
 * its SLA figures. Kept so that later events (contacts, links, breaches) can be counted by the
 * case's gender and moved between SLA figures.
 */
export interface StatsCase {
  readonly caseId: string;
  /** The holder: an org id, or `triage` until resolved (a case in triage counts nowhere). */
  readonly org: string;
  readonly receivedDay: string;
  readonly genderKey: string;
  readonly category: string;
  readonly flags: readonly string[];
  /** Opened by a link from the other party (`source: 'link'`). */
  readonly viaLink: boolean;
  readonly firstContactDue: string | null;
  /** Earliest `at` of an interaction towards the person, in whatever order they were recorded. */
  readonly firstContactAt: string | null;
  /** An unretracted `FirstContactDeadlineMissed` stands. */
  readonly firstContactMissed: boolean;
  readonly reachDue: string | null;
  readonly reachedByDue: boolean;
  readonly phoneByDue: number;
  readonly eveningByDue: number;
  readonly phoneRequired: number;
  readonly eveningRequired: number;
  /** An unretracted `ReachAttemptsDeadlineMissed` stands. */
  readonly reachMissed: boolean;
}

const sameInstant = (a: string | null, b: string) => a !== null && Date.parse(a) === Date.parse(b);

function withClock(record: StatsCase, terms: SlaTerms | null, startedAt: string): StatsCase {
  const due = terms ? slaDeadlines(terms, startedAt) : null;
  return {
    ...record,
    firstContactDue: due?.firstContactDueAt ?? null,
    reachDue: due?.reachAttemptsDueAt ?? null,
    phoneRequired: terms?.phoneAttemptsRequired ?? 0,
    eveningRequired: terms?.eveningAttemptsRequired ?? 0,
  };
}

/** The case after `event` (pure). `null` stays `null` for events of a case never received. */
export function evolveStatsCase(record: StatsCase | null, event: CaseEvent): StatsCase | null {
  if (event.type === 'CaseReceived') {
    if (record) return record;
    const { data } = event;
    const received: StatsCase = {
      caseId: data.caseId,
      org: data.org,
      receivedDay: stockholmDay(data.at),
      genderKey: genderKey(data.person.gender, data.person.genderLabel),
      category: data.crime.category,
      flags: [...new Set(data.crime.flags)],
      viaLink: data.source === 'link',
      firstContactDue: null,
      firstContactAt: null,
      firstContactMissed: false,
      reachDue: null,
      reachedByDue: false,
      phoneByDue: 0,
      eveningByDue: 0,
      phoneRequired: 0,
      eveningRequired: 0,
      reachMissed: false,
    };
    return withClock(received, data.sla, data.at);
  }
  if (!record) return null;
  switch (event.type) {
    case 'TriageResolved':
      return withClock({ ...record, org: event.data.org }, event.data.sla, event.data.at);
    case 'ContactRecorded': {
      const { at, towardsPerson, reached, channel, inEveningWindow } = event.data;
      const earlier = towardsPerson && (record.firstContactAt === null || Date.parse(at) < Date.parse(record.firstContactAt));
      const byReachDue = record.reachDue !== null && Date.parse(at) <= Date.parse(record.reachDue);
      const phone = byReachDue && channel === 'phone';
      return {
        ...record,
        firstContactAt: earlier ? at : record.firstContactAt,
        reachedByDue: record.reachedByDue || (byReachDue && reached),
        phoneByDue: record.phoneByDue + (phone ? 1 : 0),
        eveningByDue: record.eveningByDue + (phone && inEveningWindow ? 1 : 0),
      };
    }
    case 'FirstContactDeadlineMissed':
      return sameInstant(record.firstContactDue, event.data.dueAt) ? { ...record, firstContactMissed: true } : record;
    case 'ReachAttemptsDeadlineMissed':
      return sameInstant(record.reachDue, event.data.dueAt) ? { ...record, reachMissed: true } : record;
    case 'DeadlineBreachRetracted':
      return event.data.rule === 'first-contact' ? { ...record, firstContactMissed: false } : { ...record, reachMissed: false };
    default:
      return record;
  }
}
