// Nothing of the editor shows to a stranger: first the owner account (on a fresh install), then
// the sign-in, then the app with the signed-in user in context.
import { useMemo, type ReactNode } from 'react';
import { LoadingState } from '../shared/LoadingState';
import { authApi, type AuthUser } from './auth-api';
import { AuthContext, type AuthSession } from './auth-context';
import { LoginPage } from './LoginPage';
import { SetupPage } from './SetupPage';
import { useAuthGate } from './use-auth-gate';
import './auth.css';

export function AuthGate({ children }: { children: ReactNode }) {
  const { state, signedIn } = useAuthGate();
  const user = state.kind === 'signed-in' || state.kind === 'expired' ? state.user : null;
  const session = useMemo(() => (user ? sessionFor(user) : null), [user]);

  if (state.kind === 'loading') return <LoadingState label="Loading…" />;
  if (state.kind === 'setup') return <SetupPage onSignedIn={signedIn} />;
  if (state.kind === 'signed-out') return <LoginPage onSignedIn={signedIn} />;
  return (
    <AuthContext.Provider value={session}>
      {children}
      {state.kind === 'expired' ? <LoginPage onSignedIn={signedIn} expired /> : null}
    </AuthContext.Provider>
  );
}

function sessionFor(user: AuthUser): AuthSession {
  return {
    user,
    signOut: async () => {
      await authApi.logout().catch(() => undefined);
      // A fresh page drops every cached answer of the signed-out user.
      window.location.assign('/');
    },
  };
}
