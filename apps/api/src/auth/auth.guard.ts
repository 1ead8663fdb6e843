import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { noteRolesMatched } from '../audit/access-notes';
import { ApiException } from '../http/api-exception';
import { ACCESS_RULE, type AccessRule } from './access.decorators';
import { hasRole, type Caller } from './caller';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

/** Every route passes here: a token is required unless the route is public, then its role rule. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule?.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<Request & { caller?: Caller }>();
    const caller = await this.authenticate(request);
    request.caller = caller;
    if (!rule || !hasRole(caller, ...rule.roles)) {
      throw new ApiException(403, 'forbidden', 'Your role may not do this');
    }
    noteRolesMatched(rule.roles.filter((role) => caller.roles.includes(role)));
    return true;
  }

  private async authenticate(request: Request): Promise<Caller> {
    const header = request.headers.authorization;
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match) throw new ApiException(401, 'unauthorized', 'A bearer token is required');
    try {
      return await this.verifier.verify(match[1]);
    } catch (error) {
      const message = error instanceof InvalidTokenError ? error.message : 'The token is not valid';
      throw new ApiException(401, 'unauthorized', message);
    }
  }
}
