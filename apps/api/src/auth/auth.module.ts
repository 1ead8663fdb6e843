import { Global, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import type { Config } from '@referral/config';
import { CONFIG, resolveAuthSecret } from '@referral/platform';
import { AccessRuleCheck } from './access-rule.check';
import { AuthGuard } from './auth.guard';
import { TokenVerifier, type TokenVerifierOptions } from './token-verifier';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    {
      provide: TokenVerifier,
      useFactory: (config: Config) => new TokenVerifier(tokenVerifierOptions(config)),
      inject: [CONFIG],
    },
    { provide: APP_GUARD, useClass: AuthGuard },
    AccessRuleCheck,
  ],
  exports: [TokenVerifier],
})
export class AuthModule {}

function tokenVerifierOptions(config: Config): TokenVerifierOptions {
  const current = resolveAuthSecret(config).secret;
  return {
    secrets: config.authJwtSecretPrevious ? [current, config.authJwtSecretPrevious] : [current],
    clockToleranceSeconds: config.authClockSkewSeconds,
    oidc: config.authJwksUrl && config.authJwtIssuer && config.authJwtAudience
      ? {
          jwksUrl: config.authJwksUrl,
          issuer: config.authJwtIssuer,
          audience: config.authJwtAudience,
          cooldownSeconds: config.authJwksCooldownSeconds,
        }
      : null,
  };
}
