// Recent trigger outputs, kept from intake to the executor of the same process so a fresh event
// need not be read back and parsed again. Bounded in count and in body bytes (a parsed JSON body
// takes ~3x its bytes): when full, a new output is not kept and its executor reads the event from
// the store instead, so a long backlog, or one of large bodies, costs the heap nothing. Entries are
// taken once; entries nobody took (another process ran the event) expire.
import type { TriggerOutput } from '@hookflow/flow-model';

export interface CachedTrigger {
  trigger: TriggerOutput;
  flowVersionId: string;
}

interface Entry extends CachedTrigger {
  bytes: number;
  at: number;
}

export interface TriggerOutputCacheLimits {
  maxEntries: number;
  maxBytes: number;
  /** Entries older than this are dropped to make room. */
  maxAgeMs: number;
}

export const DEFAULT_CACHE_LIMITS: TriggerOutputCacheLimits = { maxEntries: 1_000, maxBytes: 16 * 1024 * 1024, maxAgeMs: 60_000 };

export class TriggerOutputCache {
  /** In insertion order, so the oldest entries are first. */
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly limits: TriggerOutputCacheLimits = DEFAULT_CACHE_LIMITS) {}

  /** Keeps the output when there is room; answers whether it was kept. */
  put(eventId: string, cached: CachedTrigger, bytes: number, now = Date.now()): boolean {
    if (this.isFull(bytes)) this.dropOlderThan(now - this.limits.maxAgeMs);
    if (this.isFull(bytes)) return false;
    this.entries.set(eventId, { ...cached, bytes, at: now });
    this.bytes += bytes;
    return true;
  }

  /** The output, removed from the cache; undefined when it was not kept. */
  take(eventId: string): CachedTrigger | undefined {
    const entry = this.entries.get(eventId);
    if (!entry) return undefined;
    this.entries.delete(eventId);
    this.bytes -= entry.bytes;
    return { trigger: entry.trigger, flowVersionId: entry.flowVersionId };
  }

  get size(): number {
    return this.entries.size;
  }

  get heldBytes(): number {
    return this.bytes;
  }

  private isFull(bytes: number): boolean {
    return this.entries.size >= this.limits.maxEntries || this.bytes + bytes > this.limits.maxBytes;
  }

  private dropOlderThan(cutoff: number): void {
    for (const [eventId, entry] of this.entries) {
      if (entry.at > cutoff) return;
      this.entries.delete(eventId);
      this.bytes -= entry.bytes;
    }
  }
}
