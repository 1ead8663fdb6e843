import type { PartyReport, StatisticsReport } from '../../api/types';

/** Test data: an empty party, with any part overridden. */
export function party(org: string, over: Partial<PartyReport> = {}): PartyReport {
  const none = { total: 0, byGender: {} };
  return {
    org,
    handledCases: none, directContacts: none, actions: none, supportPersons: none, linksReceived: none,
    crimeTypes: [],
    flags: { gangrelaterat: 0, 'vald-i-nara-relation': 0, hedersrelaterat: 0 },
    sla: { firstContactOnTime: 0, firstContactLate: 0, firstContactOpen: 0, reachAttemptsMet: 0, reachAttemptsBreached: 0 },
    trainings: { basic: 0, further: 0 },
    satisfaction: { responses: 0, average: null, byQuestion: { bemotande: null, information: null, hjalp: null, rekommendera: null } },
    previous: { handledCases: 0, directContacts: 0, actions: 0, supportPersons: 0, linksReceived: 0 },
    ...over,
  };
}

export function report(parties: PartyReport[], period = { from: '2025-04-01', to: '2026-03-31' }): StatisticsReport {
  const total = { handledCases: 0, directContacts: 0, actions: 0, supportPersons: 0, linksReceived: 0 };
  for (const p of parties) for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += p[key].total;
  return { period, previousPeriod: { from: '2024-04-01', to: '2025-03-31' }, parties, total };
}
