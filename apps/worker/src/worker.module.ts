import { Module } from '@nestjs/common';

/** Subscriptions, projections and deadline timers: everything that reacts to events. */
@Module({})
export class WorkerModule {}
