// The sample event templates and test runs use: kept per flow in the browser, and when there is
// none yet, the flow's latest received request.
import { useEffect } from 'react';
import type { CapturedRequest } from '../api/api-types';
import { api } from '../api/endpoints';
import { isRecord } from '../api/http';
import { useEditorStoreApi } from './store/editor-store-context';

const storageKey = (flowId: string) => `hookflow.sample.${flowId}`;

export function useSample(flowId: string): void {
  const store = useEditorStoreApi();
  useEffect(() => {
    const stored = readStoredSample(flowId);
    if (stored) store.getState().setSample(stored);
    else {
      void api
        .events({ flowId, limit: 1 })
        .then((page) => {
          const latest = page.items[0];
          if (latest && !store.getState().sample) store.getState().setSample(latest);
        })
        .catch(() => undefined);
    }
    return store.subscribe((state, previous) => {
      if (state.sample !== previous.sample) writeStoredSample(flowId, state.sample);
    });
  }, [flowId, store]);
}

function readStoredSample(flowId: string): CapturedRequest | null {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(storageKey(flowId)) ?? 'null');
    return isCapturedRequest(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function writeStoredSample(flowId: string, sample: CapturedRequest | null): void {
  try {
    if (sample) window.localStorage.setItem(storageKey(flowId), JSON.stringify(sample));
    else window.localStorage.removeItem(storageKey(flowId));
  } catch {
    // Storage full or disabled: the sample still lives for this visit.
  }
}

export function isCapturedRequest(value: unknown): value is CapturedRequest {
  return isRecord(value) && typeof value.id === 'string' && typeof value.method === 'string' && isRecord(value.headers) && isRecord(value.query) && 'body' in value && typeof value.receivedAt === 'string';
}
