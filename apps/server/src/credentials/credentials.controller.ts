// Credentials over HTTP. Creating, changing and deleting one go to the audit log by name and type,
// and a change says which parts changed ("data" means the secret was replaced, "usableBy" who may
// use it), never the data. The list is open to every role, so the editor's credential picker can
// offer what its user may use; everything else is the owner's (auth/roles.ts).
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { targetOf, type AuditDetails, type AuditTarget } from '../audit/audit-entry';
import { AuditService } from '../audit/audit.service';
import { CurrentAuth, type RequestAuth } from '../auth/request-auth';
import { Roles } from '../auth/roles.decorator';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { CreateCredentialSchema, UpdateCredentialSchema, type CreateCredentialRequest, type CredentialDto, type CredentialListItem, type UpdateCredentialRequest } from './credential-dto';
import { CredentialsService } from './credentials.service';

@ApiTags('credentials')
@Controller('api/credentials')
export class CredentialsController {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Roles('owner', 'editor', 'viewer')
  @ApiOperation({ summary: 'All stored credentials by name (never their data), each with `usable` for the caller; `usableBy` for owners' })
  list(@CurrentAuth() auth: RequestAuth): Promise<CredentialListItem[]> {
    return this.credentials.list(auth.user);
  }

  @Post()
  @ApiOperation({ summary: 'Store a credential { name, type, data, usableBy? }; data is encrypted and never answered' })
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
  @ApiOperation({ summary: 'Rename a credential, replace its data or change who may use it' })
  async update(@Param('id') id: string, @Body(new ZodBodyPipe(UpdateCredentialSchema)) body: UpdateCredentialRequest, @Req() request: FastifyRequest): Promise<CredentialDto> {
    const before = await this.credentials.get(id);
    const updated = await this.credentials.update(id, body);
    const accessChanged = JSON.stringify(updated.usableBy) !== JSON.stringify(before.usableBy);
    const changed = [updated.name !== before.name ? 'name' : '', updated.type !== before.type ? 'type' : '', body.data !== undefined ? 'data' : '', accessChanged ? 'usableBy' : ''].filter(Boolean);
    const details: AuditDetails = { type: updated.type, changed };
    if (accessChanged) details.usableBy = updated.usableBy.mode;
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
