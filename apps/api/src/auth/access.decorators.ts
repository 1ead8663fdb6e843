import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Caller, Role } from './caller';

export const ACCESS_RULE = 'referral:access-rule';

export type AccessRule = { kind: 'public' } | { kind: 'roles'; roles: Role[] };

/** Anyone may call this route, without a token. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Only callers holding one of these roles may call this route. */
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule);

/** The verified caller of the current request. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  return context.switchToHttp().getRequest<{ caller: Caller }>().caller;
});
