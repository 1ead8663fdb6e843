import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Caller } from '../auth/caller';
import { commandContext, type CommandContext } from './command-context';
import type { Clock } from '@referral/platform';

export const REQUEST_CLOCK = 'referral:clock';
/** Set by the idempotency interceptor: the scope of the request's Idempotency-Key. */
export const REQUEST_COMMAND_KEY = 'referral:command-key';

/**
 * The caller, the moment (from the injected clock), a correlation id taken from the
 * `X-Request-Id` header when it looks like one, and the Idempotency-Key's scope when it has one.
 */
export const Context = createParamDecorator((_: unknown, context: ExecutionContext): CommandContext => {
  const request = context.switchToHttp().getRequest<Request & { caller: Caller; [REQUEST_CLOCK]?: Clock; [REQUEST_COMMAND_KEY]?: string }>();
  const requestId = request.header('x-request-id');
  const correlationId = requestId && /^[A-Za-z0-9._:-]{1,64}$/.test(requestId) ? requestId : undefined;
  const clock = request[REQUEST_CLOCK];
  return commandContext(request.caller, clock ? clock.now() : new Date(), correlationId, request[REQUEST_COMMAND_KEY]);
});
