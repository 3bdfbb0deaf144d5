// Who is signed in, for any component under the auth gate. Null outside the gate (component tests
// render pages without it), so readers show nothing rather than fail.
import { createContext, useContext } from 'react';
import type { AuthUser } from './auth-api';

export interface AuthSession {
  user: AuthUser;
  signOut(): Promise<void>;
}

export const AuthContext = createContext<AuthSession | null>(null);

export function useAuthSession(): AuthSession | null {
  return useContext(AuthContext);
}
