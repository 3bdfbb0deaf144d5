// Flow templates for "start from a template": the example flow documents shipped in
// examples/flows, each with its name and description.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseFlowDocument, type FlowTemplateDto } from '@hookflow/flow-model';

export type FlowTemplate = FlowTemplateDto;

@ApiTags('flows')
@Controller('api/templates')
export class TemplatesController {
  private readonly templates = loadTemplates(findExamplesDir());

  @Get()
  @ApiOperation({ summary: 'Example flows to start from' })
  list(): FlowTemplate[] {
    return this.templates;
  }
}

function findExamplesDir(): string | undefined {
  const candidates = [resolve(process.cwd(), 'examples/flows'), resolve(process.cwd(), '../../examples/flows')];
  return candidates.find((dir) => existsSync(dir));
}

function loadTemplates(dir: string | undefined): FlowTemplate[] {
  if (!dir) return [];
  const templates: FlowTemplate[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    const parsed = parseFlowDocument(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.ok) continue;
    const document = parsed.value;
    templates.push({ id: file.replace(/\.json$/, ''), name: document.name, description: document.description ?? '', document });
  }
  return templates;
}
