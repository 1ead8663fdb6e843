import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { RequestTelemetryMiddleware } from './http/request-telemetry.middleware';
import { AdminModule } from './admin/admin.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { ClockMiddleware } from './http/clock.middleware';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { OperationsModule } from './operations/operations.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { ReadModelsModule } from './read-models.module';
import { SlaModule } from './sla/sla.module';
import { StatisticsModule } from './statistics/statistics.module';
import { SurveysModule } from './surveys/surveys.module';

/**
 * The HTTP app: the contract's routes under /api/v1. IdempotencyModule comes after AuditModule:
 * global interceptors wrap in the order they are found, so the audit one sees replayed answers.
 */
@Module({
  imports: [
    RateLimitModule, AuthModule, ReadModelsModule, OperationsModule, CasesModule, SlaModule, AdminModule, StatisticsModule,
    SurveysModule, AuditModule, IdempotencyModule,
  ],
})
export class ApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestTelemetryMiddleware, ClockMiddleware).forRoutes('*path');
  }
}
