import { Global, Module } from '@nestjs/common';
import { READ_MODEL_DB } from '@referral/platform';
import { CaseQueries } from '@referral/read-models';
import type { SqlClient } from '@referral/sql';

/** The read side every route module asks. */
@Global()
@Module({
  providers: [{ provide: CaseQueries, useFactory: (db: SqlClient) => new CaseQueries(db), inject: [READ_MODEL_DB] }],
  exports: [CaseQueries],
})
export class ReadModelsModule {}
