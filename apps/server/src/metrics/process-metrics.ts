// prom-client's default metrics (CPU, memory, heap, handles, event loop lag, GC), made once per
// process. They describe the process, not one application in it, and two of them hold resources
// that prom-client gives no way to release (an event-loop delay monitor and a GC observer): made
// per application, every server a test starts would leave both behind. Made once, they cost one
// unref'd timer and one observer for the life of the process, however many applications come and go.
import { collectDefaultMetrics, Registry } from 'prom-client';

let shared: Registry | undefined;

export function processMetrics(): Registry {
  if (!shared) {
    shared = new Registry();
    collectDefaultMetrics({ register: shared });
  }
  return shared;
}
