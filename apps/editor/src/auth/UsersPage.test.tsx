// The users page with a fake server: the owner adds a person with a role and an initial password,
// changes a role, removes someone, and reads the server's refusals as it words them.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthContext, type AuthSession } from './auth-context';
import type { AuthUser } from './auth-api';
import UsersPage from './UsersPage';

const at = '2026-01-01T00:00:00Z';
const ada: AuthUser = { id: 'u-ada', email: 'ada@example.com', name: 'Ada', role: 'owner', createdAt: at };
const ed: AuthUser = { id: 'u-ed', email: 'ed@example.com', name: null, role: 'editor', createdAt: at };

/** A fake /api/users that keeps its list, and refuses to remove u-new as the last owner. */
function fakeUsersApi() {
  const users = [ada, ed];
  const sent: Array<{ method: string; path: string; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const path = String(input);
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      sent.push({ method, path, body });
      const id = path.split('/')[3];
      const index = users.findIndex((user) => user.id === id);
      if (method === 'POST') {
        const made = { id: 'u-new', email: body.email, name: body.name ?? null, role: body.role, createdAt: at };
        users.push(made);
        return Response.json(made, { status: 201 });
      }
      if (method === 'PATCH') {
        users[index] = { ...users[index]!, role: body.role };
        return Response.json(users[index]);
      }
      if (method === 'DELETE' && id === 'u-new') {
        return Response.json({ error: 'conflict', message: 'new@example.com is the only owner and cannot be removed; make another user an owner first.' }, { status: 409 });
      }
      if (method === 'DELETE') {
        users.splice(index, 1);
        return new Response(null, { status: 204 });
      }
      return Response.json({ items: users });
    }),
  );
  vi.stubGlobal('confirm', () => true);
  return sent;
}

function renderPage(session: AuthSession | null) {
  return render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <AuthContext.Provider value={session}>
        <UsersPage />
      </AuthContext.Provider>
    </QueryClientProvider>,
  );
}

const asAda: AuthSession = { user: ada, signOut: async () => undefined };

describe('UsersPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists people, and keeps the owner from changing or removing themselves', async () => {
    fakeUsersApi();
    renderPage(asAda);
    const rows = await screen.findAllByTestId('user-row');
    expect(rows.map((row) => row.textContent)).toEqual([expect.stringContaining('Ada (ada@example.com) you'), expect.stringContaining('ed@example.com')]);
    expect(screen.getByLabelText('Role of ada@example.com')).toHaveProperty('disabled', true);
    expect(within(rows[0]!).queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(within(rows[1]!).getByRole('button', { name: 'Remove ed@example.com' })).toBeTruthy();
  });

  it('adds a person with a role and an initial password', async () => {
    const sent = fakeUsersApi();
    const user = userEvent.setup();
    renderPage(asAda);
    await screen.findAllByTestId('user-row');
    await user.type(screen.getByLabelText('Email'), 'new@example.com');
    await user.selectOptions(screen.getByLabelText('Role'), 'owner');
    await user.type(screen.getByLabelText('Initial password'), 'short');
    expect(screen.getByRole('button', { name: 'Add user' })).toHaveProperty('disabled', true);
    await user.type(screen.getByLabelText('Initial password'), '-but-long-now');
    await user.click(screen.getByRole('button', { name: 'Add user' }));

    expect((await screen.findByRole('status')).textContent).toContain('Added new@example.com as owner');
    expect(sent.find((call) => call.method === 'POST')?.body).toEqual({ email: 'new@example.com', password: 'short-but-long-now', role: 'owner' });
    await waitFor(() => expect(screen.getAllByTestId('user-row')).toHaveLength(3));
    expect((screen.getByLabelText('Initial password') as HTMLInputElement).value).toBe('');
  });

  it('changes a role and removes a person, and shows why the server refused', async () => {
    const sent = fakeUsersApi();
    const user = userEvent.setup();
    renderPage(asAda);
    await screen.findAllByTestId('user-row');
    await user.selectOptions(screen.getByLabelText('Role of ed@example.com'), 'viewer');
    await waitFor(() => expect(sent.find((call) => call.method === 'PATCH')).toEqual({ method: 'PATCH', path: '/api/users/u-ed', body: { role: 'viewer' } }));
    await waitFor(() => expect(screen.getByLabelText('Role of ed@example.com')).toHaveProperty('value', 'viewer'));

    await user.click(screen.getByRole('button', { name: 'Remove ed@example.com' }));
    await waitFor(() => expect(screen.getAllByTestId('user-row')).toHaveLength(1));
    expect(sent.some((call) => call.method === 'DELETE' && call.path === '/api/users/u-ed')).toBe(true);

    await user.type(screen.getByLabelText('Email'), 'new@example.com');
    await user.type(screen.getByLabelText('Initial password'), 'long-enough-1');
    await user.click(screen.getByRole('button', { name: 'Add user' }));
    await user.click(await screen.findByRole('button', { name: 'Remove new@example.com' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Not removed: new@example.com is the only owner and cannot be removed; make another user an owner first.');
  });

  it('tells other roles that only an owner manages people, and asks the server nothing', async () => {
    const sent = fakeUsersApi();
    renderPage({ user: ed, signOut: async () => undefined });
    expect(screen.getByText(/Only an owner manages users/)).toBeTruthy();
    expect(sent).toEqual([]);
  });
});
