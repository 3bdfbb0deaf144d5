// A local HTTP server standing in for a customer's API: records what it receives and answers
// with the statuses a test asks for.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  json(): unknown;
  /** performance.now() when the request arrived, and when its answer was sent (undefined until then). */
  arrivedAt: number;
  answeredAt?: number;
}

export interface Sink {
  url: string;
  received: ReceivedRequest[];
  /** Statuses to answer, in order; 200 once they run out. */
  answers: number[];
  /** While true, requests are recorded but not answered (an endpoint that hangs). */
  hold: boolean;
  /** Answers this long after each request arrived (a slow API), or as long as the function says. */
  delayMs: number | (() => number);
  /** Resolves when the bodies received so far satisfy `done`. */
  waitForBodies(done: (bodies: string[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Resolves when at least `count` requests have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

export async function startSink(): Promise<Sink> {
  const received: ReceivedRequest[] = [];
  const answers: number[] = [];
  let waiters: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const request: ReceivedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, json: () => JSON.parse(body), arrivedAt: performance.now() };
      received.push(request);
      for (const waiter of [...waiters]) waiter();
      if (sink.hold) return;
      const status = answers.shift() ?? 200;
      const answer = (): void => {
        request.answeredAt = performance.now();
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: status < 400, received: received.length }));
      };
      const delay = typeof sink.delayMs === 'function' ? sink.delayMs() : sink.delayMs;
      if (delay > 0) setTimeout(answer, delay);
      else answer();
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const waitUntil = (done: () => boolean, timeoutMs: number, describe: () => string): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters = waiters.filter((waiter) => waiter !== check);
        reject(new Error(describe()));
      }, timeoutMs);
      const check = (): void => {
        if (!done()) return;
        clearTimeout(timer);
        waiters = waiters.filter((waiter) => waiter !== check);
        resolve();
      };
      waiters.push(check);
      check();
    });
  const sink: Sink = {
    url: `http://127.0.0.1:${port}`,
    received,
    answers,
    hold: false,
    delayMs: 0,
    waitFor: (count, timeoutMs = 10_000) =>
      waitUntil(() => received.length >= count, timeoutMs, () => `sink got ${received.length} of ${count} requests`).then(() => received),
    waitForBodies: (done, timeoutMs = 10_000) =>
      waitUntil(() => done(received.map((request) => request.body)), timeoutMs, () => `sink bodies never matched (${received.length} received)`),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return sink;
}
