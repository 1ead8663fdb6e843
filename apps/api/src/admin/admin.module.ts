import { Module } from '@nestjs/common';
import { READ_MODEL_DB } from '@referral/platform';
import { RebuildRequestStore } from '@referral/projections';
import type { SqlClient } from '@referral/sql';
import { ProjectionsAdminController } from './projections.controller';

@Module({
  controllers: [ProjectionsAdminController],
  providers: [{ provide: RebuildRequestStore, useFactory: (db: SqlClient) => RebuildRequestStore.open(db), inject: [READ_MODEL_DB] }],
})
export class AdminModule {}
