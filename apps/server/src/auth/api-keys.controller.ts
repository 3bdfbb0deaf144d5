// API keys for scripts and CI. The key is in the answer to POST only; lists show its prefix.
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { NewApiKeyBody, type NewApiKeyRequest } from './auth-dto';
import { ApiKeysService, type ApiKeyDto } from './api-keys.service';
import { CurrentAuth, type RequestAuth } from './request-auth';

@ApiTags('auth')
@Controller('api/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Make an API key; the answer is the only time the key is shown (owner only)' })
  create(@Body(new ZodBodyPipe(NewApiKeyBody)) body: NewApiKeyRequest, @CurrentAuth() auth: RequestAuth): Promise<ApiKeyDto & { key: string }> {
    return this.apiKeys.create({ name: body.name, userId: auth.user.id });
  }

  @Get()
  @ApiOperation({ summary: 'All API keys, without their values (owner only)' })
  async list(): Promise<{ items: ApiKeyDto[] }> {
    return { items: await this.apiKeys.list() };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key at once (owner only)' })
  async revoke(@Param('id') id: string): Promise<void> {
    await this.apiKeys.revoke(id);
  }
}
