// A stand-in for the warehouse API the flow calls: records every request and answers
// {"stored": true, "got": <body>}. Loopback only.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SinkRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON when the body was JSON, else the text. */
  body: unknown;
}

export interface Sink {
  url: string;
  requests: SinkRequest[];
  /** Resolves with the next (or an already recorded) request that matches. */
  waitFor(match: (request: SinkRequest) => boolean, timeoutMs?: number): Promise<SinkRequest>;
  close(): Promise<void>;
}

export async function startSink(): Promise<Sink> {
  const requests: SinkRequest[] = [];
  const waiters = new Set<(request: SinkRequest) => void>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request: SinkRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: parse(text) };
      requests.push(request);
      const answer = JSON.stringify({ stored: true, got: request.body });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
      res.end(answer);
      for (const waiter of waiters) waiter(request);
    });
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    waitFor: (match, timeoutMs = 15_000) => {
      const seen = requests.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolveRequest, reject) => {
        const waiter = (request: SinkRequest) => {
          if (!match(request)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolveRequest(request);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`the sink got no matching request within ${timeoutMs} ms (it got ${requests.length}: ${JSON.stringify(requests.map((r) => r.body))})`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function parse(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
