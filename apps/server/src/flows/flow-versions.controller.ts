import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { NodeRegistry } from '@hookflow/engine';
import { NotFoundError } from '../common/domain-errors';
import { FlowVersionEntity } from './flow.entities';
import { redactFlowSecrets } from './flow-secrets';

@ApiTags('flows')
@Controller('api/flow-versions')
export class FlowVersionsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: NodeRegistry,
  ) {}

  @Get(':versionId')
  @ApiOperation({ summary: 'One immutable flow version (the document an execution ran)' })
  async get(@Param('versionId') versionId: string): Promise<FlowVersionEntity> {
    const version = await this.dataSource.getRepository(FlowVersionEntity).findOneBy({ id: versionId });
    if (!version) throw new NotFoundError(`No flow version with id ${versionId}.`);
    return { ...version, document: redactFlowSecrets(version.document, this.registry) };
  }
}
