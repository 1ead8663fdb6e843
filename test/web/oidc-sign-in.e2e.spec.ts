import type { Browser } from 'playwright-core';
import { launchBrowser, newPage } from './support/browser';
import { FakeOidcProvider } from './support/oidc-provider';
import { startWebService, type WebService } from './support/web-service';

describe('signing in with OpenID Connect (authorization code with PKCE)', () => {
  const provider = new FakeOidcProvider('referral-web', 'referral-api');
  let service: WebService;
  let browser: Browser;
  beforeAll(async () => {
    await provider.start();
    provider.user = { sub: 'oidc-coordinator-7', org: 'boj-sodra-stockholm', roles: ['coordinator'], name: 'Kim Samordnare' };
    [service, browser] = await Promise.all([
      startWebService({
        demo: false,
        env: { AUTH_JWKS_URL: provider.jwksUrl, AUTH_JWT_ISSUER: provider.issuer, AUTH_JWT_AUDIENCE: 'referral-api', WEB_OIDC_CLIENT_ID: 'referral-web' },
      }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    await provider.stop();
  });

  it('given an issuer and a client id, signs in at the issuer and comes back signed in, with no demo and no code left in the address', async () => {
    const { page, problems, context } = await newPage(browser);
    await page.goto(`${service.baseUrl}/`);
    expect(await page.getByText('Demoläge').count()).toBe(0);
    await page.getByRole('button', { name: 'Logga in med stadens inloggning' }).click();
    await page.waitForURL(/\/deadlines$/);
    await page.getByText('Inloggad som Kim Samordnare').waitFor();
    expect(page.url()).toBe(`${service.baseUrl}/deadlines`);

    const authorize = provider.authorizeRequests[0]!;
    expect(authorize.get('code_challenge_method')).toBe('S256');
    expect(authorize.get('redirect_uri')).toBe(`${service.baseUrl}/sign-in/callback`);
    expect(provider.tokenRequests).toHaveLength(1);
    expect(provider.tokenRequests[0]!.get('code_verifier')!.length).toBeGreaterThanOrEqual(43);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says so when the issuer sends the user back with an error', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${service.baseUrl}/sign-in/callback?error=access_denied&error_description=Nekad`);
    await page.getByRole('alert').filter({ hasText: 'Inloggningen misslyckades: Nekad' }).waitFor();
    expect(page.url()).toBe(`${service.baseUrl}/sign-in/callback`);
    await context.close();
  });
});
