import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import type { AtRiskItem, CaseListItem, Page as ListPage } from '../../api/types';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useNow } from '../../components/use-now';
import { useT } from '../../i18n/i18n';
import { triageMessages } from './messages';
import { TriageCase } from './triage-case';

/**
 * The city coordinators' triage queue (`GET /cases?status=triage`, oldest first as the API
 * orders it), those waiting past the city's line marked (at-risk items with rule triage).
 */
export function TriagePage() {
  const t = useT(triageMessages);
  const api = useApi();
  const nowMs = useNow();
  const queue = useQuery({
    queryKey: ['cases', { status: 'triage' }],
    queryFn: () => api.get<ListPage<CaseListItem>>('/cases?status=triage&limit=500'),
    refetchInterval: 30_000,
  });
  const waiting = useQuery({
    queryKey: ['sla', 'at-risk', 'triage'],
    queryFn: () => api.get<ListPage<AtRiskItem>>('/sla/at-risk?withinHours=24&limit=500'),
    refetchInterval: 30_000,
  });
  const waitingLong = new Set((waiting.data?.items ?? []).filter((i) => i.rule === 'triage').map((i) => i.caseId));
  return (
    <Page title={t('title')}>
      <p>{t('intro')}</p>
      <QueryState query={queue}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="notice notice--ok">{t('empty')}</p>
          ) : (
            <ul className="card-list">
              {page.items.map((item) => (
                <TriageCase key={item.caseId} item={item} waitingLong={waitingLong.has(item.caseId)} nowMs={nowMs} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </Page>
  );
}
