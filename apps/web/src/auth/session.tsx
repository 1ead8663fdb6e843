import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { decodeClaims, isExpired, type Claims } from './claims';

const STORAGE_KEY = 'referral.session';

export interface Session {
  token: string;
  claims: Claims;
}

interface SessionState {
  session: Session | null;
  signIn(token: string): Session | null;
  signOut(): void;
}

const SessionContext = createContext<SessionState | null>(null);

/**
 * The token lives in sessionStorage: it is gone when the tab closes, it is never put in a URL,
 * and an expired one is dropped on load.
 */
function storedSession(): Session | null {
  const token = sessionStorage.getItem(STORAGE_KEY);
  const claims = token ? decodeClaims(token) : null;
  if (!token || !claims || isExpired(claims, Date.now())) {
    sessionStorage.removeItem(STORAGE_KEY);
    return null;
  }
  return { token, claims };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(storedSession);
  const signIn = useCallback((token: string) => {
    const claims = decodeClaims(token);
    if (!claims) return null;
    sessionStorage.setItem(STORAGE_KEY, token);
    const next = { token, claims };
    setSession(next);
    return next;
  }, []);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setSession(null);
  }, []);
  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The current token, for code outside React (the API client, the stream). */
export function currentToken(): string | null {
  return sessionStorage.getItem(STORAGE_KEY);
}
