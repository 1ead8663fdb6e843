import { Global, Module } from '@nestjs/common';
import type { PersonalDataVault } from '@referral/personal-data';
import { PERSONAL_DATA_VAULT, READ_MODEL_DB } from '@referral/platform';
import { CaseQueries } from '@referral/read-models';
import type { SqlClient } from '@referral/sql';

/** The read side every route module asks. */
@Global()
@Module({
  providers: [
    {
      provide: CaseQueries,
      useFactory: (db: SqlClient, vault: PersonalDataVault) => new CaseQueries(db, { open: (value) => vault.openIfSealed(value) }),
      inject: [READ_MODEL_DB, PERSONAL_DATA_VAULT],
    },
  ],
  exports: [CaseQueries],
})
export class ReadModelsModule {}
