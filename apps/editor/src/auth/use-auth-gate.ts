// What the gate shows: nothing yet, the owner setup, the sign-in, or the app for a signed-in user
// (with a sign-in over it when the session ended while working, so unsaved edits survive).
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/http';
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

async function loadGateState(): Promise<GateState> {
  try {
    const { setupRequired } = await authApi.status();
    if (setupRequired) return { kind: 'setup' };
    const { user } = await authApi.me();
    return { kind: 'signed-in', user };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { kind: 'signed-out' };
    return { kind: 'unknown' };
  }
}
