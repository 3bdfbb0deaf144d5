// The owner's list of stored credentials: create, rename or replace, choose who may use each,
// delete. The server never answers a credential's data, so this page can only ever show names and
// types. Other roles see the list read-only, with which ones they may use in their flows.
import { useState } from 'react';
import { useAuthSession } from '../auth/auth-context';
import { AppHeader } from '../shared/AppHeader';
import { EmptyState } from '../shared/EmptyState';
import { ErrorMessage } from '../shared/ErrorMessage';
import { formatRelative } from '../shared/format';
import { LoadingState } from '../shared/LoadingState';
import { credentialTypeLabel } from './credential-kinds';
import { CredentialForm } from './CredentialForm';
import { useCredentialMutations, useCredentials, type CredentialInput, type CredentialSummary } from './credentials-api';
import { usableByWords } from './UsableByField';

type Editing = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; credential: CredentialSummary };

export function CredentialsPage() {
  const session = useAuthSession();
  // Outside the auth gate (component tests) there is no session: the server decides.
  if (session && session.user.role !== 'owner') return <CredentialsReadOnly />;
  return <CredentialsManager />;
}

function CredentialsManager() {
  const credentials = useCredentials();
  const mutations = useCredentialMutations();
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const saving = editing.mode === 'edit' ? mutations.update : mutations.create;

  const open = (next: Editing) => {
    mutations.create.reset();
    mutations.update.reset();
    setEditing(next);
  };
  const save = (input: Partial<CredentialInput>) => {
    const close = { onSuccess: () => setEditing({ mode: 'closed' }) };
    if (editing.mode === 'edit') mutations.update.mutate({ id: editing.credential.id, input }, close);
    else if (input.name && input.type) mutations.create.mutate({ name: input.name, type: input.type, data: input.data ?? {}, usableBy: input.usableBy }, close);
  };
  const remove = (credential: CredentialSummary) => {
    if (window.confirm(`Delete the credential "${credential.name}"? Flows can no longer use it.`)) mutations.remove.mutate(credential.id);
  };

  return (
    <div className="app">
      <AppHeader>
        <button type="button" className="button primary" onClick={() => open({ mode: 'new' })}>
          New credential
        </button>
      </AppHeader>
      <main className="page">
        <h1 className="page-title">Credentials</h1>
        <p className="page-intro">Tokens, passwords and signing secrets, stored encrypted. Nodes refer to them by name; their values are never shown again.</p>
        {editing.mode !== 'closed' ? (
          <CredentialForm
            key={editing.mode === 'edit' ? editing.credential.id : 'new'}
            editing={editing.mode === 'edit' ? editing.credential : undefined}
            pending={saving.isPending}
            error={saving.error}
            onSubmit={save}
            onCancel={() => open({ mode: 'closed' })}
          />
        ) : null}
        <ErrorMessage error={mutations.remove.error} title="Not deleted" />
        {credentials.isLoading ? <LoadingState label="Loading credentials…" /> : null}
        <ErrorMessage error={credentials.error} title="Could not load credentials" />
        {credentials.data && credentials.data.length === 0 && editing.mode === 'closed' ? (
          <EmptyState title="No credentials yet" action={<button type="button" className="button primary" onClick={() => open({ mode: 'new' })}>Add a credential</button>}>
            Save an API token or a webhook secret once, then pick it in any node instead of pasting it.
          </EmptyState>
        ) : null}
        {credentials.data && credentials.data.length > 0 ? <CredentialTable credentials={credentials.data} onEdit={(credential) => open({ mode: 'edit', credential })} onDelete={remove} /> : null}
      </main>
    </div>
  );
}

function CredentialTable({ credentials, onEdit, onDelete }: { credentials: CredentialSummary[]; onEdit(credential: CredentialSummary): void; onDelete(credential: CredentialSummary): void }) {
  return (
    <table className="table" data-testid="credentials-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Who may use it</th>
          <th scope="col">Changed</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {credentials.map((credential) => (
          <tr key={credential.id}>
            <td>{credential.name}</td>
            <td>{credentialTypeLabel(credential.type)}</td>
            <td>{usableByWords(credential.usableBy)}</td>
            <td>{formatRelative(credential.updatedAt)}</td>
            <td className="row-actions">
              <button type="button" className="button small" onClick={() => onEdit(credential)}>
                Edit
              </button>
              <button type="button" className="button small danger" onClick={() => onDelete(credential)}>
                Delete
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CredentialsReadOnly() {
  const credentials = useCredentials();
  return (
    <div className="app">
      <AppHeader />
      <main className="page">
        <h1 className="page-title">Credentials</h1>
        <p className="page-intro">Only an owner adds or changes credentials. Use the ones marked “Yes” in your flows; for another, ask an owner to let you use it.</p>
        {credentials.isLoading ? <LoadingState label="Loading credentials…" /> : null}
        <ErrorMessage error={credentials.error} title="Could not load credentials" />
        {credentials.data && credentials.data.length === 0 ? <EmptyState title="No credentials yet">An owner adds them; then you can pick them in nodes.</EmptyState> : null}
        {credentials.data && credentials.data.length > 0 ? (
          <table className="table" data-testid="credentials-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">You may use it</th>
              </tr>
            </thead>
            <tbody>
              {credentials.data.map((credential) => (
                <tr key={credential.id}>
                  <td>{credential.name}</td>
                  <td>{credentialTypeLabel(credential.type)}</td>
                  <td>{credential.usable === false ? 'No: ask an owner' : 'Yes'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </main>
    </div>
  );
}

export default CredentialsPage;
