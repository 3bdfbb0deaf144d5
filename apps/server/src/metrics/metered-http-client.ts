// The HTTP client a node gets, wrapped so each request's final answer is counted by the node's
// type: one count per request the node makes, after the client's own retries.
import type { HttpClient } from '@hookflow/engine';

export type StatusClass = '2xx' | '3xx' | '4xx' | '5xx' | 'error';

const CLASSES: readonly StatusClass[] = ['error', 'error', '2xx', '3xx', '4xx', '5xx'];

/** `error`: no HTTP answer (network error, timeout, refused by the outbound guard, bad URL). */
export function statusClassOf(status: number | undefined): StatusClass {
  if (status === undefined || status < 100 || status >= 600) return 'error';
  return CLASSES[Math.floor(status / 100)] ?? 'error';
}

export function meteredHttpClient(inner: HttpClient, answered: (status: number | undefined) => void): HttpClient {
  return {
    async request(req, signal) {
      let status: number | undefined;
      try {
        const response = await inner.request(req, signal);
        status = response.status;
        return response;
      } finally {
        answered(status);
      }
    },
  };
}
