import {
  CHANNELS, CLOSURE_REASONS, HISTORY_TYPES, ORGS, OUTCOMES, ROUTING_REASONS, SLA_RULES, SOURCES, labelOf, type Language,
} from '@referral/labels';
import type { HistoryEntry } from '../../api/types';
import { formatDateTime } from '../../format/time';
import { interpolate } from '../../i18n/i18n';
import { historyMessages } from './history-messages';

export interface HistoryContext {
  language: Language;
  /** The signed-in user's `sub`: their own acts are said as "you". */
  mySub?: string;
  /** The signed-in volunteer's own id, where known (a volunteer's case is assigned to them). */
  myVolunteerId?: string;
  /** Volunteer names by id, where the user may read the roster (a coordinator). */
  volunteerNames?: Record<string, string>;
}

export interface HistoryText {
  title: string;
  details: string[];
  /** A missed deadline is marked in words too; the tone only repeats it. */
  tone: 'breach' | 'ok' | null;
}

const RECORDED_LATE_AFTER_MINUTES = 10;

/** One history entry in words: what happened, and the facts that matter to the reader. */
export function describeHistoryEntry(entry: HistoryEntry, context: HistoryContext): HistoryText {
  const { language } = context;
  const m = historyMessages[language];
  const say = (template: string, vars: Record<string, string | number> = {}) => interpolate(template, vars);
  const label = (labels: Parameters<typeof labelOf>[0], code: unknown) => labelOf(labels, String(code), language);
  const when = (iso: unknown) => (typeof iso === 'string' ? formatDateTime(iso, language) : '–');
  const str = (value: unknown) => (typeof value === 'string' ? value : '');
  const details: string[] = [];
  let title = label(HISTORY_TYPES, entry.type);
  let tone: HistoryText['tone'] = null;
  const byMe = context.mySub !== undefined && entry.by === context.mySub;

  switch (entry.type) {
    case 'CaseReceived': {
      details.push(say(m.from, { source: label(SOURCES, entry.source) }));
      if (entry.status === 'triage') details.push(say(m.toTriage, { reason: label(ROUTING_REASONS, entry.reason) }));
      else details.push(say(m.to, { org: label(ORGS, entry.routedTo) }));
      const from = entry.linkedFrom as { org?: string } | undefined;
      if (from?.org) details.push(say(m.linkedFrom, { org: label(ORGS, from.org) }));
      break;
    }
    case 'TriageResolved':
      details.push(say(m.routedTo, { org: label(ORGS, entry.routedTo) }));
      break;
    case 'VolunteerAssigned': {
      const name = context.volunteerNames?.[str(entry.volunteerId)];
      const toMe = context.myVolunteerId !== undefined && entry.volunteerId === context.myVolunteerId;
      if (byMe && !context.volunteerNames) details.push(m.tookIt);
      else if (toMe) details.push(m.assignedToYou);
      else details.push(name ? say(m.assignedTo, { name }) : m.assignedSomeone);
      if (entry.previousVolunteerId) details.push(m.reassigned);
      break;
    }
    case 'VolunteerUnassigned':
      details.push(m.unassigned);
      break;
    case 'ContactRecorded': {
      title = say(m.contact, { channel: label(CHANNELS, entry.channel), outcome: label(OUTCOMES, entry.outcome) });
      const late = Date.parse(str(entry.recordedAt)) - Date.parse(entry.at);
      if (late > RECORDED_LATE_AFTER_MINUTES * 60_000) details.push(say(m.recordedLater, { when: when(entry.recordedAt) }));
      if (entry.outcome === 'reached' && entry.channel !== 'other-actor') tone = 'ok';
      break;
    }
    case 'ContactSafetyChanged': {
      details.push(entry.mayLeaveMessage ? m.mayLeaveMessage : m.noMessage);
      const hours = entry.safeHours as { from: string; to: string } | null | undefined;
      details.push(hours ? say(m.safeHours, hours) : m.anyHour);
      break;
    }
    case 'PersonLinked':
      details.push(say(m.linkedTo, { org: label(ORGS, entry.to) }));
      break;
    case 'CaseClosed': {
      details.push(say(m.closedBecause, { reason: label(CLOSURE_REASONS, entry.reason) }));
      const override = entry.override as { reason?: string } | undefined;
      if (override) details.push(override.reason ? say(m.overrideReason, { reason: override.reason }) : m.override);
      break;
    }
    case 'PersonalDataErased':
      if (entry.reason) details.push(say(m.erasureReason, { reason: str(entry.reason) }));
      break;
    case 'FirstContactDeadlineMissed':
    case 'ReachAttemptsDeadlineMissed':
      tone = 'breach';
      details.push(say(m.dueAt, { when: when(entry.dueAt) }));
      if (entry.type === 'ReachAttemptsDeadlineMissed') {
        details.push(say(m.attemptsAtBreach, { phone: Number(entry.phoneAttempts ?? 0), evening: Number(entry.eveningAttempts ?? 0) }));
      }
      if (entry.detectedAt && Date.parse(str(entry.detectedAt)) - Date.parse(entry.at) > 60_000) details.push(say(m.detectedLater, { when: when(entry.detectedAt) }));
      break;
    case 'DeadlineBreachRetracted':
      tone = 'ok';
      details.push(say(m.retracted, { rule: label(SLA_RULES, entry.rule), when: when(entry.metAt) }));
      break;
    case 'TriageWaitExceeded':
      tone = 'breach';
      details.push(say(m.triageWaited, { hours: Number(entry.hoursWaited ?? 0), when: when(entry.receivedAt) }));
      break;
  }
  if (typeof entry.note === 'string') details.push(say(m.note, { note: entry.note }));
  if (entry.personalData === 'erased') details.push(m.erased);
  if (byMe && entry.type !== 'VolunteerAssigned') details.push(m.byYou);
  return { title, details, tone };
}
