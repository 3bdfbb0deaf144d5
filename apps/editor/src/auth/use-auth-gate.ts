// What the gate shows: nothing yet, the owner setup, the sign-in, or the app for a signed-in user
// (with a sign-in over it when the session ended while working, so unsaved edits survive).
import { useCallback, useEffect, useState } from 'react';
import { authApi, type AuthUser } from './auth-api';
import { onUnauthorized } from './unauthorized-signal';

export type GateState =
  | { kind: 'loading' }
  | { kind: 'setup' }
  | { kind: 'signed-out' }
  | { kind: 'signed-in'; user: AuthUser }
  | { kind: 'expired'; user: AuthUser }
  /** The server could not say (unreachable, older build): the app shows and reports its own errors. */
  | { kind: 'unknown' };

export function useAuthGate() {
  const [state, setState] = useState<GateState>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    void loadGateState().then((next) => {
      if (live) setState(next);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(
    () => onUnauthorized(() => setState((current) => (current.kind === 'signed-in' ? { kind: 'expired', user: current.user } : current.kind === 'unknown' ? { kind: 'signed-out' } : current))),
    [],
  );

  const signedIn = useCallback((user: AuthUser) => setState({ kind: 'signed-in', user }), []);
  return { state, signedIn };
}

/**
 * One request, answered 200 whether or not the browser is signed in: asking /api/auth/me instead
 * would log a failed request (401) in the console of every fresh browser on the sign-in page.
 */
async function loadGateState(): Promise<GateState> {
  try {
    const status = await authApi.status();
    if (status.setupRequired) return { kind: 'setup' };
    return status.signedIn ? { kind: 'signed-in', user: status.user } : { kind: 'signed-out' };
  } catch {
    return { kind: 'unknown' };
  }
}
