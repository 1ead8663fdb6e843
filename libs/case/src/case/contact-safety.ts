import { ContactTerms } from '../config/contact-policy';
import { FieldProblem } from '../shared/domain-error';
import { isTimeOfDay } from '../time/time-of-day';
import { Crime } from './case-facts';

/** Local times `HH:MM` in which calls are safe for the person: `from` inside, `to` not. */
export interface SafeHours {
  readonly from: string;
  readonly to: string;
}

/** How the person may be contacted without putting them at risk (the note is personal data, kept apart). */
export interface ContactSafety {
  readonly mayLeaveMessage: boolean;
  readonly safeHours: SafeHours | null;
}

/**
 * Until someone says otherwise: no message where the crime is flagged as one where the phone may
 * be shared with the one who hurt the person (policy: `noMessageWhenFlagged`), any hour.
 */
export function defaultContactSafety(crime: Pick<Crime, 'flags'>, terms: Pick<ContactTerms, 'noMessageWhenFlagged'>): ContactSafety {
  return { mayLeaveMessage: !crime.flags.some((flag) => terms.noMessageWhenFlagged.includes(flag)), safeHours: null };
}

/** Safe hours as given: each time `HH:MM`, ending after they start (within one day). */
export function checkSafeHours(hours: { readonly from?: unknown; readonly to?: unknown }, path: string, problems: FieldProblem[]): SafeHours | null {
  const before = problems.length;
  if (!isTimeOfDay(hours.from)) problems.push({ path: `${path}.from`, message: 'must be a local time HH:MM' });
  if (!isTimeOfDay(hours.to)) problems.push({ path: `${path}.to`, message: 'must be a local time HH:MM' });
  if (problems.length > before) return null;
  const { from, to } = hours as SafeHours;
  if (to <= from) {
    problems.push({ path: `${path}.to`, message: 'must be after safeHours.from (safe hours end after they start, within one day)' });
    return null;
  }
  return { from, to };
}
