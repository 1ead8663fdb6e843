import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import type { CaseView } from '../../api/types';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { caseRef } from '../../format/case-ref';
import { CaseActions } from '../case-actions/case-actions';

/** Placeholder until the view is built (web-volunteer): the case with its actions, so the coordinator's actions can be reached. */
export function CasePage({ caseId }: { caseId: string }) {
  const api = useApi();
  const query = useQuery({ queryKey: ['case', caseId], queryFn: () => api.get<CaseView>(`/cases/${encodeURIComponent(caseId)}`) });
  return (
    <Page title={caseRef(caseId)}>
      <QueryState query={query}>{(view) => <CaseActions caseView={view} />}</QueryState>
    </Page>
  );
}
