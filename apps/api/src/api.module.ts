import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { RequestMetricsMiddleware } from './http/request-metrics.middleware';
import { AuthModule } from './auth/auth.module';
import { OperationsModule } from './operations/operations.module';

/** The HTTP app: the contract's routes under /api/v1. */
@Module({ imports: [AuthModule, OperationsModule] })
export class ApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestMetricsMiddleware).forRoutes('*path');
  }
}
