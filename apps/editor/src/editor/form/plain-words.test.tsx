// Words for people who do not read code: filter operators by what they do, params by their title.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeStore, SchemaFormHarness, schemaOf } from '../../test-support/render-helpers';

describe('plain words in the editor', () => {
  it('shows filter operators as words and still stores their values', async () => {
    const onParams = vi.fn<(params: Record<string, unknown>) => void>();
    render(<SchemaFormHarness schema={schemaOf('filter')} initial={{ match: 'all', conditions: [{ left: '{{trigger.body.total}}', op: 'gt', right: 100 }] }} onParams={onParams} />);
    const operator = screen.getByLabelText(/^Operator/);
    const labels = within(operator).getAllByRole('option').map((option) => option.textContent);
    expect(labels).toEqual(expect.arrayContaining(['equals', 'is greater than', 'does not contain']));
    expect(labels).not.toContain('gt');
    expect(within(operator).getByRole<HTMLOptionElement>('option', { selected: true }).textContent).toBe('is greater than');
    await userEvent.setup().selectOptions(operator, within(operator).getByRole('option', { name: 'does not contain' }));
    expect(onParams.mock.calls.at(-1)?.[0]).toMatchObject({ conditions: [{ op: 'notContains' }] });
  });

  it('names a missing param by its title: "Fields is required"', () => {
    const store = makeStore({ name: 'x', nodes: [{ id: 'hook', type: 'webhook', typeVersion: 1, position: { x: 0, y: 0 }, params: { method: 'POST' } }, { id: 'shape', type: 'transform', typeVersion: 1, position: { x: 1, y: 0 }, params: {} }], edges: [{ id: 'e', source: 'hook', target: 'shape', sourceHandle: null }] });
    const messages = (store.getState().issues.byNode.shape ?? []).map((issue) => issue.message);
    expect(messages).toContain('Node "shape" (transform): Fields is required');
    expect(messages.join(' ')).not.toMatch(/param "/);
  });
});
