import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { flowDocumentJsonSchema, paramsJsonSchema } from './json-schema';

describe('flowDocumentJsonSchema', () => {
  const schema = flowDocumentJsonSchema();

  it('is a draft 2020-12 schema with an id and a title', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('urn:hookflow:flow-document');
    expect(schema.title).toBe('Hookflow flow');
    expect(schema.type).toBe('object');
  });

  it('describes the input: fields with defaults are optional', () => {
    expect(schema.required).toEqual(['name', 'nodes']);
    expect(schema).toMatchObject({
      properties: {
        nodes: {
          type: 'array',
          maxItems: 1000,
          items: {
            required: ['id', 'type'],
            properties: {
              typeVersion: { type: 'integer', minimum: 1, default: 1 },
              id: { description: expect.stringContaining('nodes.<id>') },
            },
          },
        },
      },
    });
  });

  it('answers a fresh object each time', () => {
    const first = flowDocumentJsonSchema();
    first.title = 'changed';
    expect(flowDocumentJsonSchema().title).toBe('Hookflow flow');
  });
});

describe('paramsJsonSchema', () => {
  it('converts a params schema as the user writes it', () => {
    const params = z.object({
      url: z.string().meta({ title: 'URL', description: 'Where to send', examples: ['https://example.com'] }),
      method: z.enum(['GET', 'POST']).default('POST'),
      retries: z.number().int().optional(),
    });
    const schema = paramsJsonSchema(params);
    expect(schema.required).toEqual(['url']);
    expect(schema.properties).toMatchObject({
      url: { type: 'string', title: 'URL', description: 'Where to send', examples: ['https://example.com'] },
      method: { enum: ['GET', 'POST'], default: 'POST' },
    });
  });

  it('does not throw on parts JSON Schema cannot express', () => {
    const params = z.object({ when: z.date(), custom: z.custom<string>((value) => typeof value === 'string') });
    expect(() => paramsJsonSchema(params)).not.toThrow();
  });
});
