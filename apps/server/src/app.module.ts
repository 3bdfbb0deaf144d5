// The application, assembled from one module per capability. Settings are validated before any
// module starts; the store is picked from them.
import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { authControllers, authProviders } from './auth/auth.providers';
import { SETTINGS, type Settings } from './config/settings';
import { CredentialsModule } from './credentials/credentials.module';
import { Dispatcher, JobHandler } from './dispatch/dispatcher';
import { InProcessDispatcher } from './dispatch/in-process.dispatcher';
import { RecoveryService } from './dispatch/recovery.service';
import { EditorController } from './editor/editor.controller';
import { findEditorDir } from './editor/editor-assets';
import { EDITOR_DIR } from './editor/editor.tokens';
import { EventsController } from './events/events.controller';
import { ExecutionsController } from './executions/executions.controller';
import { ExecutionsService } from './executions/executions.service';
import { ExecutorService } from './executions/executor.service';
import { ErrorFlowService } from './executions/error-flow.service';
import { FailedExecutionsController } from './executions/failed-executions.controller';
import { FailedExecutionsService } from './executions/failed-executions.service';
import { ReplayService } from './executions/replay.service';
import { FlowsController } from './flows/flows.controller';
import { FlowVersionsController } from './flows/flow-versions.controller';
import { FlowsService } from './flows/flows.service';
import { TestRunService } from './flows/test-run.service';
import { HealthController } from './health/health.controller';
import { IntakeService } from './intake/intake.service';
import { TriggerGuardService } from './intake/verification/trigger-guard.service';
import { LOGGER } from './logging/logger';
import { NodeTypesController } from './node-types/node-types.controller';
import { RuntimeModule } from './runtime/runtime.module';
import { TemplatesController } from './templates/templates.controller';
import { TestListenController } from './test-listen/test-listen.controller';
import { TestListenService } from './test-listen/test-listen.service';
import { dataSourceOptions } from './storage/data-source-options';
import { StorageModule } from './storage/storage.module';
import { DedupePurgeService } from './storage/dedupe-purge.service';

@Module({})
export class AppModule {
  static forRoot({ settings, logger }: { settings: Settings; logger: Logger }): DynamicModule {
    const config = { provide: SETTINGS, useValue: settings };
    const log = { provide: LOGGER, useValue: logger };
    const editorDir = { provide: EDITOR_DIR, useValue: findEditorDir(settings.EDITOR_DIR) };
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(settings), retryAttempts: 2, retryDelay: 500 }),
        { module: ConfigHolder, global: true, providers: [config, log, editorDir], exports: [config, log, editorDir] },
        StorageModule,
        RuntimeModule,
        CredentialsModule,
      ],
      controllers: [
        ...authControllers,
        TestListenController,
        FlowsController,
        FlowVersionsController,
        TemplatesController,
        ExecutionsController,
        FailedExecutionsController,
        EventsController,
        NodeTypesController,
        HealthController,
        // Last: its catch-all route answers the editor's page for browser paths.
        EditorController,
      ],
      providers: [
        ...authProviders,
        FlowsService,
        TestRunService,
        ExecutionsService,
        FailedExecutionsService,
        ReplayService,
        ErrorFlowService,
        IntakeService,
        TriggerGuardService,
        DedupePurgeService,
        TestListenService,
        RecoveryService,
        { provide: JobHandler, useClass: ExecutorService },
        { provide: Dispatcher, useClass: InProcessDispatcher },
      ],
      exports: [Dispatcher],
    };
  }
}

@Module({})
class ConfigHolder {}
