// People: the owner adds editors and viewers (or more owners), changes their roles and removes
// them. All three go to the audit log.
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { NewUserBody, RoleChangeBody, type NewUserRequest, type RoleChangeRequest } from './auth-dto';
import { CurrentAuth, type RequestAuth } from './request-auth';
import { UsersService, type UserDto } from './users.service';

@ApiTags('auth')
@Controller('api/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Add a user with a role: owner, editor or viewer (owner only)' })
  async create(@Body(new ZodBodyPipe(NewUserBody)) body: NewUserRequest, @Req() request: FastifyRequest): Promise<UserDto> {
    const user = await this.users.create(body);
    await this.audit.record({ request, action: 'user.created', target: { type: 'user', id: user.id, name: user.email }, details: { role: user.role } });
    return user;
  }

  @Get()
  @ApiOperation({ summary: 'All users (owner only)' })
  async list(): Promise<{ items: UserDto[] }> {
    return { items: await this.users.list() };
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a user\'s role { role } (owner only); 409 for your own role or the last owner' })
  async changeRole(
    @Param('id') id: string,
    @Body(new ZodBodyPipe(RoleChangeBody)) body: RoleChangeRequest,
    @CurrentAuth() auth: RequestAuth,
    @Req() request: FastifyRequest,
  ): Promise<UserDto> {
    const { user, previousRole } = await this.users.changeRole({ id, role: body.role, actingUserId: auth.user.id });
    if (previousRole !== user.role) {
      await this.audit.record({ request, action: 'user.role_changed', target: { type: 'user', id, name: user.email }, details: { role: user.role, previousRole } });
    }
    return user;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a user with their sessions and API keys (owner only); 409 for yourself or the last owner' })
  async remove(@Param('id') id: string, @CurrentAuth() auth: RequestAuth, @Req() request: FastifyRequest): Promise<void> {
    // Read first: once removed, the log could no longer say who it was.
    const user = await this.users.findById(id);
    await this.users.remove({ id, actingUserId: auth.user.id });
    await this.audit.record({ request, action: 'user.removed', target: { type: 'user', id, name: user?.email ?? null }, details: { role: user?.role ?? null } });
  }
}
