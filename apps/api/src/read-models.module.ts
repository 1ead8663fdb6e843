import { Global, Module } from '@nestjs/common';
import { KeyedDigest, type PersonalDataVault } from '@referral/personal-data';
import { PERSONAL_DATA_VAULT, READ_MODEL_DB } from '@referral/platform';
import { CaseQueries, POLICE_REPORT_INDEX_SECRET } from '@referral/read-models';
import type { SqlClient } from '@referral/sql';

/** The keyed digests of the Police report index (`PoliceReportDigests`), the same as the worker's. */
export const POLICE_REPORT_DIGESTS = 'POLICE_REPORT_DIGESTS';

/** The read side every route module asks. */
@Global()
@Module({
  providers: [
    {
      provide: CaseQueries,
      useFactory: (db: SqlClient, vault: PersonalDataVault) => new CaseQueries(db, { open: (value) => vault.openIfSealed(value) }),
      inject: [READ_MODEL_DB, PERSONAL_DATA_VAULT],
    },
    {
      provide: POLICE_REPORT_DIGESTS,
      useFactory: (vault: PersonalDataVault) => new KeyedDigest(vault, POLICE_REPORT_INDEX_SECRET),
      inject: [PERSONAL_DATA_VAULT],
    },
  ],
  exports: [CaseQueries, POLICE_REPORT_DIGESTS],
})
export class ReadModelsModule {}
