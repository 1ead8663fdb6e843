import { Module } from '@nestjs/common';
import { READ_MODEL_DB } from '@referral/platform';
import { StatisticsQueries } from '@referral/statistics';
import type { SqlClient } from '@referral/sql';
import { StatisticsController } from './statistics.controller';

/** `GET /statistics/report` from the statistics read model. */
@Module({
  controllers: [StatisticsController],
  providers: [{ provide: StatisticsQueries, useFactory: (db: SqlClient) => new StatisticsQueries(db), inject: [READ_MODEL_DB] }],
})
export class StatisticsModule {}
