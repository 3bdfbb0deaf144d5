// "Listen for test event": while an editor listens on a flow, requests to its test URL are
// parsed like real webhooks and handed to the listeners. They are never stored or run.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IntakeRejection } from '../common/domain-errors';
import { SETTINGS, type Settings } from '../config/settings';
import { parseBody } from '../intake/body-parser';

export interface TestRequest {
  id: string;
  method: string;
  headers: Record<string, string>;
  query: Record<string, string | string[]>;
  contentType: string | null;
  body: unknown;
  receivedAt: string;
}

type Listener = (request: TestRequest) => void;

@Injectable()
export class TestListenService {
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(@Inject(SETTINGS) private readonly settings: Settings) {}

  listen(flowId: string, listener: Listener): () => void {
    const set = this.listeners.get(flowId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(flowId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(flowId);
    };
  }

  receive(flowId: string, request: { method: string; headers: Record<string, string>; query: Record<string, string | string[]>; raw: Buffer | undefined }): TestRequest {
    const listeners = this.listeners.get(flowId);
    if (!listeners || listeners.size === 0) {
      throw new IntakeRejection(404, 'not_listening', 'Nobody is listening on this test URL. Click "Listen for test event" in the editor, then send the request again.');
    }
    const contentType = request.headers['content-type'] ?? null;
    const limits = { maxDepth: this.settings.MAX_JSON_DEPTH, maxKeys: this.settings.MAX_JSON_KEYS };
    const { body } = parseBody({ raw: request.raw, contentType: contentType ?? undefined, limits });
    const received: TestRequest = {
      id: randomUUID(),
      method: request.method,
      headers: request.headers,
      query: request.query,
      contentType,
      body,
      receivedAt: new Date().toISOString(),
    };
    for (const listener of listeners) listener(received);
    return received;
  }
}
