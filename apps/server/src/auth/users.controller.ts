// People: the owner adds editors and viewers (or more owners) and removes them.
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { NewUserBody, type NewUserRequest } from './auth-dto';
import { CurrentAuth, type RequestAuth } from './request-auth';
import { UsersService, type UserDto } from './users.service';

@ApiTags('auth')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Add a user with a role: owner, editor or viewer (owner only)' })
  create(@Body(new ZodBodyPipe(NewUserBody)) body: NewUserRequest): Promise<UserDto> {
    return this.users.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'All users (owner only)' })
  async list(): Promise<{ items: UserDto[] }> {
    return { items: await this.users.list() };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a user with their sessions and API keys (owner only)' })
  async remove(@Param('id') id: string, @CurrentAuth() auth: RequestAuth): Promise<void> {
    await this.users.remove({ id, actingUserId: auth.user.id });
  }
}
