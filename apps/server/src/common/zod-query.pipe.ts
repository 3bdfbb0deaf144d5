import { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { InvalidInputError } from './domain-errors';

/** Validates a query string object with a zod schema; 400 { errors } on failure. */
export class ZodQueryPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.output<T> {
    const parsed = this.schema.safeParse(value ?? {});
    if (parsed.success) return parsed.data;
    throw new InvalidInputError(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
  }
}
