import type { OidcSettings } from './auth/oidc';

/** What the service tells the app at start (GET /app/config.json). */
export interface AppConfig {
  demo: boolean;
  oidc: OidcSettings | null;
}

export async function loadAppConfig(): Promise<AppConfig> {
  const response = await fetch('/app/config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET /app/config.json answered ${response.status}`);
  return (await response.json()) as AppConfig;
}
