import request from 'supertest';
import { SignJWT, UnsecuredJWT, exportSPKI } from 'jose';
import { TokenVerifier } from '../../apps/api/src/auth/token-verifier';
import { startEmbeddedService, TEST_JWT_SECRET, type RunningService } from '../support/app';
import { issuerKey, issuerToken, JwksServer, type IssuerKey } from '../support/jwks-server';
import { tokenFor } from '../support/tokens';

const ISSUER = 'https://login.example.test/realms/referral';
const AUDIENCE = 'referral-api';
const PREVIOUS_SECRET = 'previous-test-secret-for-e2e-only-9876543210';
const claims = { iss: ISSUER, aud: AUDIENCE, sub: 'oidc-coordinator-1', org: 'boj-vasterort', roles: ['coordinator'] };
const minutes = (n: number) => Math.floor(Date.now() / 1000) + n * 60;

describe('OpenID Connect tokens against a served key set (embedded service, real HTTP key server)', () => {
  const jwks = new JwksServer();
  let service: RunningService;
  let rsa: IssuerKey;
  let ec: IssuerKey;
  let stranger: IssuerKey;

  beforeAll(async () => {
    [rsa, ec, stranger] = await Promise.all([issuerKey('rsa-1', 'RS256'), issuerKey('ec-1', 'ES256'), issuerKey('rsa-1', 'RS256')]);
    jwks.keys = [rsa, ec];
    await jwks.start();
    service = await startEmbeddedService({
      AUTH_JWKS_URL: jwks.url,
      AUTH_JWT_ISSUER: ISSUER,
      AUTH_JWT_AUDIENCE: AUDIENCE,
      AUTH_JWT_SECRET_PREVIOUS: PREVIOUS_SECRET,
      // Rotation is shown without waiting; the cooldown itself is checked on the verifier below.
      AUTH_JWKS_COOLDOWN_SECONDS: '0',
    });
  });
  afterAll(async () => {
    await service?.stop();
    await jwks.stop();
  });

  const worklist = (token: string) => request(service.app.getHttpServer()).get('/api/v1/cases').set('Authorization', `Bearer ${token}`);

  async function expectRefused(token: string): Promise<void> {
    const response = await worklist(token);
    expect(response.status).toBe(401);
    expect(response.body.error).toBe('unauthorized');
    // The answer names no part of the token: neither its text nor its claims.
    const text = JSON.stringify(response.body);
    for (const part of [...token.split('.').filter(Boolean), claims.sub, ISSUER, AUDIENCE]) expect(text).not.toContain(part);
  }

  it('accepts RS256 and ES256 tokens from the issuer', async () => {
    expect((await worklist(await issuerToken(rsa, claims))).status).toBe(200);
    expect((await worklist(await issuerToken(ec, claims))).status).toBe(200);
  });

  it('tolerates clock skew within AUTH_CLOCK_SKEW_SECONDS (30 s by default)', async () => {
    const justExpired = Math.floor(Date.now() / 1000) - 10;
    expect((await worklist(await issuerToken(rsa, { ...claims, exp: justExpired }))).status).toBe(200);
    expect((await worklist(await issuerToken(ec, { ...claims, nbf: Math.floor(Date.now() / 1000) + 10 }))).status).toBe(200);
  });

  it.each([
    ['a wrong issuer', { ...claims, iss: 'https://evil.example.test/' }],
    ['no issuer', { ...claims, iss: undefined }],
    ['a wrong audience', { ...claims, aud: 'another-api' }],
    ['no audience', { ...claims, aud: undefined }],
    ['an expiry in the past', { ...claims, exp: minutes(-5) }],
    ['no expiry', { ...claims, exp: undefined }],
    ['a not-before in the future', { ...claims, nbf: minutes(5) }],
    ['an unknown org', { ...claims, org: 'elsewhere' }],
  ])('refuses a token with %s', async (_, tokenClaims) => {
    await expectRefused(await issuerToken(rsa, tokenClaims));
    await expectRefused(await issuerToken(ec, tokenClaims));
  });

  it('refuses a token whose kid the key set does not hold', async () => {
    const unknown = await issuerKey('rsa-unknown', 'RS256');
    await expectRefused(await issuerToken(unknown, claims));
  });

  it('refuses a token signed by another key under a known kid', async () => {
    await expectRefused(await issuerToken(stranger, claims));
  });

  it('refuses a tampered token: claims changed after signing', async () => {
    const [header, , signature] = (await issuerToken(rsa, claims)).split('.');
    const raised = Buffer.from(JSON.stringify({ ...claims, roles: ['admin'], exp: minutes(10) })).toString('base64url');
    await expectRefused(`${header}.${raised}.${signature}`);
  });

  it('refuses HS256 tokens signed with the issuer\'s public key (algorithm confusion)', async () => {
    const pem = await exportSPKI(rsa.publicKey);
    const asJwk = JSON.stringify(rsa.publicJwk);
    for (const secret of [pem, asJwk, rsa.publicJwk.n!]) {
      const token = await new SignJWT({ ...claims, exp: minutes(10) })
        .setProtectedHeader({ alg: 'HS256', kid: rsa.kid })
        .sign(new TextEncoder().encode(secret));
      await expectRefused(token);
    }
  });

  it('refuses an RS256 header over an HMAC signature made with the service secret', async () => {
    const hs = await tokenFor('coord-1', 'boj-vasterort', ['coordinator']);
    const [, payload, signature] = hs.split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: rsa.kid })).toString('base64url');
    await expectRefused(`${header}.${payload}.${signature}`);
  });

  it('refuses alg none, with and without a kid', async () => {
    await expectRefused(new UnsecuredJWT({ ...claims, exp: minutes(10) }).encode());
    const header = Buffer.from(JSON.stringify({ alg: 'none', kid: rsa.kid })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ ...claims, exp: minutes(10) })).toString('base64url');
    await expectRefused(`${header}.${payload}.`);
  });

  it('accepts HS256 tokens signed with the current or the previous secret, and no other', async () => {
    expect((await worklist(await tokenFor('coord-1', 'boj-vasterort', ['coordinator'], TEST_JWT_SECRET))).status).toBe(200);
    expect((await worklist(await tokenFor('coord-1', 'boj-vasterort', ['coordinator'], PREVIOUS_SECRET))).status).toBe(200);
    await expectRefused(await tokenFor('coord-1', 'boj-vasterort', ['coordinator'], 'some-other-secret-that-is-long-enough-0000'));
  });

  it('follows a key rotation without a restart: a token with the new kid is accepted, the retired key refused', async () => {
    const next = await issuerKey('rsa-2', 'RS256');
    const beforeRotation = await issuerToken(rsa, claims);
    jwks.keys = [next, ec];
    expect((await worklist(await issuerToken(next, claims))).status).toBe(200);
    await expectRefused(beforeRotation);
    expect((await worklist(await issuerToken(ec, claims))).status).toBe(200);
  });
});

describe('TokenVerifier and the key set cooldown', () => {
  const jwks = new JwksServer();
  let known: IssuerKey;
  const oidc = () => ({ jwksUrl: jwks.url, issuer: ISSUER, audience: AUDIENCE, cooldownSeconds: 30 });

  beforeAll(async () => {
    known = await issuerKey('ec-known', 'ES256');
    jwks.keys = [known];
    await jwks.start();
  });
  afterAll(() => jwks.stop());

  it('does not fetch the key set again for unknown kids within the cooldown', async () => {
    const verifier = new TokenVerifier({ secrets: [TEST_JWT_SECRET], oidc: oidc() });
    const before = jwks.fetches;
    await expect(verifier.verify(await issuerToken(known, claims))).resolves.toMatchObject({ sub: claims.sub, org: 'boj-vasterort' });
    for (const kid of ['unknown-1', 'unknown-2', 'unknown-3']) {
      await expect(verifier.verify(await issuerToken(await issuerKey(kid, 'ES256'), claims))).rejects.toThrow('The token is not valid');
    }
    expect(jwks.fetches - before).toBe(1);
  });

  it('refuses issuer tokens where no key set is configured, and never fetches for an HS256 token', async () => {
    const verifier = new TokenVerifier({ secrets: [TEST_JWT_SECRET] });
    await expect(verifier.verify(await issuerToken(known, claims))).rejects.toThrow('The token is not valid');
    const withIssuer = new TokenVerifier({ secrets: [TEST_JWT_SECRET], oidc: oidc() });
    const before = jwks.fetches;
    await expect(withIssuer.verify(await tokenFor('coord-1', 'boj-vasterort', ['coordinator']))).resolves.toMatchObject({ sub: 'coord-1' });
    expect(jwks.fetches).toBe(before);
  });
});
