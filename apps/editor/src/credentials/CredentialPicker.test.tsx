import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toJsonSchema } from '../catalog/json-schema';
import { SchemaFormHarness } from '../test-support/render-helpers';
import { CredentialsPage } from './CredentialsPage';

const times = { createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
const everyone = { usableBy: { mode: 'everyone' }, usable: true };
const stored = [
  { id: 'c-bearer', name: 'Warehouse token', type: 'httpBearer', ...times, ...everyone },
  { id: 'c-hmac', name: 'GitHub secret', type: 'hmac', ...times, ...everyone },
  { id: 'c-basic', name: 'Legacy API', type: 'httpBasic', ...times, ...everyone },
];

/** A fake /api/credentials that records what the editor sends. */
function fakeCredentialsApi() {
  const sent: Array<{ method: string; path: string; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const path = String(input);
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      sent.push({ method, path, body });
      if (method === 'GET') return Response.json(stored);
      if (method === 'POST') return Response.json({ ...stored[0], id: 'c-new', name: body.name, type: body.type }, { status: 201 });
      return Response.json({ ...stored[0], ...body });
    }),
  );
  return sent;
}

// As GET /api/node-types publishes them: the http node's auth, and a webhook secret reference.
const schema = toJsonSchema({
  type: 'object',
  properties: {
    auth: {
      type: 'object',
      title: 'Authentication',
      properties: {
        type: { type: 'string', enum: ['none', 'bearer', 'basic', 'header'], default: 'none', title: 'Type' },
        credentialId: { type: 'string', title: 'Credential', 'x-credential-types': ['httpBearer', 'httpBasic'] },
      },
    },
    secret: {
      title: 'Signing secret',
      writeOnly: true,
      anyOf: [
        { type: 'string', title: 'Inline value', writeOnly: true },
        { type: 'object', title: 'Saved credential', properties: { credentialId: { type: 'string', title: 'Credential id' } }, required: ['credentialId'] },
      ],
    },
  },
});

function Form({ initial, onParams }: { initial: Record<string, unknown>; onParams(params: Record<string, unknown>): void }) {
  return <SchemaFormHarness schema={schema} initial={initial} onParams={onParams} />;
}

function renderWithClient(ui: React.ReactElement) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}

afterEach(() => vi.unstubAllGlobals());

describe('credential picker in node forms', () => {
  it('offers the fitting saved credentials by name and writes the chosen id into params', async () => {
    fakeCredentialsApi();
    const onParams = vi.fn<(params: Record<string, unknown>) => void>();
    renderWithClient(<Form initial={{ auth: { type: 'bearer' } }} onParams={onParams} />);
    const picker = await screen.findByRole('combobox', { name: /^Credential$/ });
    await waitFor(() => expect(within(picker).getByRole('option', { name: 'Warehouse token (HTTP bearer token)' })).toBeTruthy());
    expect(within(picker).queryByRole('option', { name: /GitHub secret/ })).toBeNull();
    await userEvent.setup().selectOptions(picker, 'c-basic');
    expect(onParams).toHaveBeenLastCalledWith({ auth: { type: 'bearer', credentialId: 'c-basic' } });
  });

  it('lets a secret reference switch from a typed value to a saved credential', async () => {
    fakeCredentialsApi();
    const onParams = vi.fn<(params: Record<string, unknown>) => void>();
    const user = userEvent.setup();
    renderWithClient(<Form initial={{ secret: 'typed-secret' }} onParams={onParams} />);
    await user.click(screen.getByRole('radio', { name: 'Saved credential' }));
    const picker = await screen.findByRole('combobox', { name: /^Credential id/ });
    await waitFor(() => expect(within(picker).getByRole('option', { name: /GitHub secret/ })).toBeTruthy());
    await user.selectOptions(picker, 'c-hmac');
    expect(onParams).toHaveBeenLastCalledWith({ secret: { credentialId: 'c-hmac' } });
  });

  it('keeps showing an id that no stored credential has, and works without a query client around it', async () => {
    fakeCredentialsApi();
    render(<Form initial={{ auth: { type: 'bearer', credentialId: 'gone-1' } }} onParams={() => undefined} />);
    expect(await screen.findByRole('option', { name: 'Unknown credential (gone-1)' })).toBeTruthy();
  });
});

describe('credentials page', () => {
  it('lists credentials without data and creates one with the fields of its type', async () => {
    const sent = fakeCredentialsApi();
    const user = userEvent.setup();
    renderWithClient(<CredentialsPage />);
    const table = await screen.findByTestId('credentials-table');
    expect(within(table).getByText('Warehouse token')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'New credential' }));
    await user.type(screen.getByLabelText('Name'), 'Partner API');
    await user.selectOptions(screen.getByLabelText('Type'), 'httpBasic');
    await user.type(screen.getByLabelText('User'), 'ada');
    const password = screen.getByLabelText('Password');
    expect(password.getAttribute('type')).toBe('password');
    await user.type(password, 's3cret-pass');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() =>
      expect(sent.find((call) => call.method === 'POST')?.body).toEqual({ name: 'Partner API', type: 'httpBasic', data: { user: 'ada', password: 's3cret-pass' }, usableBy: { mode: 'everyone' } }),
    );
  });

  it('renames without sending data, so the stored secret stays', async () => {
    const sent = fakeCredentialsApi();
    const user = userEvent.setup();
    renderWithClient(<CredentialsPage />);
    await screen.findByTestId('credentials-table');
    await user.click(screen.getAllByRole('button', { name: 'Edit' })[0]!);
    expect((screen.getByLabelText('Token') as HTMLInputElement).value).toBe('');
    const name = screen.getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Warehouse (prod)');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent.find((call) => call.method === 'PUT')).toEqual({ method: 'PUT', path: '/api/credentials/c-bearer', body: { name: 'Warehouse (prod)', type: 'httpBearer' } }));
  });
});
