import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../shared/ErrorMessage';
import { authApi, type AuthUser } from './auth-api';
import { AuthCard } from './AuthCard';

export function LoginPage({ onSignedIn, expired = false }: { onSignedIn: (user: AuthUser) => void; expired?: boolean }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { user } = await authApi.login({ email, password });
      onSignedIn(user);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <AuthCard title={expired ? 'Your session has ended' : 'Sign in'} overlay={expired}>
      {expired ? <p className="muted">Sign in again to carry on; your unsaved changes are still here.</p> : null}
      <form className="auth-form" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span className="field-label">Email</span>
          <input className="input" type="email" name="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Password</span>
          <input className="input" type="password" name="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        </label>
        <ErrorMessage error={error} title="Could not sign in" />
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthCard>
  );
}
