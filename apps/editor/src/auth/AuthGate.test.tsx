// The gate in jsdom with a fake server: setup on a fresh install, sign-in when signed out (found
// out without a request that fails), the app once signed in, and a sign-in over the app when a
// later call answers 401.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestJson } from '../api/http';
import { AuthGate } from './AuthGate';
import { UserMenu } from './UserMenu';

type Answer = { status?: number; body?: unknown };
type Sent = { method: string; path: string; body: unknown; headers: Headers };

function fakeServer(routes: Record<string, (sent: Sent) => Answer>): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request: Sent = { method: init?.method ?? 'GET', path: String(input), body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined, headers: new Headers(init?.headers) };
      sent.push(request);
      const route = routes[`${request.method} ${request.path}`];
      const answer = route ? route(request) : { status: 404, body: { error: 'not_found', message: 'no route' } };
      return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status ?? 200 });
    }),
  );
  return sent;
}

const ada = { id: 'u1', email: 'ada@example.com', name: 'Ada', role: 'owner', createdAt: '2026-01-01T00:00:00Z' };
const unauthorized = { status: 401, body: { error: 'unauthorized', message: 'Sign in.' } };

function Protected() {
  return (
    <div>
      <p>the flows</p>
      <UserMenu />
    </div>
  );
}

describe('AuthGate', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks a fresh install for the owner account, then shows the app', async () => {
    const sent = fakeServer({
      'GET /api/auth/status': () => ({ body: { setupRequired: true, signedIn: false } }),
      'POST /api/auth/setup': () => ({ status: 201, body: { user: ada } }),
    });
    const user = userEvent.setup();
    render(<AuthGate>{<Protected />}</AuthGate>);

    expect(await screen.findByRole('heading', { name: 'Create the owner account' })).toBeTruthy();
    expect(screen.queryByText('the flows')).toBeNull();
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'long-enough-1');
    await user.type(screen.getByLabelText('Repeat the password'), 'long-enough-2');
    expect(screen.getByText('The two passwords differ.')).toBeTruthy();
    await user.clear(screen.getByLabelText('Repeat the password'));
    await user.type(screen.getByLabelText('Repeat the password'), 'long-enough-1');
    await user.click(screen.getByRole('button', { name: 'Create the owner account' }));

    expect(await screen.findByText('the flows')).toBeTruthy();
    expect(screen.getByTestId('user-menu').textContent).toContain('owner');
    const setup = sent.find((request) => request.path === '/api/auth/setup')!;
    expect(setup.body).toEqual({ email: 'ada@example.com', password: 'long-enough-1' });
    expect(setup.headers.get('x-hookflow-csrf')).toBe('1');
  });

  it('signs in, showing the server’s reason when it refuses', async () => {
    let attempts = 0;
    const sent = fakeServer({
      'GET /api/auth/status': () => ({ body: { setupRequired: false, signedIn: false } }),
      'POST /api/auth/login': () => (++attempts === 1 ? { status: 401, body: { error: 'unauthorized', message: 'Wrong email or password.' } } : { body: { user: ada } }),
    });
    const user = userEvent.setup();
    render(<AuthGate>{<Protected />}</AuthGate>);

    // The sign-in page came from one request that cannot fail for a stranger (no 401 in the console).
    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /api/auth/status']);
    await user.type(screen.getByLabelText('Password'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Wrong email or password.');
    expect(screen.queryByText('the flows')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('the flows')).toBeTruthy();
  });

  it('puts the sign-in over the app when a call answers 401, keeping the page underneath', async () => {
    fakeServer({
      'GET /api/auth/status': () => ({ body: { setupRequired: false, signedIn: true, user: ada } }),
      'GET /api/flows': () => unauthorized,
    });
    render(<AuthGate>{<Protected />}</AuthGate>);
    expect(await screen.findByText('the flows')).toBeTruthy();

    await expect(requestJson('/api/flows')).rejects.toThrow('Sign in.');
    expect(await screen.findByRole('dialog')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Your session has ended' })).toBeTruthy();
    await waitFor(() => expect(screen.getByText('the flows')).toBeTruthy());
  });
});
