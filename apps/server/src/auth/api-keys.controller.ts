// API keys for scripts and CI. The key is in the answer to POST only; lists show its prefix.
// Making and revoking keys go to the audit log, by the key's name, never with the key.
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { NewApiKeyBody, type NewApiKeyRequest } from './auth-dto';
import { ApiKeysService, type ApiKeyDto } from './api-keys.service';
import { CurrentAuth, type RequestAuth } from './request-auth';

@ApiTags('auth')
@Controller('api/api-keys')
export class ApiKeysController {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Make an API key; the answer is the only time the key is shown (owner only)' })
  async create(@Body(new ZodBodyPipe(NewApiKeyBody)) body: NewApiKeyRequest, @CurrentAuth() auth: RequestAuth, @Req() request: FastifyRequest): Promise<ApiKeyDto & { key: string }> {
    const created = await this.apiKeys.create({ name: body.name, userId: auth.user.id });
    await this.audit.record({ request, action: 'api_key.created', target: { type: 'api_key', id: created.id, name: created.name } });
    return created;
  }

  @Get()
  @ApiOperation({ summary: 'All API keys, without their values (owner only)' })
  async list(): Promise<{ items: ApiKeyDto[] }> {
    return { items: await this.apiKeys.list() };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key at once (owner only)' })
  async revoke(@Param('id') id: string, @Req() request: FastifyRequest): Promise<void> {
    const revoked = await this.apiKeys.revoke(id);
    await this.audit.record({ request, action: 'api_key.revoked', target: { type: 'api_key', id: revoked.id, name: revoked.name } });
  }
}
