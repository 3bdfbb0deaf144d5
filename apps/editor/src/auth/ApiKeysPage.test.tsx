// The API keys page with a fake server: a new key is shown once, the list never has key values,
// and revoking deletes the key.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ApiKeysPage from './ApiKeysPage';

const listed = { id: 'k1', name: 'deploy script', prefix: 'hf_AbCdEf', createdAt: '2026-01-01T00:00:00Z', lastUsedAt: null };
const secret = `hf_AbCdEf${'x'.repeat(37)}`;

describe('ApiKeysPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a new key once, lists keys by prefix, and revokes', async () => {
    const keys: Array<typeof listed> = [];
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const call = `${init?.method ?? 'GET'} ${String(input)}`;
        calls.push(call);
        if (call === 'POST /api/api-keys') {
          keys.push(listed);
          return new Response(JSON.stringify({ ...listed, key: secret }), { status: 201 });
        }
        if (call === 'DELETE /api/api-keys/k1') {
          keys.pop();
          return new Response(null, { status: 204 });
        }
        return new Response(JSON.stringify({ items: keys }), { status: 200 });
      }),
    );
    vi.stubGlobal('confirm', () => true);
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ApiKeysPage />
      </QueryClientProvider>,
    );

    expect(await screen.findByText('No API keys yet')).toBeTruthy();
    await user.type(screen.getByLabelText('New key’s name'), 'deploy script');
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    expect((await screen.findByTestId('new-api-key')).textContent).toContain(secret);
    expect((await screen.findByTestId('api-keys-table')).textContent).toContain('hf_AbCdEf…');

    await user.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(document.body.textContent).not.toContain(secret);

    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(calls).toContain('DELETE /api/api-keys/k1'));
    expect(await screen.findByText('No API keys yet')).toBeTruthy();
  });
});
