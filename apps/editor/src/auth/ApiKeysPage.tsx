// API keys for scripts and CI: made here, shown once, revoked here. The server keeps only hashes,
// so a lost key cannot be shown again: make a new one and revoke the old.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AppHeader } from '../shared/AppHeader';
import { EmptyState } from '../shared/EmptyState';
import { ErrorMessage } from '../shared/ErrorMessage';
import { LoadingState } from '../shared/LoadingState';
import { formatRelative, formatTime } from '../shared/format';
import { authApi, type NewApiKey } from './auth-api';
import { NewApiKeyForm } from './NewApiKeyForm';

const apiKeysQuery = ['api-keys'] as const;

export default function ApiKeysPage() {
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: apiKeysQuery, queryFn: authApi.apiKeys });
  const [created, setCreated] = useState<NewApiKey | null>(null);
  const create = useMutation({
    mutationFn: authApi.createApiKey,
    onSuccess: (key) => {
      setCreated(key);
      void queryClient.invalidateQueries({ queryKey: apiKeysQuery });
    },
  });
  const revoke = useMutation({ mutationFn: authApi.revokeApiKey, onSuccess: () => void queryClient.invalidateQueries({ queryKey: apiKeysQuery }) });

  return (
    <div className="app">
      <AppHeader title="API keys" />
      <main className="page">
        <h1 className="page-title">API keys</h1>
        <p className="muted">
          Scripts and CI call the API with a key: <code>Authorization: Bearer hf_…</code>. A key acts as you, with your role.
        </p>
        <NewApiKeyForm onCreate={(name) => create.mutate(name)} busy={create.isPending} created={created} onDismiss={() => setCreated(null)} />
        <ErrorMessage error={create.error ?? revoke.error} title="That did not work" />
        {keys.isLoading ? <LoadingState label="Loading API keys…" /> : null}
        <ErrorMessage error={keys.error} title="Could not load API keys" />
        {keys.data && keys.data.items.length === 0 ? <EmptyState title="No API keys yet">Make one above for each script, so each can be revoked alone.</EmptyState> : null}
        {keys.data && keys.data.items.length > 0 ? (
          <table className="table" data-testid="api-keys-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.items.map((key) => (
                <tr key={key.id}>
                  <td>{key.name}</td>
                  <td>
                    <code>{key.prefix}…</code>
                  </td>
                  <td>{formatTime(key.createdAt)}</td>
                  <td>{formatRelative(key.lastUsedAt)}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button small"
                      disabled={revoke.isPending}
                      onClick={() => {
                        if (window.confirm(`Revoke "${key.name}"? Scripts using it stop working at once.`)) revoke.mutate(key.id);
                      }}
                    >
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </main>
    </div>
  );
}
