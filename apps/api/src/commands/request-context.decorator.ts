import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Caller } from '../auth/caller';
import { commandContext, type CommandContext } from './command-context';
import type { Clock } from '@referral/platform';

export const REQUEST_CLOCK = 'referral:clock';

/**
 * The caller, the moment (from the injected clock) and a correlation id taken from the
 * `X-Request-Id` header when it looks like one.
 */
export const Context = createParamDecorator((_: unknown, context: ExecutionContext): CommandContext => {
  const request = context.switchToHttp().getRequest<Request & { caller: Caller; [REQUEST_CLOCK]?: Clock }>();
  const requestId = request.header('x-request-id');
  const correlationId = requestId && /^[A-Za-z0-9._:-]{1,64}$/.test(requestId) ? requestId : undefined;
  const clock = request[REQUEST_CLOCK];
  return commandContext(request.caller, clock ? clock.now() : new Date(), correlationId);
});
