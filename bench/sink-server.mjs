// The customer's API for the end-to-end run: counts the distinct orders it receives. SINK_DELAY_MS
// makes it answer that long after each request (a slow API, where more workers help).
import { createServer } from 'node:http';

const delayMs = Number(process.env.SINK_DELAY_MS ?? 0);

const seen = new Set();
let requests = 0;
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    requests += 1;
    try {
      seen.add(JSON.parse(Buffer.concat(chunks).toString('utf8')).order);
    } catch {
      // counted as a request only
    }
    const answer = () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    };
    if (delayMs > 0) setTimeout(answer, delayMs);
    else answer();
  });
});
server.keepAliveTimeout = 10_000;
process.on('message', (message) => {
  if (message === 'count') process.send?.({ distinct: seen.size, requests });
  if (message === 'reset') {
    seen.clear();
    requests = 0;
    process.send?.({ reset: true });
  }
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
