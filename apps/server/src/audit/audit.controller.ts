// Reading the audit log: owner only (roles.ts lists /api/audit), newest first, in keyset pages.
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { PageQuerySchema } from '../common/cursor';
import { ZodQueryPipe } from '../common/zod-query.pipe';
import { Roles } from '../auth/roles.decorator';
import { AUDIT_ACTIONS, type AuditEntryDto } from './audit-entry';
import { AuditService } from './audit.service';

const limitMessage = 'limit must be a whole number from 1 to 200';

const AuditQuerySchema = PageQuerySchema.extend({
  limit: z.coerce.number({ message: limitMessage }).int(limitMessage).min(1, limitMessage).max(200, limitMessage).default(50),
  action: z.enum(AUDIT_ACTIONS, { message: `action must be one of ${AUDIT_ACTIONS.join(', ')}` }).optional(),
  /** A user's or an API key's id. */
  actor: z.string().min(1).max(36).optional(),
});

@ApiTags('audit')
@Controller('api/audit')
@Roles('owner')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'Who did what, and when: newest first (filters: action, actor; pages: limit, cursor). Owner only' })
  list(@Query(new ZodQueryPipe(AuditQuerySchema)) query: z.output<typeof AuditQuerySchema>): Promise<{ items: AuditEntryDto[]; nextCursor: string | null }> {
    return this.audit.list(query);
  }
}
