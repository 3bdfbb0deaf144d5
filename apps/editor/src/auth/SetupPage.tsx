import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../shared/ErrorMessage';
import { authApi, type AuthUser } from './auth-api';
import { AuthCard } from './AuthCard';

const MIN_PASSWORD = 8;

export function SetupPage({ onSignedIn }: { onSignedIn: (user: AuthUser) => void }) {
  const [form, setForm] = useState({ name: '', email: '', password: '', repeat: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const mismatch = form.repeat !== '' && form.repeat !== form.password;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (form.password !== form.repeat) return;
    setBusy(true);
    setError(null);
    try {
      const { user } = await authApi.setup({ email: form.email, password: form.password, name: form.name.trim() || undefined });
      onSignedIn(user);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  const field = (key: keyof typeof form) => ({ value: form[key], onChange: (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value }) });

  return (
    <AuthCard title="Create the owner account">
      <p className="muted">This is a new Hookflow. The owner manages users, API keys and credentials, and can do everything else.</p>
      <form className="auth-form" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span className="field-label">Name (optional)</span>
          <input className="input" name="name" autoComplete="name" {...field('name')} />
        </label>
        <label className="field">
          <span className="field-label">Email</span>
          <input className="input" type="email" name="email" autoComplete="username" required {...field('email')} />
        </label>
        <div className="field">
          <label className="field-label" htmlFor="setup-password">
            Password
          </label>
          <input id="setup-password" className="input" type="password" name="password" autoComplete="new-password" required minLength={MIN_PASSWORD} aria-describedby="setup-password-help" {...field('password')} />
          <span id="setup-password-help" className="field-help">
            At least {MIN_PASSWORD} characters.
          </span>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="setup-repeat">
            Repeat the password
          </label>
          <input id="setup-repeat" className="input" type="password" name="repeat" autoComplete="new-password" required aria-invalid={mismatch} {...field('repeat')} />
          {mismatch ? <span className="field-problem">The two passwords differ.</span> : null}
        </div>
        <ErrorMessage error={error} title="Could not create the account" />
        <button type="submit" className="button primary" disabled={busy || mismatch}>
          {busy ? 'Creating…' : 'Create the owner account'}
        </button>
      </form>
    </AuthCard>
  );
}
