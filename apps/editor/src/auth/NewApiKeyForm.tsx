import { useState, type FormEvent } from 'react';
import type { NewApiKey } from './auth-api';

interface Props {
  onCreate: (name: string) => void;
  busy: boolean;
  /** The key just made: shown here once, never again. */
  created: NewApiKey | null;
  onDismiss: () => void;
}

export function NewApiKeyForm({ onCreate, busy, created, onDismiss }: Props) {
  const [name, setName] = useState('');
  const [copied, setCopied] = useState(false);

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (name.trim() === '') return;
    setCopied(false);
    onCreate(name.trim());
    setName('');
  }

  if (created) {
    return (
      <div className="new-key" role="status" data-testid="new-api-key">
        <strong>Copy the key “{created.name}” now: it will not be shown again.</strong>
        <div className="new-key-value">
          <code>{created.key}</code>
          <button type="button" className="button small" onClick={() => void navigator.clipboard?.writeText(created.key).then(() => setCopied(true))}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
        <div>
          <button type="button" className="button" onClick={onDismiss}>
            I have copied it
          </button>
        </div>
      </div>
    );
  }
  return (
    <form className="inline-form" onSubmit={submit}>
      <label className="field">
        <span className="field-label">New key’s name</span>
        <input className="input" name="key-name" placeholder="e.g. deploy script" maxLength={200} value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <button type="submit" className="button primary" disabled={busy || name.trim() === ''}>
        Create key
      </button>
    </form>
  );
}
