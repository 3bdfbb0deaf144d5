import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { NodeRegistry } from '@hookflow/engine';
import { flowDocumentJsonSchema } from '@hookflow/flow-model';

@ApiTags('node types')
@Controller('api')
export class NodeTypesController {
  private readonly schema = flowDocumentJsonSchema();

  constructor(private readonly registry: NodeRegistry) {}

  @Get('node-types')
  @ApiOperation({ summary: 'Every node type: label, description, category, handles and the JSON Schema of its params' })
  list() {
    return this.registry.describe();
  }

  @Get('flow-schema')
  @ApiOperation({ summary: 'JSON Schema of the flow document' })
  flowSchema() {
    return this.schema;
  }
}
