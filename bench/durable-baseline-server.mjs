// The durable baseline: the least a server can do to keep the "accepted means durable" promise.
// node:http parses the JSON body, one row per request goes into SQLite (WAL, synchronous=FULL) by
// group commit on a writer thread (the same design as Hookflow's store, two batches in flight),
// and 202 is answered only once the row's transaction is on disk. No framework, no trigger
// checks, no flow runs. It tells how much of the gap to the bare baseline is the fsynced commit
// itself on this machine, and how much is Hookflow's own work.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

const MAX_IN_FLIGHT = 2;
const dir = mkdtempSync(join(tmpdir(), 'hookflow-durable-baseline-'));
const writer = new Worker(new URL('./durable-baseline-writer.cjs', import.meta.url), { workerData: { file: join(dir, 'events.sqlite') } });
writer.on('error', (err) => {
  console.error('durable baseline writer failed', err);
  process.exit(1);
});

let waiting = [];
let inFlight = 0;
let scheduled = false;
let nextBatch = 0;
const answers = new Map();

function flush() {
  scheduled = false;
  if (waiting.length === 0 || inFlight >= MAX_IN_FLIGHT) return;
  const batch = waiting;
  waiting = [];
  inFlight += 1;
  nextBatch += 1;
  answers.set(nextBatch, batch.map((entry) => entry.answer));
  writer.postMessage({ id: nextBatch, rows: batch.map((entry) => entry.row) });
}

writer.on('message', ({ id }) => {
  inFlight -= 1;
  for (const answer of answers.get(id)) answer();
  answers.delete(id);
  flush();
});

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const raw = Buffer.concat(chunks).toString('utf8');
    try {
      JSON.parse(raw);
    } catch {
      res.writeHead(400);
      res.end();
      return;
    }
    const id = randomUUID();
    const row = [id, 'flow', 'version', 'hook', req.method, req.url, JSON.stringify(req.headers), '{}', req.headers['content-type'] ?? null, null, raw, 'utf8', 'accepted', null, 202, new Date().toISOString()];
    waiting.push({
      row,
      answer: () => {
        res.writeHead(202, { 'content-type': 'application/json' });
        res.end(`{"eventId":"${id}"}`);
      },
    });
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
});
server.keepAliveTimeout = 10_000;
writer.once('online', () => server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port })));
process.on('SIGTERM', () => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
