// The customer's API for the end-to-end run: counts the distinct orders it receives.
import { createServer } from 'node:http';

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
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
});
server.keepAliveTimeout = 10_000;
process.on('message', (message) => {
  if (message === 'count') process.send?.({ distinct: seen.size, requests });
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
