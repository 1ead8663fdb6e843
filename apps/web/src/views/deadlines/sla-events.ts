import type { SseMessage } from '../../api/sse-parser';
import type { SlaChangeEvent } from '../../api/types';

const CHANGES: readonly SlaChangeEvent['change'][] = [
  'at-risk', 'first-contact-missed', 'reach-attempts-missed', 'breach-retracted', 'contacted', 'closed', 'triage-waiting',
];

/** The change an `sla` event carries; heartbeats, other events and malformed data are nothing. */
export function slaChangeOf(message: SseMessage): SlaChangeEvent | null {
  if (message.event !== 'sla') return null;
  try {
    const data = JSON.parse(message.data) as Partial<SlaChangeEvent>;
    if (typeof data.caseId !== 'string' || typeof data.org !== 'string' || !CHANGES.includes(data.change as SlaChangeEvent['change'])) return null;
    return data as SlaChangeEvent;
  } catch {
    return null;
  }
}

/** The words said (live region) and listed for a change; contacts and closings only refresh the lists. */
export type AnnouncedChange = 'firstContactMissed' | 'reachAttemptsMissed' | 'atRisk' | 'retracted' | 'triageWaiting';

export function announcementOf(change: SlaChangeEvent): AnnouncedChange | null {
  switch (change.change) {
    case 'first-contact-missed':
      return 'firstContactMissed';
    case 'reach-attempts-missed':
      return 'reachAttemptsMissed';
    case 'at-risk':
      return 'atRisk';
    case 'breach-retracted':
      return 'retracted';
    case 'triage-waiting':
      return 'triageWaiting';
    default:
      return null;
  }
}

/** The query keys (prefixes) a change makes stale: the deadline lists, the worklists and that case. */
export function staleKeysOf(change: SlaChangeEvent): readonly (readonly string[])[] {
  return [['sla'], ['cases'], ['case', change.caseId]];
}

/** The latest changes first, at most `limit`, each once (a replay after a reconnect may repeat none, but a retried announcement keeps its id). */
export function withChange<T extends { id: string }>(recent: readonly T[], next: T, limit = 5): T[] {
  return [next, ...recent.filter((item) => item.id !== next.id)].slice(0, limit);
}
