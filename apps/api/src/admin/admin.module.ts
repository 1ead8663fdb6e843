import { Module } from '@nestjs/common';
import { ProjectionsAdminController } from './projections.controller';

@Module({ controllers: [ProjectionsAdminController] })
export class AdminModule {}
