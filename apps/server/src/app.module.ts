// The application, assembled from one module per capability. Settings are validated before any
// module starts; they pick the store, the dispatcher and, by ROLE, which capabilities this process
// runs: a worker runs executions and answers its probes, a main serves the API, the editor and
// trigger URLs, and `all` (the default, and the embedded mode) does both.
import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { AuditEntity } from './audit/audit.entity';
import { AnswersModule } from './answers/answers.module';
import { AuditModule } from './audit/audit.module';
import { authEntities } from './auth/auth.entities';
import { AuthModule } from './auth/auth.module';
import { runsExecutions, servesApi, SETTINGS, type Settings } from './config/settings';
import { CredentialEntity } from './credentials/credential.entity';
import { CredentialsModule } from './credentials/credentials.module';
import { DispatchModule } from './dispatch/dispatch.module';
import { EditorController } from './editor/editor.controller';
import { findEditorDir } from './editor/editor-assets';
import { EDITOR_DIR } from './editor/editor.tokens';
import { eventEntities } from './events/event.entity';
import { EventsModule } from './events/events.module';
import { ExecutionEntity } from './executions/execution.entity';
import { ScheduleModule } from './schedule/schedule.module';
import { ScheduleTickEntity } from './schedule/schedule-tick.entity';
import { ExecutionsModule } from './executions/executions.module';
import { flowEntities } from './flows/flow.entities';
import { FlowsModule } from './flows/flows.module';
import { HealthModule } from './health/health.module';
import { IntakeModule } from './intake/intake.module';
import { LOGGER } from './logging/logger';
import { MetricsModule } from './metrics/metrics.module';
import { NodeTypesController } from './node-types/node-types.controller';
import { RetentionModule } from './retention/retention.module';
import { RuntimeModule } from './runtime/runtime.module';
import { dataSourceOptions } from './storage/data-source-options';
import { openStore } from './storage/migrate';
import { StorageModule } from './storage/storage.module';

/** Every table's entity, each defined by the capability that owns it. */
export const storedEntities = [...flowEntities, ...eventEntities, ExecutionEntity, CredentialEntity, ...authEntities, AuditEntity, ScheduleTickEntity];

@Module({})
export class AppModule {
  static forRoot({ settings, logger }: { settings: Settings; logger: Logger }): DynamicModule {
    const config = { provide: SETTINGS, useValue: settings };
    const log = { provide: LOGGER, useValue: logger };
    const api = servesApi(settings);
    const editorDir = { provide: EDITOR_DIR, useValue: api ? findEditorDir(settings.EDITOR_DIR) : undefined };
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(settings, storedEntities), retryAttempts: 2, retryDelay: 500 }),
          dataSourceFactory: (options) => (options ? openStore(options) : Promise.reject(new Error('no store options'))),
        }),
        { module: ConfigHolder, global: true, providers: [config, log, editorDir], exports: [config, log, editorDir] },
        StorageModule,
        RuntimeModule,
        CredentialsModule.register({ api }),
        EventsModule.register({ api }),
        DispatchModule.register(settings),
        ExecutionsModule.register({ api, runs: runsExecutions(settings) }),
        HealthModule,
        MetricsModule,
        AnswersModule,
        // Loaded only in queue mode: the Redis client and Bull weigh ~60 MB of RSS.
        ...(settings.queueMode ? [import('./redis/redis.module.js').then(({ RedisModule }) => ({ module: RedisModule }))] : []),
        ...(api ? [AuditModule, AuthModule, FlowsModule, IntakeModule] : []),
        // Pruning old executions and events: store housekeeping, done by mains (one at a time), never by workers.
        ...(api ? [RetentionModule] : []),
        // Firing scheduled flows: mains only; each tick is claimed once among them.
        ...(api ? [ScheduleModule] : []),
      ],
      // Last: the editor's catch-all route answers the editor's page for browser paths.
      controllers: api ? [NodeTypesController, EditorController] : [],
    };
  }
}

@Module({})
class ConfigHolder {}
