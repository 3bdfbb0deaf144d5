// The API client reports a 401 here; the auth gate listens and asks the person to sign in again.
// A plain listener set, because the client is not React and must not import the gate.
type Listener = () => void;

const listeners = new Set<Listener>();

export function onUnauthorized(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyUnauthorized(): void {
  for (const listener of listeners) listener();
}
