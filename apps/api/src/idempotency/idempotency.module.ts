import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { PersonalDataVault } from '@referral/personal-data';
import { CLOCK, LOGGER, PERSONAL_DATA_VAULT, READ_MODEL_DB, type Clock } from '@referral/platform';
import type { SqlClient } from '@referral/sql';
import type { Logger } from 'pino';
import { AnswerSeal } from './answer-seal';
import { IdempotencyHashes } from './idempotency-hashes';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { migrateIdempotencySchema } from './idempotency-schema';
import { IdempotentCommands } from './idempotent-commands';
import { SqlIdempotencyStore } from './sql-idempotency-store';

/** Idempotent commands (contract v1.1): the key table in the read-model database, and the interceptor. */
@Module({
  providers: [
    {
      provide: IdempotentCommands,
      useFactory: async (db: SqlClient, vault: PersonalDataVault, clock: Clock, logger: Logger) => {
        await migrateIdempotencySchema(db);
        return new IdempotentCommands(new SqlIdempotencyStore(db), new AnswerSeal(vault), clock, logger);
      },
      inject: [READ_MODEL_DB, PERSONAL_DATA_VAULT, CLOCK, LOGGER],
    },
    {
      provide: IdempotencyHashes,
      useFactory: async (vault: PersonalDataVault) => new IdempotencyHashes(await vault.systemSecret('idempotency-key')),
      inject: [PERSONAL_DATA_VAULT],
    },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class IdempotencyModule {}
