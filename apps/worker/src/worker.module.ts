import { Module } from '@nestjs/common';
import { ProjectionsHost } from './projections/projections-host';

/** Subscriptions, projections and deadline timers: everything that reacts to events. */
@Module({ providers: [ProjectionsHost], exports: [ProjectionsHost] })
export class WorkerModule {}
