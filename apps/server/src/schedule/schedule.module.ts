// The schedule capability: mains fire the flows whose trigger is a schedule (workers never do).
import { Module } from '@nestjs/common';
import { SchedulerService } from './scheduler.service';

@Module({ providers: [SchedulerService], exports: [SchedulerService] })
export class ScheduleModule {}
