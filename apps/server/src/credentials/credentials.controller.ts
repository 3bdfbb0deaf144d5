// Credentials over HTTP. Creating, changing and deleting one go to the audit log by name and type,
// and a change says which parts changed ("data" means the secret was replaced), never the data.
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { targetOf, type AuditDetails, type AuditTarget } from '../audit/audit-entry';
import { AuditService } from '../audit/audit.service';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { CreateCredentialSchema, UpdateCredentialSchema, type CreateCredentialRequest, type CredentialDto, type UpdateCredentialRequest } from './credential-dto';
import { CredentialsService } from './credentials.service';

@ApiTags('credentials')
@Controller('api/credentials')
export class CredentialsController {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'All stored credentials by name (never their data)' })
  list(): Promise<CredentialDto[]> {
    return this.credentials.list();
  }

  @Post()
  @ApiOperation({ summary: 'Store a credential { name, type, data }; data is encrypted and never answered' })
  async create(@Body(new ZodBodyPipe(CreateCredentialSchema)) body: CreateCredentialRequest, @Req() request: FastifyRequest): Promise<CredentialDto> {
    const created = await this.credentials.create(body);
    await this.audit.record({ request, action: 'credential.created', target: credentialTarget(created), details: { type: created.type } });
    return created;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One credential: id, name, type and times' })
  get(@Param('id') id: string): Promise<CredentialDto> {
    return this.credentials.get(id);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Rename a credential or replace its data' })
  async update(@Param('id') id: string, @Body(new ZodBodyPipe(UpdateCredentialSchema)) body: UpdateCredentialRequest, @Req() request: FastifyRequest): Promise<CredentialDto> {
    const before = await this.credentials.get(id);
    const updated = await this.credentials.update(id, body);
    const changed = [updated.name !== before.name ? 'name' : '', updated.type !== before.type ? 'type' : '', body.data !== undefined ? 'data' : ''].filter(Boolean);
    const details: AuditDetails = { type: updated.type, changed };
    if (updated.name !== before.name) details.renamedFrom = before.name;
    await this.audit.record({ request, action: 'credential.updated', target: credentialTarget(updated), details });
    return updated;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a credential; 409 while a flow still uses it' })
  async remove(@Param('id') id: string, @Req() request: FastifyRequest): Promise<void> {
    const credential = await this.credentials.get(id);
    await this.credentials.remove(id);
    await this.audit.record({ request, action: 'credential.deleted', target: credentialTarget(credential), details: { type: credential.type } });
  }
}

function credentialTarget(credential: CredentialDto): AuditTarget {
  return targetOf('credential', credential);
}
