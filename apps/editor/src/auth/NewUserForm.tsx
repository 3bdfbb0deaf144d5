// Adds a person: their email, an optional name, a role, and an initial password the owner passes
// on to them (the server has no email invitations; see docs/api.md, "Signing in, API keys and users").
import { useState, type FormEvent } from 'react';
import { isRole, ROLES, type NewUser, type Role } from './auth-api';
import { ROLE_HELP, ROLE_LABELS } from './role-words';

const MIN_PASSWORD = 8;

interface Props {
  onCreate(user: NewUser, done: () => void): void;
  busy: boolean;
}

export function NewUserForm({ onCreate, busy }: Props) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [password, setPassword] = useState('');
  const tooShort = password.length > 0 && password.length < MIN_PASSWORD;

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (email.trim() === '' || password.length < MIN_PASSWORD) return;
    const trimmedName = name.trim();
    onCreate({ email: email.trim(), password, role, ...(trimmedName ? { name: trimmedName } : {}) }, () => {
      setEmail('');
      setName('');
      setPassword('');
    });
  }

  return (
    <form className="new-user-form" onSubmit={submit} aria-label="Add a user">
      <div className="field">
        <label className="field-label" htmlFor="new-user-email">
          Email
        </label>
        <input id="new-user-email" className="input" type="email" required maxLength={254} autoComplete="off" value={email} onChange={(event) => setEmail(event.target.value)} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor="new-user-name">
          Name (optional)
        </label>
        <input id="new-user-name" className="input" maxLength={200} autoComplete="off" value={name} onChange={(event) => setName(event.target.value)} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor="new-user-role">
          Role
        </label>
        <select id="new-user-role" className="input" value={role} onChange={(event) => isRole(event.target.value) && setRole(event.target.value)}>
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {ROLE_LABELS[option]}
            </option>
          ))}
        </select>
        <p className="field-help">{ROLE_HELP[role]}</p>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="new-user-password">
          Initial password
        </label>
        <input
          id="new-user-password"
          className="input"
          type="password"
          autoComplete="new-password"
          maxLength={256}
          aria-describedby="new-user-password-help"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <p id="new-user-password-help" className={tooShort ? 'field-problem' : 'field-help'}>
          At least {MIN_PASSWORD} characters. Give it to them yourself; they sign in with it.
        </p>
      </div>
      <div>
        <button type="submit" className="button primary" disabled={busy || email.trim() === '' || password.length < MIN_PASSWORD}>
          Add user
        </button>
      </div>
    </form>
  );
}
