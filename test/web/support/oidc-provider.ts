import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { issuerKey, issuerToken, type IssuerKey } from '../../support/jwks-server';

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
}

/**
 * A small OpenID Connect provider on 127.0.0.1 for the sign-in test: discovery, an authorization
 * endpoint that signs `user` in at once, a token endpoint that checks the PKCE verifier, and the
 * key set. It keeps what it was asked, so the test can check the flow.
 */
export class FakeOidcProvider {
  user: Record<string, unknown> = {};
  readonly authorizeRequests: URLSearchParams[] = [];
  readonly tokenRequests: URLSearchParams[] = [];
  private readonly codes = new Map<string, PendingCode>();
  private server: Server | null = null;
  private key: IssuerKey | null = null;
  private port = 0;

  constructor(readonly clientId: string, readonly audience: string) {}

  get issuer(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get jwksUrl(): string {
    return `${this.issuer}/jwks`;
  }

  async start(): Promise<void> {
    this.key = await issuerKey('fake-oidc-1', 'RS256');
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.issuer);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, { issuer: this.issuer, authorization_endpoint: `${this.issuer}/authorize`, token_endpoint: `${this.issuer}/token`, jwks_uri: this.jwksUrl });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [this.key!.publicJwk] });
    if (url.pathname === '/authorize') {
      const params = url.searchParams;
      this.authorizeRequests.push(params);
      if (params.get('client_id') !== this.clientId || params.get('code_challenge_method') !== 'S256' || !params.get('code_challenge')) {
        return json(400, { error: 'invalid_request' });
      }
      const code = randomBytes(16).toString('hex');
      this.codes.set(code, { clientId: this.clientId, redirectUri: params.get('redirect_uri')!, challenge: params.get('code_challenge')! });
      const back = new URL(params.get('redirect_uri')!);
      back.search = new URLSearchParams({ code, state: params.get('state') ?? '' }).toString();
      response.writeHead(302, { location: back.toString() });
      return void response.end();
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      const form = new URLSearchParams(await bodyOf(request));
      this.tokenRequests.push(form);
      const pending = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (!pending || pending.redirectUri !== form.get('redirect_uri') || pending.clientId !== form.get('client_id') || challenge !== pending.challenge) {
        return json(400, { error: 'invalid_grant' });
      }
      const token = await issuerToken(this.key!, { iss: this.issuer, aud: this.audience, ...this.user });
      return json(200, { access_token: token, token_type: 'Bearer', expires_in: 600 });
    }
    json(404, { error: 'not_found' });
  }
}

function bodyOf(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}
