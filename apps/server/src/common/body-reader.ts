// Reads every request body as bytes, up to MAX_BODY_BYTES. A body over the limit is read on and
// thrown away (up to a bound) before the 413 goes out with `Connection: close`: answering while the
// sender is still writing and then closing makes a plain HTTP client see EPIPE or ECONNRESET instead
// of the 413, and a sender that sees a network error retries, often forever.
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { PayloadTooLargeError } from './domain-errors';

/** Past this many bytes (or this long) of a body over the limit, answer anyway and cut the connection. */
const DRAIN_AT_LEAST_BYTES = 16 * 1024 * 1024;
const DRAIN_MS = 10_000;

type Done = (err: Error | null, body?: Buffer) => void;

export function bodyReader(limit: number): (req: FastifyRequest, payload: Readable, done: Done) => void {
  const drainBound = Math.max(4 * limit, DRAIN_AT_LEAST_BYTES);
  return (req, payload, done) => {
    const declared = Number(req.headers['content-length']);
    // Declared too large to be worth reading: answer now; the connection closes after the answer.
    if (declared > drainBound) return done(new PayloadTooLargeError(limit));
    const chunks: Buffer[] = [];
    let received = 0;
    let over = declared > limit;
    let drainTimer: NodeJS.Timeout | undefined;
    let finished = false;
    const finish = (err: Error | null, body?: Buffer): void => {
      if (finished) return;
      finished = true;
      clearTimeout(drainTimer);
      payload.removeListener('data', onData);
      payload.removeListener('end', onEnd);
      payload.removeListener('error', onError);
      done(err, body);
    };
    const startDraining = (): void => {
      over = true;
      chunks.length = 0;
      drainTimer = setTimeout(() => finish(new PayloadTooLargeError(limit)), DRAIN_MS);
    };
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (!over && received > limit) startDraining();
      if (!over) chunks.push(chunk);
      else if (received > drainBound) finish(new PayloadTooLargeError(limit));
    };
    const onEnd = (): void => {
      if (over) return finish(new PayloadTooLargeError(limit));
      finish(null, Buffer.concat(chunks, received));
    };
    const onError = (err: Error): void => finish(Object.assign(err, { statusCode: 400 }));
    if (over) startDraining();
    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.on('error', onError);
    payload.resume();
  };
}
