// A refused activation tells each reason once: the banner counts, the problems list under the
// canvas words it, the field that must change shows it; the node's panel only names that field.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app/App';
import { nodeTypesFixture } from '../test-support/node-types.fixture';
import { orderFlow } from '../test-support/render-helpers';

const flow = { ...orderFlow, id: 'flow-1', active: false, version: 1, versionId: 'v1', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', triggers: [], testUrl: 'http://localhost:3000/hooks-test/flow-1' };
const reason = 'Value uses {{nodes.shape.total}}, but there is no node "shape" before this one';
const refusal = { errors: [{ path: 'nodes.2.params.conditions.0.left', nodeId: 'big', param: 'conditions', message: `Node "big" (filter): Conditions › 1 › ${reason}` }] };

function stubServer() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const key = `${init?.method ?? 'GET'} ${String(input).split('?')[0]}`;
      const routes: Record<string, () => { status?: number; body: unknown }> = {
        'GET /api/node-types': () => ({ body: nodeTypesFixture }),
        'GET /api/flows/flow-1': () => ({ body: flow }),
        'GET /api/events': () => ({ body: { items: [], nextCursor: null } }),
        'PUT /api/flows/flow-1': () => ({ body: flow }),
        'POST /api/flows/flow-1/activate': () => ({ status: 400, body: refusal }),
      };
      const answer = routes[key]?.() ?? { status: 404, body: { error: 'not_found', message: key } };
      return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200, headers: { 'content-type': 'application/json' } });
    }),
  );
}

const occurrences = (text: string) => document.body.textContent?.split(text).length ?? 1;

describe('a refused activation', () => {
  beforeEach(() => window.history.pushState(null, '', '/flows/flow-1'));
  afterEach(() => vi.unstubAllGlobals());

  it('shows each reason once', async () => {
    stubServer();
    render(<App />);
    await waitFor(() => expect(document.querySelector('.react-flow__node[data-id="big"]')).not.toBeNull());
    fireEvent.click(screen.getByTestId('canvas-node-big'));
    await userEvent.setup().click(screen.getByRole('switch', { name: /Active|Inactive/ }));

    const banner = await screen.findByTestId('command-error');
    await waitFor(() => expect(banner.textContent).toContain('Could not activate the flow: one problem needs fixing first'));
    expect(banner.textContent).not.toContain(reason);
    // Listed once, under the canvas (opened by itself), and shown once at its field.
    const list = within(screen.getByTestId('problems-bar')).getAllByRole('listitem');
    expect(list.map((item) => item.textContent)).toEqual([refusal.errors[0].message]);
    expect(occurrences(reason) - 1).toBe(2);
    const panelProblems = within(screen.getByTestId('config-panel')).getByTestId('node-problems');
    expect(panelProblems.textContent).toBe('A setting needs fixing: Conditions › 1 › Value (marked below).');
  });
});
