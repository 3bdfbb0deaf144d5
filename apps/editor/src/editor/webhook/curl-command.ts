/** A ready-to-paste curl line that sends a small JSON body with the trigger's method. */
export function curlCommand({ url, method, body }: { url: string; method: string; body?: unknown }): string {
  const sample = body === undefined ? { hello: 'world' } : body;
  const json = JSON.stringify(sample).replace(/'/g, "'\\''");
  if (method === 'GET' || method === 'DELETE') return `curl -X ${method} '${url}'`;
  return `curl -X ${method} '${url}' -H 'content-type: application/json' -d '${json}'`;
}
