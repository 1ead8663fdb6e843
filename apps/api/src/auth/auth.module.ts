import { Global, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import type { Config } from '@referral/config';
import { CONFIG, resolveAuthSecret } from '@referral/platform';
import { AccessRuleCheck } from './access-rule.check';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './token-verifier';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    {
      provide: TokenVerifier,
      useFactory: (config: Config) => new TokenVerifier(resolveAuthSecret(config).secret),
      inject: [CONFIG],
    },
    { provide: APP_GUARD, useClass: AuthGuard },
    AccessRuleCheck,
  ],
  exports: [TokenVerifier],
})
export class AuthModule {}
