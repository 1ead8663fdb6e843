import type { CaseListItem, CaseView } from '../../api/types';

/** The incoming page lists by arrival, the newest first (the API's worklist is by deadline). */
export function newestFirst(items: readonly CaseListItem[]): CaseListItem[] {
  return [...items].sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt) || a.caseId.localeCompare(b.caseId));
}

export interface IncomingSummary {
  open: number;
  unassigned: number;
  links: number;
}

export function summarize(items: readonly CaseListItem[]): IncomingSummary {
  return {
    open: items.length,
    unassigned: items.filter((c) => c.assigneeId === null).length,
    links: items.filter((c) => c.source === 'link').length,
  };
}

export interface CaseOrigin {
  /** The org that linked the person here. */
  org: string;
  at: string;
  /** Who made the link (the user id the API records). */
  by?: string;
}

/** Who linked a case here and when: its `linkedFrom` and the history's CaseReceived. */
export function linkOrigin(view: Pick<CaseView, 'linkedFrom' | 'history' | 'receivedAt'>): CaseOrigin | null {
  if (!view.linkedFrom) return null;
  const received = view.history.find((entry) => entry.type === 'CaseReceived');
  const by = typeof received?.by === 'string' ? received.by : undefined;
  return { org: view.linkedFrom.org, at: received?.at ?? view.receivedAt, ...(by ? { by } : {}) };
}

/** Whether anyone has been in touch with the person yet (a contact with another actor does not count). */
export function contacted(view: Pick<CaseView, 'history'>): boolean {
  return view.history.some((entry) => entry.type === 'ContactRecorded' && entry.channel !== 'other-actor');
}
