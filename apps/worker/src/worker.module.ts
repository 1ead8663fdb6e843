import { Module } from '@nestjs/common';
import { DeadlinesHost } from './deadlines/deadlines-host';
import { ProjectionsHost } from './projections/projections-host';

/** Subscriptions, projections and deadline timers: everything that reacts to events. */
@Module({ providers: [ProjectionsHost, DeadlinesHost], exports: [ProjectionsHost, DeadlinesHost] })
export class WorkerModule {}
