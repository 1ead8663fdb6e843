import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { shellMessages } from '../layout/messages';

/** Loading and failure of a query, said in words; the children render once there is data. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const t = useT(shellMessages);
  if (query.isPending) return <p className="muted" role="status">{t('loading')}</p>;
  if (query.isError) {
    return (
      <div className="notice notice--error" role="alert">
        <p>{t('failed', { message: query.error instanceof Error ? query.error.message : String(query.error) })}</p>
        <button type="button" className="button" onClick={() => void query.refetch()}>{t('retry')}</button>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
