// Create or edit one credential. Secrets go into password inputs and are never filled back in:
// on an edit, empty secret fields keep what is stored, and anything typed replaces it. Who may use
// it is chosen here too (UsableByField).
import { useState, type FormEvent } from 'react';
import { useUsers } from '../auth/users-query';
import { ErrorMessage } from '../shared/ErrorMessage';
import { CREDENTIAL_KINDS, CREDENTIAL_TYPES, isCredentialType, type CredentialType } from './credential-kinds';
import type { CredentialInput, CredentialSummary, UsableBy } from './credentials-api';
import { GenericValues, type GenericRow } from './GenericValues';
import { UsableByField } from './UsableByField';

interface CredentialFormProps {
  /** The credential being edited; none when creating. */
  editing?: CredentialSummary;
  pending: boolean;
  error: unknown;
  onSubmit(input: Partial<CredentialInput>): void;
  onCancel(): void;
}

export function CredentialForm({ editing, pending, error, onSubmit, onCancel }: CredentialFormProps) {
  const [name, setName] = useState(editing?.name ?? '');
  const [type, setType] = useState<CredentialType>(editing && isCredentialType(editing.type) ? editing.type : 'httpBearer');
  const [values, setValues] = useState<Record<string, string>>({});
  const [rows, setRows] = useState<GenericRow[]>([{ key: '', value: '' }]);
  const [usableBy, setUsableBy] = useState<UsableBy>(editing?.usableBy ?? { mode: 'everyone' });
  const users = useUsers({ enabled: usableBy.mode === 'users' });
  const kind = CREDENTIAL_KINDS[type];
  const keepsData = editing !== undefined && editing.type === type;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const data = type === 'generic' ? genericData(rows) : typedData(kind.fields.map((field) => field.key), values);
    const changed = Object.keys(data).length > 0;
    const rule = withoutRemovedPeople(usableBy, users.data?.items);
    // An edit sends the rule only when it changed, so a rename stays a rename.
    const access = editing && JSON.stringify(rule) === JSON.stringify(editing.usableBy) ? {} : { usableBy: rule };
    onSubmit(keepsData && !changed ? { name, type, ...access } : { name, type, data, ...access });
  };

  return (
    <form className="credential-form" onSubmit={submit} aria-label={editing ? `Edit ${editing.name}` : 'New credential'} data-testid="credential-form">
      <div className="field">
        <label className="field-label" htmlFor="credential-name">
          Name
        </label>
        <input id="credential-name" className="input" value={name} required maxLength={200} onChange={(event) => setName(event.target.value)} placeholder="Warehouse API (prod)" />
      </div>
      <div className="field">
        <label className="field-label" htmlFor="credential-type">
          Type
        </label>
        <select id="credential-type" className="input" value={type} onChange={(event) => isCredentialType(event.target.value) && setType(event.target.value)}>
          {CREDENTIAL_TYPES.map((option) => (
            <option key={option} value={option}>
              {CREDENTIAL_KINDS[option].label}
            </option>
          ))}
        </select>
        <p className="field-help">{kind.help}</p>
      </div>
      {type === 'generic' ? (
        <GenericValues rows={rows} onChange={setRows} keepsData={keepsData} />
      ) : (
        kind.fields.map((field) => (
          <div className="field" key={field.key}>
            <label className="field-label" htmlFor={`credential-${field.key}`}>
              {field.label}
              {field.optional ? ' (optional)' : ''}
            </label>
            <input
              id={`credential-${field.key}`}
              className="input"
              type={field.secret ? 'password' : 'text'}
              autoComplete={field.secret ? 'new-password' : 'off'}
              value={values[field.key] ?? ''}
              placeholder={keepsData ? 'Saved; type to replace' : field.placeholder}
              onChange={(event) => setValues({ ...values, [field.key]: event.target.value })}
            />
          </div>
        ))
      )}
      <UsableByField value={usableBy} onChange={setUsableBy} />
      <ErrorMessage error={error} title="Not saved" />
      <div className="credential-form-actions">
        <button type="submit" className="button primary" disabled={pending || name.trim() === ''}>
          {editing ? 'Save' : 'Create'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** People removed since the rule was saved are dropped, so saving does not fail on their ids. */
function withoutRemovedPeople(usableBy: UsableBy, users: Array<{ id: string }> | undefined): UsableBy {
  if (usableBy.mode !== 'users' || !users) return usableBy;
  const known = new Set(users.map((user) => user.id));
  return { mode: 'users', userIds: usableBy.userIds.filter((id) => known.has(id)) };
}

function typedData(keys: string[], values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(keys.map((key) => [key, values[key] ?? '']).filter(([, value]) => value !== ''));
}

function genericData(rows: GenericRow[]): Record<string, string> {
  return Object.fromEntries(rows.filter((row) => row.key.trim() !== '').map((row) => [row.key.trim(), row.value]));
}
