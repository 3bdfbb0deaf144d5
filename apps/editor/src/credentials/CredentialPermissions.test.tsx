// Per-credential permissions in the editor: the owner chooses who may use a credential, and the
// picker in node forms lets nobody pick one they may not use (the server would refuse activation).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthContext, type AuthSession } from '../auth/auth-context';
import { CredentialPicker } from './CredentialPicker';
import { CredentialsPage } from './CredentialsPage';

const times = { createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
const people = [
  { id: 'u-owner', email: 'ada@example.com', name: 'Ada', role: 'owner', createdAt: times.createdAt },
  { id: 'u-ed', email: 'ed@example.com', name: null, role: 'editor', createdAt: times.createdAt },
  { id: 'u-eve', email: 'eve@example.com', name: 'Eve', role: 'editor', createdAt: times.createdAt },
];

/** A fake server: GET /api/users, GET /api/credentials (the given list), and it records writes. */
function fakeServer(credentials: unknown[]) {
  const sent: Array<{ method: string; path: string; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const path = String(input);
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      sent.push({ method, path, body });
      if (path === '/api/users') return Response.json({ items: people });
      if (method === 'GET') return Response.json(credentials);
      return Response.json({ id: 'c-new', ...times, ...body }, { status: method === 'POST' ? 201 : 200 });
    }),
  );
  return sent;
}

function renderAs(ui: ReactElement, role?: 'owner' | 'editor') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const session: AuthSession | null = role ? { user: { id: `u-${role}`, email: `${role}@example.com`, name: null, role, createdAt: times.createdAt }, signOut: async () => undefined } : null;
  return render(
    <QueryClientProvider client={client}>
      <AuthContext.Provider value={session}>{ui}</AuthContext.Provider>
    </QueryClientProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('who may use a credential, in the credential form', () => {
  it('creates a credential only chosen people may use', async () => {
    const sent = fakeServer([]);
    const user = userEvent.setup();
    renderAs(<CredentialsPage />, 'owner');
    await user.click(await screen.findByRole('button', { name: 'New credential' }));
    await user.type(screen.getByLabelText('Name'), 'Payroll API');
    await user.type(screen.getByLabelText('Token'), 'payroll-token-1');
    const rule = screen.getByRole('group', { name: 'Who may use it' });
    expect(within(rule).getByRole('radio', { name: 'Every editor' })).toHaveProperty('checked', true);

    await user.click(within(rule).getByRole('radio', { name: 'Chosen people' }));
    const choices = await screen.findByRole('group', { name: 'People who may use it' });
    // Owners always may, so they are not offered.
    expect(within(choices).queryByText(/ada@example.com/)).toBeNull();
    await user.click(within(choices).getByRole('checkbox', { name: /Eve \(eve@example.com\)/ }));
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() =>
      expect(sent.find((call) => call.method === 'POST')?.body).toEqual({
        name: 'Payroll API',
        type: 'httpBearer',
        data: { token: 'payroll-token-1' },
        usableBy: { mode: 'users', userIds: ['u-eve'] },
      }),
    );
  });

  it('shows each rule in the list, and changes a rule to chosen roles without touching the secret', async () => {
    const sent = fakeServer([
      { id: 'c-1', name: 'Warehouse', type: 'httpBearer', ...times, usable: true, usableBy: { mode: 'users', userIds: ['u-ed', 'u-eve'] } },
      { id: 'c-2', name: 'Slack bot', type: 'httpBearer', ...times, usable: true, usableBy: { mode: 'everyone' } },
    ]);
    const user = userEvent.setup();
    renderAs(<CredentialsPage />, 'owner');
    const table = await screen.findByTestId('credentials-table');
    expect(within(table).getByText('2 chosen people')).toBeTruthy();
    expect(within(table).getByText('Every editor')).toBeTruthy();

    await user.click(within(table).getAllByRole('button', { name: 'Edit' })[1]!);
    await user.click(screen.getByRole('radio', { name: 'Chosen roles' }));
    const roles = screen.getByRole('group', { name: 'Roles that may use it' });
    await user.click(within(roles).getByRole('checkbox', { name: 'Editors' }));
    expect(within(roles).getByText(/owners only/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent.find((call) => call.method === 'PUT')).toEqual({ method: 'PUT', path: '/api/credentials/c-2', body: { name: 'Slack bot', type: 'httpBearer', usableBy: { mode: 'roles', roles: [] } } }));
  });

  it('shows other roles a read-only list of what they may use', async () => {
    fakeServer([
      { id: 'c-1', name: 'Warehouse', type: 'httpBearer', ...times, usable: false },
      { id: 'c-2', name: 'Slack bot', type: 'httpBearer', ...times, usable: true },
    ]);
    renderAs(<CredentialsPage />, 'editor');
    const table = await screen.findByTestId('credentials-table');
    expect(within(table).getByText('No: ask an owner')).toBeTruthy();
    expect(within(table).getByText('Yes')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New credential' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
  });
});

describe('the credential picker', () => {
  const listed = [
    { id: 'c-yes', name: 'Shared token', type: 'httpBearer', ...times, usable: true },
    { id: 'c-no', name: 'Payroll token', type: 'httpBearer', ...times, usable: false },
  ];

  it('offers usable credentials and marks the others as not yours to use', async () => {
    fakeServer(listed);
    const onChange = vi.fn();
    renderAs(<CredentialPicker id="credential" value={undefined} onChange={onChange} />, 'editor');
    const yes = await screen.findByRole('option', { name: 'Shared token (HTTP bearer token)' });
    const no = screen.getByRole('option', { name: 'Payroll token (HTTP bearer token): not yours to use' });
    expect(yes).toHaveProperty('disabled', false);
    expect(no).toHaveProperty('disabled', true);
    await userEvent.setup().selectOptions(screen.getByTestId('credential'), 'c-yes');
    expect(onChange).toHaveBeenLastCalledWith('c-yes');
  });

  it('says so when the flow already holds a credential its editor may not use', async () => {
    fakeServer(listed);
    renderAs(<CredentialPicker id="credential" value="c-no" onChange={() => undefined} />, 'editor');
    expect((await screen.findByRole('alert')).textContent).toContain('You may not use “Payroll token”: activating or test-running this flow will be refused');
    expect(screen.getByTestId('credential')).toHaveProperty('value', 'c-no');
  });
});
