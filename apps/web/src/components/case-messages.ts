import type { Messages } from '../i18n/i18n';

/** Words shared by the views that show a case's plan, safety and person (my cases, the case page). */
export const caseMessages: Messages<
  | 'attempts' | 'eveningMet' | 'eveningNeeded' | 'attemptsMet' | 'reached' | 'noPlan' | 'sharedEvening'
  | 'firstContactDue' | 'reachAttemptsDue' | 'noDeadline'
  | 'noMessage' | 'mayLeaveMessage' | 'safeHours' | 'anyHour' | 'safetyNote' | 'safetyTitle'
  | 'language' | 'interpreter' | 'noInterpreter' | 'erased' | 'anonymous' | 'phone' | 'email' | 'noPhone'
  | 'planTitle'
> = {
  sv: {
    attempts: 'Telefonförsök {phone} av {phoneRequired} · kvällsförsök {evening} av {eveningRequired}',
    eveningMet: 'Kvällskravet är uppfyllt',
    eveningNeeded: 'Minst ett försök måste vara på kvällen',
    attemptsMet: 'Kravet på kontaktförsök är uppfyllt',
    reached: 'Personen är nådd',
    noPlan: 'Inga fler samtal planeras',
    sharedEvening: 'Gemensam öppen kväll {day} {from}–{to}',
    firstContactDue: 'Första kontakt: {left} ({when})',
    reachAttemptsDue: 'Kontaktförsök klara: {left} ({when})',
    noDeadline: 'Ingen frist kvar',
    noMessage: 'Lämna inget meddelande',
    mayLeaveMessage: 'Meddelande får lämnas',
    safeHours: 'Ring bara {from}–{to}',
    anyHour: 'Alla tider går bra',
    safetyNote: 'Om kontakten: {note}',
    safetyTitle: 'Kontaktsäkerhet',
    language: 'Språk: {language}',
    interpreter: 'Behöver tolk',
    noInterpreter: 'Ingen tolk behövs',
    erased: 'Uppgifterna är raderade',
    anonymous: 'Anonym stödsökande',
    phone: 'Telefon',
    email: 'E-post',
    noPhone: 'Inget telefonnummer',
    planTitle: 'Kontaktplan',
  },
  en: {
    attempts: 'Phone attempts {phone} of {phoneRequired} · evening attempts {evening} of {eveningRequired}',
    eveningMet: 'The evening requirement is met',
    eveningNeeded: 'At least one attempt must be in the evening',
    attemptsMet: 'The reach-attempt requirement is met',
    reached: 'The person has been reached',
    noPlan: 'No more calls are planned',
    sharedEvening: 'Shared open evening {day} {from}–{to}',
    firstContactDue: 'First contact: {left} ({when})',
    reachAttemptsDue: 'Reach attempts done: {left} ({when})',
    noDeadline: 'No deadline left',
    noMessage: 'Leave no message',
    mayLeaveMessage: 'A message may be left',
    safeHours: 'Call only {from}–{to}',
    anyHour: 'Any time is fine',
    safetyNote: 'About contacting: {note}',
    safetyTitle: 'Contact safety',
    language: 'Language: {language}',
    interpreter: 'Needs an interpreter',
    noInterpreter: 'No interpreter needed',
    erased: 'The data has been erased',
    anonymous: 'Anonymous support seeker',
    phone: 'Phone',
    email: 'Email',
    noPhone: 'No phone number',
    planTitle: 'Contact plan',
  },
};
