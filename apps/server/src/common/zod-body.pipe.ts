// Request bodies arrive as bytes (the server keeps raw bodies for webhooks); API routes parse
// them here as JSON and validate them with a zod schema, answering 400 { errors } on failure.
import { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { InvalidInputError } from './domain-errors';
import { jsonErrorLocation } from './json-error-location';

export class ZodBodyPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.output<T> {
    const json = toJson(value);
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) {
      throw new InvalidInputError(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
    }
    return parsed.data;
  }
}

function toJson(value: unknown): unknown {
  if (value === undefined || value === null) return {};
  if (!Buffer.isBuffer(value)) return value;
  if (value.length === 0) return {};
  const text = value.toString('utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InvalidInputError([{ path: '', message: `The body is not valid JSON: ${jsonErrorLocation(err, text)}` }]);
  }
}
