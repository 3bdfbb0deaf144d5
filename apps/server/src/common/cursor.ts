// Opaque cursors for keyset pagination over (time, id), newest first.
import { z } from 'zod';
import { InvalidInputError } from './domain-errors';

export interface CursorPosition {
  at: string;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString('base64url');
}

const CursorSchema = z.tuple([z.string(), z.string()]);

export function decodeCursor(cursor: string | undefined): CursorPosition | undefined {
  if (!cursor) return undefined;
  try {
    const [at, id] = CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { at, id };
  } catch {
    throw new InvalidInputError([{ path: 'cursor', message: 'not a cursor this API gave out; start again without it' }]);
  }
}

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
});
