import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { CaseView } from '../../api/types';

/**
 * After a command on a case: the case shows the API's answer at once, and every list that may
 * hold it (deadlines, worklists, suggestions, the roster's open-case counts) is fetched again.
 */
export function useCaseChanged(): (caseId: string, answer?: CaseView) => void {
  const client = useQueryClient();
  return useCallback(
    (caseId, answer) => {
      if (answer) client.setQueryData(['case', caseId], answer);
      for (const queryKey of [['case', caseId], ['cases'], ['sla'], ['suggestions'], ['volunteers']]) {
        void client.invalidateQueries({ queryKey });
      }
    },
    [client],
  );
}
