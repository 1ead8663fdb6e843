import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AUDIT_LOG, SqlAuditLog, migrateAuditSchema } from '@referral/audit';
import { READ_MODEL_DB } from '@referral/platform';
import type { SqlClient } from '@referral/sql';
import { CaseAccess } from '../cases/case-access';
import { AuditController } from './audit.controller';
import { AuditInterceptor } from './audit.interceptor';
import { AuditMiddleware } from './audit.middleware';
import { AuditWriter } from './audit-writer';
import { CaseHolders } from './case-holder';

/** The audit log (in the read-model database), the recording of every audited request, and `GET /audit`. */
@Module({
  controllers: [AuditController],
  providers: [
    {
      provide: AUDIT_LOG,
      useFactory: async (db: SqlClient) => {
        await migrateAuditSchema(db);
        return new SqlAuditLog(db);
      },
      inject: [READ_MODEL_DB],
    },
    AuditWriter,
    CaseHolders,
    CaseAccess,
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [AUDIT_LOG],
})
export class AuditModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuditMiddleware).forRoutes('*path');
  }
}
