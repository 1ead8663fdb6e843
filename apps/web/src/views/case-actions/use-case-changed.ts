import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { CaseView } from '../../api/types';
import { CASE_LISTS, caseKey } from '../../components/case-queries';

/**
 * After a command on a case: the case shows the API's answer (or is fetched again without one),
 * and every list that may hold it (worklists, deadlines, suggestions, the roster's open-case
 * counts) is fetched again.
 */
export function useCaseChanged(): (caseId: string, answer?: CaseView) => void {
  const client = useQueryClient();
  return useCallback(
    (caseId, answer) => {
      if (answer) client.setQueryData(caseKey(caseId), answer);
      else void client.invalidateQueries({ queryKey: caseKey(caseId) });
      for (const queryKey of [CASE_LISTS, ['sla'], ['suggestions'], ['volunteers']]) void client.invalidateQueries({ queryKey: [...queryKey] });
    },
    [client],
  );
}
