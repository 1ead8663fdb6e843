import type { OpenAPIObject } from '@nestjs/swagger';
import { IDEMPOTENCY_HEADER } from './idempotency-key';

const ERROR_BODY = {
  type: 'object',
  required: ['error', 'message'],
  properties: { error: { type: 'string' }, message: { type: 'string' } },
};

/** Adds `Idempotency-Key` and its answers to every POST operation, as the interceptor serves them all. */
export function documentIdempotency(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    const post = path.post;
    if (!post) continue;
    post.parameters = [
      ...(post.parameters ?? []),
      {
        name: IDEMPOTENCY_HEADER,
        in: 'header',
        required: false,
        description: 'Makes the command idempotent: the same key with the same body from the same caller within 24 hours answers the first answer again (status and body), and the command takes effect once. 1-128 visible ASCII characters; a malformed key is 400.',
        schema: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]{1,128}$' },
      },
    ];
    post.responses = {
      ...post.responses,
      '409': post.responses['409'] ?? {
        description: 'idempotency-key-in-progress: the first request with this key is still being handled elsewhere (or another conflict of the command)',
        content: { 'application/json': { schema: ERROR_BODY } },
      },
      '422': {
        description: 'idempotency-key-reused: this Idempotency-Key was used with another body (or another rule of the command refused it)',
        content: { 'application/json': { schema: ERROR_BODY } },
      },
    };
  }
  return document;
}
