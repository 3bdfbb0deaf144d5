// "Listen for test event": while an editor listens on a flow, requests to its test URL are
// parsed like real webhooks and handed to the listeners. They are never stored or run. In queue
// mode the editor's stream and the test request may reach different mains: the request is
// published on Redis and every main delivers it to the editors listening there; Redis's count of
// receivers tells whether anybody listens at all.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { IntakeRejection } from '../common/domain-errors';
import { SETTINGS, type Settings } from '../config/settings';
import { parseBody } from '../intake/body-parser';
import { SHARED_REDIS, type SharedRedis } from '../redis/shared-redis';

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

/** The editors listening on one flow here, and (queue mode) this main's subscription for them. */
interface FlowListeners {
  set: Set<Listener>;
  unsubscribe?: () => void;
  /** Redis has confirmed the subscription: published test events reach this main. */
  confirmed: boolean;
}

const NOBODY_LISTENS = 'Nobody is listening on this test URL. Click "Listen for test event" in the editor, then send the request again.';

@Injectable()
export class TestListenService {
  private readonly listeners = new Map<string, FlowListeners>();

  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    @Optional() @Inject(SHARED_REDIS) private readonly redis?: SharedRedis,
  ) {}

  listen(flowId: string, listener: Listener): () => void {
    let entry = this.listeners.get(flowId);
    if (!entry) {
      const created: FlowListeners = { set: new Set<Listener>(), confirmed: false };
      if (this.redis) {
        const subscription = this.redis.subscribe(channelOf(flowId), (message) => this.deliver(flowId, parseMessage(message)));
        created.unsubscribe = subscription.unsubscribe;
        void subscription.subscribed.then((confirmed) => (created.confirmed = confirmed));
      }
      entry = created;
      this.listeners.set(flowId, entry);
    }
    const current = entry;
    current.set.add(listener);
    return () => {
      current.set.delete(listener);
      if (current.set.size > 0) return;
      current.unsubscribe?.();
      this.listeners.delete(flowId);
    };
  }

  async receive(flowId: string, request: { method: string; headers: Record<string, string>; query: Record<string, string | string[]>; raw: Buffer | undefined }): Promise<TestRequest> {
    const entry = this.listeners.get(flowId);
    const local = entry?.set.size ?? 0;
    if (!this.redis && local === 0) throw new IntakeRejection(404, 'not_listening', NOBODY_LISTENS);
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
    const confirmed = entry?.confirmed === true;
    const receivers = this.redis ? await this.redis.publish(channelOf(flowId), JSON.stringify(received)) : undefined;
    // Embedded, Redis away, or this main's subscription not confirmed yet: its own editors directly.
    const localDirect = local > 0 && (receivers === undefined || !confirmed);
    if (localDirect) this.deliver(flowId, received);
    if (!localDirect && !receivers) throw new IntakeRejection(404, 'not_listening', NOBODY_LISTENS);
    return received;
  }

  private deliver(flowId: string, request: TestRequest | undefined): void {
    if (!request) return;
    for (const listener of this.listeners.get(flowId)?.set ?? []) listener(request);
  }
}

function channelOf(flowId: string): string {
  return `test-events:${flowId}`;
}

function parseMessage(message: string): TestRequest | undefined {
  try {
    const value: unknown = JSON.parse(message);
    return isTestRequest(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isTestRequest(value: unknown): value is TestRequest {
  return typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string' && 'method' in value && 'receivedAt' in value;
}
