// How an event's body is kept: the raw bytes once (UTF-8 text when they are text, else base64),
// plus the parsed body only for kinds whose parsed form is not the raw text (form, XML). This
// halves what intake writes for the common JSON webhook.
import { isUtf8 } from 'node:buffer';

/** How intake read a body; the store keeps the parsed form only where it is not the raw text. */
export type BodyKind = 'empty' | 'json' | 'form' | 'xml' | 'text' | 'binary';

export interface StoredBody {
  body: string | null;
  rawBody: string;
  rawEncoding: 'utf8' | 'base64';
}

export function storeBody({ raw, kind, body }: { raw: Buffer | undefined; kind: BodyKind; body: unknown }): StoredBody {
  if (!raw || raw.length === 0) return { body: null, rawBody: '', rawEncoding: 'utf8' };
  const text = isUtf8(raw);
  return {
    body: kind === 'form' || kind === 'xml' ? JSON.stringify(body) : null,
    rawBody: text ? raw.toString('utf8') : raw.toString('base64'),
    rawEncoding: text ? 'utf8' : 'base64',
  };
}

export function rawBytes(stored: Pick<StoredBody, 'rawBody' | 'rawEncoding'>): Buffer {
  return Buffer.from(stored.rawBody, stored.rawEncoding === 'utf8' ? 'utf8' : 'base64');
}

/** The parsed body as the trigger saw it; never throws (a stored event was parsed once already). */
export function readBody(stored: StoredBody & { contentType: string | null }): unknown {
  if (stored.body !== null) return parseOr(stored.body, null);
  if (stored.rawBody === '') return null;
  const mediaType = (stored.contentType ?? '').split(';')[0].trim().toLowerCase();
  if (stored.rawEncoding === 'base64') return stored.rawBody;
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) return parseOr(stored.rawBody, null);
  if (mediaType.startsWith('text/')) return stored.rawBody;
  return Buffer.from(stored.rawBody, 'utf8').toString('base64');
}

function parseOr(text: string, fallback: unknown): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}
