import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, type ReactNode } from 'react';
import { ApiError } from '../api/errors';
import { useSession } from './session';

function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // Refusals (403/404) and bad requests are answers, not hiccups: no retry for them.
        retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status < 500),
      },
    },
  });
}

/**
 * One query cache per signed-in token, and the pages under it mounted afresh with it: nobody sees
 * another user's answers, and no page is left observing queries of a cache that was cleared
 * after it had started them (clearing in an effect after sign-in or a deep link did that).
 */
export function SessionQueries({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const token = session?.token ?? null;
  const client = useMemo(() => newQueryClient(), [token]);
  useEffect(() => () => client.clear(), [client]);
  return <QueryClientProvider client={client} key={token ?? 'signed-out'}>{children}</QueryClientProvider>;
}
