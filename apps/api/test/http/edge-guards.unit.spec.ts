import { BadRequestException, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import type { Logger } from 'pino';
import { corsOptions } from '../../src/http/cors';
import { ErrorFilter } from '../../src/http/error.filter';
import { MAX_JSON_DEPTH, unsafeShape } from '../../src/http/json-shape';
import { TooManyRequestsException } from '../../src/http/too-many-requests';

function answer(exception: unknown) {
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const response = {
    status: (status: number) => ({ json: (body: unknown) => Object.assign(sent, { status, body }) }),
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
  };
  const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ method: 'GET' }) }) } as unknown as ArgumentsHost;
  const logged: unknown[] = [];
  new ErrorFilter({ error: (...args: unknown[]) => logged.push(args) } as unknown as Logger).catch(exception, host);
  return { ...sent, logged };
}

describe('ErrorFilter', () => {
  it('answers Nest\'s own errors with a fixed message, never theirs (which quote the request)', () => {
    expect(answer(new BadRequestException("Failed to decode param '%E0'")).body).toEqual({ error: 'bad-request', message: 'The request is malformed' });
    expect(answer(new NotFoundException('Cannot GET /api/v1/secret-path')).body).toEqual({ error: 'not-found', message: 'No such resource' });
  });

  it('maps the body parser\'s failures by their type', () => {
    expect(answer(Object.assign(new SyntaxError('Unexpected token } in JSON'), { type: 'entity.parse.failed' }))).toMatchObject({ status: 400, body: { error: 'invalid-json' } });
    expect(answer(Object.assign(new Error('too large'), { type: 'entity.too.large' }))).toMatchObject({ status: 413, body: { error: 'payload-too-large' } });
  });

  it('answers anything unexpected with a generic 500 and logs its name and message only', () => {
    const error = new RangeError('Maximum call stack size exceeded');
    const { status, body, logged } = answer(error);
    expect([status, body]).toEqual([500, { error: 'internal', message: 'Something went wrong on our side' }]);
    expect(JSON.stringify(logged)).not.toContain('at ');
  });

  it('adds Retry-After to a 429', () => {
    expect(answer(new TooManyRequestsException(42, 'slow down'))).toMatchObject({ status: 429, headers: { 'Retry-After': '42' }, body: { error: 'too-many-requests' } });
  });
});

describe('unsafeShape', () => {
  it('finds prototype keys and Object.prototype member names at any depth, with their path', () => {
    expect(unsafeShape(JSON.parse('{"person":{"__proto__":{"x":1}}}'))).toEqual({ path: 'person.__proto__', message: 'is not a known field' });
    expect(unsafeShape({ crime: { constructor: 1 } })?.path).toBe('crime.constructor');
    expect(unsafeShape({ valueOf: '1' })?.path).toBe('valueOf');
    expect(unsafeShape({ person: { givenName: 'Testa', prototype: {} } })?.path).toBe('person.prototype');
  });

  it('refuses nesting past the limit without recursing itself', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(unsafeShape(deep)?.message).toContain(String(MAX_JSON_DEPTH));
    expect(unsafeShape({ a: { b: { c: ['ok'] } } })).toBeNull();
  });
});

describe('corsOptions', () => {
  it('is off unless origins are listed', () => {
    expect(corsOptions([])).toBeNull();
    expect(corsOptions(['https://ui.example.se'])?.origin).toEqual(['https://ui.example.se']);
  });
});
