import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { CreateCredentialSchema, UpdateCredentialSchema, type CreateCredentialRequest, type CredentialDto, type UpdateCredentialRequest } from './credential-dto';
import { CredentialsService } from './credentials.service';

@ApiTags('credentials')
@Controller('api/credentials')
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  @Get()
  @ApiOperation({ summary: 'All stored credentials by name (never their data)' })
  list(): Promise<CredentialDto[]> {
    return this.credentials.list();
  }

  @Post()
  @ApiOperation({ summary: 'Store a credential { name, type, data }; data is encrypted and never answered' })
  create(@Body(new ZodBodyPipe(CreateCredentialSchema)) body: CreateCredentialRequest): Promise<CredentialDto> {
    return this.credentials.create(body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One credential: id, name, type and times' })
  get(@Param('id') id: string): Promise<CredentialDto> {
    return this.credentials.get(id);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Rename a credential or replace its data' })
  update(@Param('id') id: string, @Body(new ZodBodyPipe(UpdateCredentialSchema)) body: UpdateCredentialRequest): Promise<CredentialDto> {
    return this.credentials.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a credential; 409 while a flow still uses it' })
  async remove(@Param('id') id: string): Promise<void> {
    await this.credentials.remove(id);
  }
}
