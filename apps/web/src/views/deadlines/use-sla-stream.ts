import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { openStream, type StreamStatus } from '../../api/sse';
import type { SlaChangeEvent } from '../../api/types';
import { currentToken } from '../../auth/session';
import { slaChangeOf, staleKeysOf } from './sla-events';

/**
 * `/sla/stream` while the page is open: each change makes its lists stale (React Query fetches
 * them again) and goes to `onChange`. A dropped connection resumes with Last-Event-ID (api/sse.ts);
 * once it is live again the lists are fetched again too, in case the replay window was exceeded.
 */
export function useSlaStream(onChange: (change: SlaChangeEvent, id: string) => void): StreamStatus {
  const client = useQueryClient();
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const listener = useRef(onChange);
  listener.current = onChange;
  useEffect(() => {
    let dropped = false;
    const handle = openStream(
      '/sla/stream',
      currentToken,
      (message) => {
        const change = slaChangeOf(message);
        if (!change) return;
        for (const queryKey of staleKeysOf(change)) void client.invalidateQueries({ queryKey: [...queryKey] });
        listener.current(change, message.id ?? `${change.caseId}:${change.change}:${change.at}`);
      },
      (next) => {
        if (next === 'reconnecting') dropped = true;
        if (next === 'live' && dropped) {
          dropped = false;
          void client.invalidateQueries({ queryKey: ['sla'] });
        }
        setStatus(next);
      },
    );
    return () => handle.close();
  }, [client]);
  return status;
}
