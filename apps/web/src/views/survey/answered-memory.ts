const STORAGE_KEY = 'referral.surveys.answered';
const KEPT = 20;

/**
 * This device remembers which survey links it answered, so opening one again says so at once
 * instead of asking again. Only a digest is kept, never the link itself; where the browser has
 * no storage or no digest (not a secure context) nothing is remembered and the service still says it.
 */
async function digest(token: string): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`survey:${token}`)));
  return Array.from(bytes.slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

function stored(): string[] {
  try {
    const value = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export async function rememberAnswered(token: string): Promise<void> {
  const key = await digest(token);
  if (!key) return;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify([key, ...stored().filter((k) => k !== key)].slice(0, KEPT)));
  } catch {
    // Storage full or refused: the service still knows.
  }
}

export async function answeredHere(token: string): Promise<boolean> {
  const key = await digest(token).catch(() => null);
  return key !== null && stored().includes(key);
}
