import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import type { AtRiskItem, Breach, CaseListItem, Page } from '../../api/types';
import { stockholmDate } from '../../format/time';
import { addDays } from './day-counts';

/** Days of breaches shown before today, and days of coming deadlines after it. */
export const PAST_DAYS = 6;
export const COMING_DAYS = 3;

/**
 * What the deadlines page reads: at risk within 24 h (the server's now decides), every
 * first-contact deadline of the coming days (for the counts), the breaches of the last week, and
 * the open breached cases (who has them; a breach of a closed case offers no assigning).
 */
export function useDeadlineData(today: string, withAssignees: boolean) {
  const api = useApi();
  const comingHours = (COMING_DAYS + 1) * 24;
  const from = addDays(today, -PAST_DAYS);
  return {
    atRisk: useQuery({ queryKey: ['sla', 'at-risk', 24], queryFn: () => api.get<Page<AtRiskItem>>('/sla/at-risk?withinHours=24&limit=500') }),
    coming: useQuery({ queryKey: ['sla', 'at-risk', comingHours], queryFn: () => api.get<Page<AtRiskItem>>(`/sla/at-risk?withinHours=${comingHours}&limit=500`) }),
    breaches: useQuery({ queryKey: ['sla', 'breaches', from, today], queryFn: () => api.get<Page<Breach>>(`/sla/breaches?from=${from}&to=${today}&limit=500`) }),
    openBreached: useQuery({
      queryKey: ['cases', { status: 'open', slaState: 'breached' }],
      queryFn: () => api.get<Page<CaseListItem>>('/cases?status=open&slaState=breached&limit=500'),
      enabled: withAssignees,
    }),
  };
}

export const todayInStockholm = (nowMs: number) => stockholmDate(nowMs);
