import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { ShutdownState } from './shutdown-state';

/** Liveness and readiness probes; loaded in every role, workers included. */
@Module({ controllers: [HealthController], providers: [ShutdownState] })
export class HealthModule {}
