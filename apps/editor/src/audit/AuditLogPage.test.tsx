// The audit log page with a fake server: entries read as plain sentences, "Load more" follows the
// cursor until the last page, and the empty, error and not-the-owner cases each say what is going
// on. The header's link to it shows for the owner only.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthUser } from '../auth/auth-api';
import { AuthContext } from '../auth/auth-context';
import { UserMenu } from '../auth/UserMenu';
import type { AuditEntry } from './audit-api';
import AuditLogPage from './AuditLogPage';

const ada = { kind: 'user', id: 'u1', name: 'ada@example.com' } as const;
const script = { kind: 'api_key', id: 'k1', name: 'deploy script' } as const;

function entry(id: string, partial: Partial<AuditEntry> & Pick<AuditEntry, 'action'>): AuditEntry {
  return { id, at: '2026-03-01T10:00:00.000Z', actor: ada, target: null, ip: '203.0.113.9', details: {}, ...partial };
}

const firstPage: AuditEntry[] = [
  entry('e1', { action: 'auth.signed_in', target: { type: 'user', id: 'u1', name: 'ada@example.com' } }),
  entry('e2', { action: 'flow.saved', target: { type: 'flow', id: 'f1', name: 'Orders to Slack' }, details: { version: 3 } }),
  entry('e3', { action: 'flow.imported', actor: script, target: { type: 'flow', id: 'f2', name: 'GitHub pushes' }, details: { version: 1, source: 'import' } }),
  entry('e4', {
    action: 'credential.updated',
    target: { type: 'credential', id: 'c1', name: 'Warehouse (new)' },
    details: { type: 'httpBearer', changed: ['name', 'data'], renamedFrom: 'Warehouse' },
  }),
  entry('e5', {
    action: 'auth.sign_in_failed',
    actor: { kind: 'anonymous', id: null, name: null },
    target: { type: 'user', id: null, name: 'mallory@example.com' },
    details: { reason: 'unknown_email' },
  }),
];
const secondPage: AuditEntry[] = [
  entry('e6', { action: 'execution.replayed', target: { type: 'flow', id: 'f1', name: 'Orders to Slack' }, details: { count: 3, version: 'current' } }),
  entry('e7', { action: 'user.created', actor: { kind: 'system', id: null, name: null }, target: { type: 'user', id: 'u1', name: 'ada@example.com' }, details: { via: 'OWNER_EMAIL' }, ip: null }),
];

function fakeServer(answer: (url: URL) => Response): string[] {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://editor.test');
      asked.push(`${url.pathname}${url.search}`);
      return answer(url);
    }),
  );
  return asked;
}

function renderPage(children: ReactNode = <AuditLogPage />, user?: AuthUser) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const session = user ? { user, signOut: async () => undefined } : null;
  return render(
    <QueryClientProvider client={client}>
      <AuthContext.Provider value={session}>{children}</AuthContext.Provider>
    </QueryClientProvider>,
  );
}

const owner: AuthUser = { id: 'u1', email: 'ada@example.com', name: 'Ada', role: 'owner', createdAt: '2026-01-01T00:00:00Z' };
const viewer: AuthUser = { ...owner, id: 'u2', email: 'vi@example.com', name: 'Vi', role: 'viewer' };

describe('AuditLogPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says who did what in plain words, and loads older entries with the cursor', async () => {
    const asked = fakeServer((url) =>
      url.searchParams.get('cursor') === 'page-2' ? Response.json({ items: secondPage, nextCursor: null }) : Response.json({ items: firstPage, nextCursor: 'page-2' }),
    );
    const user = userEvent.setup();
    renderPage(<AuditLogPage />, owner);

    const table = await screen.findByTestId('audit-table');
    const rows = () => within(table).getAllByTestId('audit-row').map((row) => [...row.querySelectorAll('td')].slice(1).map((cell) => cell.textContent));
    expect(rows()).toEqual([
      ['ada@example.com', 'Signed in', '203.0.113.9'],
      ['ada@example.com', 'Saved flow “Orders to Slack” (version 3)', '203.0.113.9'],
      ['API key “deploy script”', 'Imported flow “GitHub pushes” from a file', '203.0.113.9'],
      ['ada@example.com', 'Renamed credential “Warehouse” to “Warehouse (new)” and replaced its secret', '203.0.113.9'],
      ['Someone not signed in', 'Failed to sign in as mallory@example.com (no such account)', '203.0.113.9'],
    ]);
    expect(asked).toEqual(['/api/audit?limit=50']);

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByText('Replayed 3 failed runs of flow “Orders to Slack” on the current version');
    expect(rows().slice(5)).toEqual([
      ['ada@example.com', 'Replayed 3 failed runs of flow “Orders to Slack” on the current version', '203.0.113.9'],
      ['Hookflow itself', 'Created the owner account ada@example.com from OWNER_EMAIL at start-up', '—'],
    ]);
    expect(asked).toEqual(['/api/audit?limit=50', '/api/audit?limit=50&cursor=page-2']);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('says so when nothing is recorded yet', async () => {
    fakeServer(() => Response.json({ items: [], nextCursor: null }));
    renderPage();
    expect(await screen.findByText('Nothing recorded yet')).toBeTruthy();
    expect(screen.queryByTestId('audit-table')).toBeNull();
  });

  it('shows the server’s reason when the log cannot be read', async () => {
    fakeServer(() => Response.json({ error: 'forbidden', message: 'Your role (editor) may not do this; it needs owner.' }, { status: 403 }));
    renderPage();
    expect((await screen.findByRole('alert')).textContent).toContain('Could not load the audit log: Your role (editor) may not do this; it needs owner.');
  });

  it('tells other roles it is the owner’s, without asking the server', async () => {
    const asked = fakeServer(() => Response.json({ items: [], nextCursor: null }));
    renderPage(<AuditLogPage />, viewer);
    expect(await screen.findByText('Only the owner can see the audit log')).toBeTruthy();
    expect(asked).toEqual([]);
  });

  it('is linked from the header for the owner only', () => {
    const { unmount } = renderPage(<UserMenu />, owner);
    expect(screen.getByRole('link', { name: 'Audit log' }).getAttribute('href')).toBe('/settings/audit');
    unmount();
    renderPage(<UserMenu />, viewer);
    expect(screen.queryByRole('link', { name: 'Audit log' })).toBeNull();
  });
});
