// "Listen for test event": an EventSource on the flow's test stream; the first request that
// reaches the test URL becomes the sample, and the stream is closed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CapturedRequest } from '../../api/api-types';
import { api } from '../../api/endpoints';
import { isCapturedRequest } from '../use-sample';

export type ListenerState = { phase: 'idle' } | { phase: 'listening' } | { phase: 'received'; request: CapturedRequest } | { phase: 'failed'; message: string };

export function useTestListener({ flowId, onRequest }: { flowId: string; onRequest(request: CapturedRequest): void }) {
  const [state, setState] = useState<ListenerState>({ phase: 'idle' });
  const source = useRef<EventSource | null>(null);
  const handler = useRef(onRequest);
  handler.current = onRequest;

  const stop = useCallback(() => {
    source.current?.close();
    source.current = null;
    setState((current) => (current.phase === 'listening' ? { phase: 'idle' } : current));
  }, []);

  const start = useCallback(() => {
    source.current?.close();
    const events = new EventSource(api.testEventsUrl(flowId));
    source.current = events;
    setState({ phase: 'listening' });
    events.addEventListener('request', (event) => {
      const request = parseRequest(event.data);
      if (!request) return;
      events.close();
      source.current = null;
      setState({ phase: 'received', request });
      handler.current(request);
    });
    events.onerror = () => {
      // EventSource retries on its own while CONNECTING; CLOSED means the server refused.
      if (events.readyState === EventSource.CLOSED) {
        source.current = null;
        setState({ phase: 'failed', message: 'The server closed the test stream. Is the flow saved and the server running?' });
      }
    };
  }, [flowId]);

  useEffect(() => () => source.current?.close(), []);
  return { state, start, stop };
}

function parseRequest(data: unknown): CapturedRequest | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(data);
    return isCapturedRequest(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
