// The audit capability: the log's table, its reader (GET /api/audit) and the service every API
// controller records through. Global, so flows, credentials, auth, intake and executions need not
// import it; loaded only where the API is served (workers do nothing that is audited).
import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Global()
@Module({ controllers: [AuditController], providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
