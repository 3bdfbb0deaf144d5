import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { WithSample } from '../../test-support/render-helpers';
import { TemplateInput } from './TemplateInput';

function Harness({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <WithSample>
      <TemplateInput ariaLabel="Message" value={value} onChange={setValue} />
    </WithSample>
  );
}

describe('TemplateInput', () => {
  it('suggests variables from the sample inside {{ and inserts the chosen one', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'Message' });
    await user.type(input, 'Total: {{{{trigger.body.order.to');
    const option = screen.getByRole('option', { name: /trigger\.body\.order\.total/ });
    expect(option).toBeTruthy();
    await user.keyboard('{Enter}');
    expect(input).toHaveProperty('value', 'Total: {{trigger.body.order.total}}');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('lists the children of what is typed, nearest first', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(screen.getByRole('combobox', { name: 'Message' }), '{{{{trigger.body.order.');
    const options = screen.getAllByRole('option').map((option) => option.textContent);
    expect(options[0]).toContain('trigger.body.order.id');
    expect(options).toContainEqual(expect.stringContaining('trigger.body.order.customer.email'));
  });

  it('inserts with a click too', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'Message' });
    await user.type(input, '{{{{trigger.body.order.cu');
    fireEvent.mouseDown(screen.getByText('trigger.body.order.customer', { selector: '.suggestion-value' }));
    expect(input).toHaveProperty('value', '{{trigger.body.order.customer}}');
  });

  it('previews the value rendered against the sample', () => {
    render(<Harness initial="Order {{trigger.body.order.id}}: {{lowercase trigger.body.order.customer.email}}" />);
    expect(screen.getByTestId('template-preview').textContent).toContain('Order A-1: ada@example.com');
  });

  it('keeps the type of a single path in the preview', () => {
    render(<Harness initial="{{trigger.body.order}}" />);
    expect(screen.getByTestId('template-preview').textContent).toContain('{"id":"A-1","total":120.5');
  });

  it('shows the template error instead of a preview', () => {
    render(<Harness initial="{{#if trigger.body.order}}big" />);
    expect(screen.getByTestId('template-error').textContent).toMatch(/^Template error: .*block is never closed/);
  });

  it('says when a helper does not exist', () => {
    render(<Harness initial="{{shout trigger.body.order.id}}" />);
    expect(screen.getByTestId('template-error').textContent).toContain('unknown helper "shout"');
  });
});
