import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as model from './index';

describe('the flow-model entry point', () => {
  it('exports the public API', () => {
    for (const name of ['compileTemplate', 'renderTemplate', 'renderDeep', 'compileDeep', 'templateVariables', 'templateHelpers', 'TemplateError', 'findCycle', 'wouldCreateCycle', 'topologicalOrder', 'outgoingEdges', 'incomingEdges', 'parseFlowDocument', 'validateFlow', 'flowDocumentJsonSchema', 'paramsJsonSchema', 'FlowDocumentSchema']) {
      expect(model).toHaveProperty(name);
    }
  });

  it('imports nothing Node-only, so it loads in the browser', () => {
    const sources = readdirSync(import.meta.dirname).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    for (const file of sources) {
      const text = readFileSync(join(import.meta.dirname, file), 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
      // Libraries that run in the browser as they do in Node (croner: the editor shows a schedule's next runs).
      expect(imports.filter((name) => !name.startsWith('./') && !['zod', 'handlebars', 'croner'].includes(name)), file).toEqual([]);
      expect(text, file).not.toMatch(/\b(Buffer|process|require)\b[.(]/);
    }
  });
});
