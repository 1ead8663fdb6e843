import type { PartyOrg } from '../plan/plan-types';

/** What a simulation did, for its summary. */
export interface Tally {
  requests: number;
  casesByOrg: Record<PartyOrg | 'triage', number>;
  handovers: { created: number; alreadyPresent: number; refused: number };
  registeredCases: { created: number; alreadyPresent: number };
  triage: { routed: number; resolved: number };
  volunteers: { registered: number; alreadyPresent: number; deactivated: number };
  trainings: { basic: number; further: number; alreadyPresent: number };
  assignments: number;
  contacts: { total: number; evening: number; byChannel: Record<string, number>; byOutcome: Record<string, number> };
  links: { jourToStodcentrum: number; stodcentrumToJour: number };
  closures: { byReason: Record<string, number>; overrides: number };
  /** Steps not sent because their case was already present from an earlier run, or never came to be. */
  skipped: { alreadyPresent: number; afterError: number };
  /** Answers other than the expected ones (a 422 for a refused handover is expected). */
  errors: number;
  errorSamples: string[];
}

export function emptyTally(): Tally {
  return {
    requests: 0,
    casesByOrg: { stodcentrum: 0, 'boj-stockholm-gotland': 0, 'boj-sodra-stockholm': 0, 'boj-vasterort': 0, triage: 0 },
    handovers: { created: 0, alreadyPresent: 0, refused: 0 },
    registeredCases: { created: 0, alreadyPresent: 0 },
    triage: { routed: 0, resolved: 0 },
    volunteers: { registered: 0, alreadyPresent: 0, deactivated: 0 },
    trainings: { basic: 0, further: 0, alreadyPresent: 0 },
    assignments: 0,
    contacts: { total: 0, evening: 0, byChannel: {}, byOutcome: {} },
    links: { jourToStodcentrum: 0, stodcentrumToJour: 0 },
    closures: { byReason: {}, overrides: 0 },
    skipped: { alreadyPresent: 0, afterError: 0 },
    errors: 0,
    errorSamples: [],
  };
}

export const countInto = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** The summary printed at the end of a run. */
export function formatTally(tally: Tally, seconds: number): string {
  const list = (counts: Record<string, number>) => Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  const lines = [
    `requests: ${tally.requests} in ${seconds.toFixed(1)} s (${(tally.requests / Math.max(seconds, 0.001)).toFixed(0)}/s)`,
    `cases by org (opened in this run, incl. links; triage counted where resolved): ${list(tally.casesByOrg)}`,
    `handovers: ${tally.handovers.created} new, ${tally.handovers.alreadyPresent} already present, ${tally.handovers.refused} refused (422 consent-required)`,
    `registered by the parties: ${tally.registeredCases.created} new, ${tally.registeredCases.alreadyPresent} already present`,
    `triage: ${tally.triage.routed} routed to triage, ${tally.triage.resolved} resolved by the city`,
    `volunteers: ${tally.volunteers.registered} registered, ${tally.volunteers.alreadyPresent} already present, ${tally.volunteers.deactivated} deactivated; ${tally.assignments} assignments`,
    `trainings: ${tally.trainings.basic} basic, ${tally.trainings.further} further, ${tally.trainings.alreadyPresent} already present`,
    `contacts: ${tally.contacts.total} (${tally.contacts.evening} in the evening); channels: ${list(tally.contacts.byChannel)}; outcomes: ${list(tally.contacts.byOutcome)}`,
    `links: ${tally.links.jourToStodcentrum} jour -> stodcentrum, ${tally.links.stodcentrumToJour} stodcentrum -> jour`,
    `closures: ${list(tally.closures.byReason)} (${tally.closures.overrides} with a coordinator's override)`,
    `skipped: ${tally.skipped.alreadyPresent} steps of cases already present, ${tally.skipped.afterError} after an error`,
    `errors: ${tally.errors}`,
    ...tally.errorSamples.map((sample) => `  ${sample}`),
  ];
  return lines.join('\n');
}
