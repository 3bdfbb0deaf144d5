// People: the owner adds editors and viewers (or more owners) and removes them. Both go to the
// audit log.
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { NewUserBody, type NewUserRequest } from './auth-dto';
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

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a user with their sessions and API keys (owner only)' })
  async remove(@Param('id') id: string, @CurrentAuth() auth: RequestAuth, @Req() request: FastifyRequest): Promise<void> {
    // Read first: once removed, the log could no longer say who it was.
    const user = await this.users.findById(id);
    await this.users.remove({ id, actingUserId: auth.user.id });
    await this.audit.record({ request, action: 'user.removed', target: { type: 'user', id, name: user?.email ?? null }, details: { role: user?.role ?? null } });
  }
}
