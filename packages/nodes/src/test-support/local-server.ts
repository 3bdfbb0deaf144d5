// A real HTTP server on 127.0.0.1, port chosen by the OS, answering from a script. Tests use it as
// the "third-party API" so requests go through real sockets and the real http client.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. "/echo?x=1". */
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON. */
  body?: string | object;
}

export type RequestScript = (req: RecordedRequest, index: number) => ScriptedResponse | Promise<ScriptedResponse>;

export interface LocalServer {
  /** Base URL without a trailing slash, e.g. "http://127.0.0.1:54321". */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startLocalServer(script: RequestScript): Promise<LocalServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    void readRequest(req).then(async (recorded) => {
      requests.push(recorded);
      const answer = await script(recorded, requests.length - 1);
      const isJson = typeof answer.body === 'object';
      const payload = isJson ? JSON.stringify(answer.body) : (answer.body ?? '');
      res.writeHead(answer.status, { ...(isJson ? { 'content-type': 'application/json; charset=utf-8' } : {}), ...answer.headers });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readRequest(req: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { method: req.method ?? 'GET', url: req.url ?? '/', headers, body: Buffer.concat(chunks).toString('utf8') };
}
