import { useEffect, useState } from 'react';

/** The current time in ms, renewed every `everyMs`, for "time left" texts that must not go stale. */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
