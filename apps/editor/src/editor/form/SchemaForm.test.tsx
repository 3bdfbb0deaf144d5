import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SchemaFormHarness, schemaOf } from '../../test-support/render-helpers';
import { SchemaForm } from './SchemaForm';

function renderForm(type: string, initial: Record<string, unknown> = {}) {
  const onParams = vi.fn<(params: Record<string, unknown>) => void>();
  render(<SchemaFormHarness schema={schemaOf(type)} initial={initial} onParams={onParams} />);
  const last = () => onParams.mock.calls[onParams.mock.calls.length - 1]?.[0];
  return { onParams, last, user: userEvent.setup() };
}

describe('SchemaForm', () => {
  it('labels fields with schema titles and shows their help text', () => {
    renderForm('http');
    const url = screen.getByLabelText(/^URL/);
    expect(url).toHaveProperty('tagName', 'INPUT');
    expect(screen.getByText('Full http:// or https:// address; may use {{templates}}.')).toBeTruthy();
    expect(url.getAttribute('aria-describedby')).toBe('param-url-help');
  });

  it('writes a text field back into params', async () => {
    const { user, last } = renderForm('http');
    await user.type(screen.getByLabelText(/^URL/), 'https://example.com/orders');
    expect(last()).toMatchObject({ url: 'https://example.com/orders' });
  });

  it('renders enums as selects and numbers as number inputs', async () => {
    const { user, last } = renderForm('http', { url: 'https://x.test' });
    await user.selectOptions(screen.getByLabelText(/^Method/), 'PUT');
    expect(last()).toMatchObject({ method: 'PUT' });
    const timeout = screen.getByLabelText(/^Timeout \(ms\)/);
    await user.type(timeout, '2500');
    expect(last()).toMatchObject({ timeoutMs: 2500 });
    await user.type(screen.getByLabelText(/^Attempts/), '2');
    expect(last()).toMatchObject({ retry: { attempts: 2 } });
  });

  it('edits a map (transform fields) as name/value rows', async () => {
    const { user, last } = renderForm('transform', { fields: { orderId: '{{trigger.body.id}}' } });
    expect(screen.getByDisplayValue('orderId')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add field' }));
    await user.type(screen.getByLabelText('Fields: name 2'), 'total');
    await user.type(screen.getByLabelText('Fields: value 2'), '42');
    expect(last()).toEqual({ fields: { orderId: '{{trigger.body.id}}', total: '42' } });
    await user.click(screen.getByRole('button', { name: 'Remove field orderId' }));
    expect(last()).toEqual({ fields: { total: '42' } });
  });

  it('edits filter conditions as rows of value, operator and comparison', async () => {
    const { user, last } = renderForm('filter', { conditions: [] });
    await user.click(screen.getByRole('button', { name: 'Add condition' }));
    const row = screen.getByRole('group', { name: 'Condition 1' });
    await user.type(within(row).getByLabelText(/^Value/), 'paid');
    await user.selectOptions(within(row).getByLabelText(/^Operator/), 'contains');
    await user.type(within(row).getByLabelText(/^Compare with/), 'ai');
    expect(last()).toEqual({ conditions: [{ left: 'paid', op: 'contains', right: 'ai', ignoreCase: false }] });
  });

  it('switches a oneOf/anyOf param (http body) between text and fields', async () => {
    const { user, last } = renderForm('http', { url: 'https://x.test', body: 'hello' });
    const forms = screen.getByRole('radiogroup', { name: 'Body: form' });
    expect(within(forms).getByRole('radio', { name: 'Text' }).getAttribute('aria-checked')).toBe('true');
    await user.click(within(forms).getByRole('radio', { name: 'Fields' }));
    expect(last()).toMatchObject({ body: {} });
    await user.click(screen.getByRole('button', { name: 'Add field' }));
    await user.type(screen.getByLabelText('Fields: name 1'), 'note');
    expect(last()).toMatchObject({ body: { note: '' } });
  });

  it('shows problems next to the field they name', () => {
    render(<SchemaForm schema={schemaOf('http')} params={{}} onChange={() => undefined} issues={[{ path: 'url', message: 'Node "h" (Call): param "url": is required', nodeId: 'h', param: 'url' }]} />);
    expect(screen.getByRole('alert').textContent).toBe('is required');
  });
});
