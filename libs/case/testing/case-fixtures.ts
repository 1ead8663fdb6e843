/**
 * Builders for case specs: fictional people only. Defaults describe an adult victim of assault
 * in Bromma (so Brottsofferjouren Västerort), handed over at 10:00 Stockholm time on a Monday.
 */
import { defaultCoveragePolicy, defaultSlaPolicy } from '../src/config/default-policies';
import type {
  CheckDeadlines,
  CloseCase,
  LinkToOtherParty,
  ReceiveHandover,
  RecordContact,
  RegisterCase,
} from '../src/case/case-commands';
import type { CaseEvent } from '../src/case/case-events';
import type { Handover, PersonInput } from '../src/case/intake-input';
import { decideCase } from '../src/case/decide-case';
import { evolveCase } from '../src/case/evolve-case';
import { initialCaseState } from '../src/case/case-state';
import type { CaseCommand } from '../src/case/case-commands';

export const CASE_ID = 'case-1';
export const RECEIVED_AT = '2025-06-02T08:00:00.000Z';
export const NOW = '2025-06-20T12:00:00.000Z';

export const adultPerson: PersonInput = {
  role: 'victim',
  gender: 'female',
  givenName: 'Testa',
  familyName: 'Testsson',
  birthDate: '1990-05-17',
  phone: '070-000 00 00',
  email: 'testa@example.invalid',
  preferredLanguage: 'sv',
};

type HandoverChanges = Partial<Omit<Handover, 'person'>> & { person?: Partial<PersonInput> };

export function handover(changes: HandoverChanges = {}): Handover {
  const { person, ...rest } = changes;
  return {
    handoverId: 'ho-1',
    policeReportNumber: '5000-K000001-25',
    handedOverAt: RECEIVED_AT,
    crime: { category: 'misshandel', code: '0388', occurredOn: '2025-05-31', flags: ['vald-i-nara-relation'] },
    area: { municipality: 'Stockholm', district: 'Bromma' },
    consent: { subject: true },
    ...rest,
    person: { ...adultPerson, ...person },
  };
}

export function receiveHandover(changes: HandoverChanges = {}, command: Partial<ReceiveHandover> = {}): ReceiveHandover {
  return {
    type: 'ReceiveHandover',
    caseId: CASE_ID,
    handover: handover(changes),
    now: NOW,
    coverage: defaultCoveragePolicy,
    sla: defaultSlaPolicy,
    ...command,
  };
}

export function registerCase(changes: Partial<RegisterCase> = {}): RegisterCase {
  return {
    type: 'RegisterCase',
    caseId: CASE_ID,
    org: 'boj-vasterort',
    source: 'self-referral',
    receivedAt: RECEIVED_AT,
    now: NOW,
    crime: { category: 'bedrageri' },
    person: adultPerson,
    sla: defaultSlaPolicy,
    ...changes,
  };
}

export const recordContact = (changes: Partial<RecordContact> = {}): RecordContact => ({
  type: 'RecordContact',
  caseId: CASE_ID,
  channel: 'phone',
  outcome: 'no-answer',
  at: '2025-06-02T09:00:00.000Z',
  now: NOW,
  ...changes,
});

export const closeCase = (changes: Partial<CloseCase> = {}): CloseCase => ({
  type: 'CloseCase',
  caseId: CASE_ID,
  reason: 'support-given',
  at: NOW,
  now: NOW,
  ...changes,
});

export const linkToOtherParty = (changes: Partial<LinkToOtherParty> = {}): LinkToOtherParty => ({
  type: 'LinkToOtherParty',
  caseId: CASE_ID,
  to: 'stodcentrum',
  consent: true,
  linkedCaseId: 'case-2',
  at: '2025-06-03T08:00:00.000Z',
  now: NOW,
  ...changes,
});

/** A deadline check at `now` (the timer's or reconciliation's clock). */
export const checkDeadlines = (now: string, caseId = CASE_ID): CheckDeadlines => ({ type: 'CheckDeadlines', caseId, now });

/** The events a command produces on a fresh stream: a history for `given`. */
export function eventsOf(command: CaseCommand, history: readonly CaseEvent[] = []): CaseEvent[] {
  const state = history.reduce(evolveCase, initialCaseState);
  const answer = decideCase(command, state);
  if (!answer.ok) throw new Error(`fixture command refused: ${answer.error.message}`);
  return [...history, ...answer.events];
}
