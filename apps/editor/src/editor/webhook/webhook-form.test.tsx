// The webhook node's form shows what its document holds and what the server applies: "Run each
// event once" reads "auto" on a new node because the server applies auto when the param is absent,
// and "off" is a choice that is written into the document.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SchemaFormHarness, schemaOf } from '../../test-support/render-helpers';

function renderWebhookForm(initial: Record<string, unknown>) {
  const onParams = vi.fn<(params: Record<string, unknown>) => void>();
  render(<SchemaFormHarness schema={schemaOf('webhook')} initial={initial} onParams={onParams} />);
  const last = () => onParams.mock.calls[onParams.mock.calls.length - 1]?.[0];
  return { last, user: userEvent.setup() };
}

describe('webhook form: run each event once', () => {
  it('shows auto for a new node, with the server default behind it, and writes off when chosen', async () => {
    const { user, last } = renderWebhookForm({ method: 'POST' });
    const group = screen.getByTestId('param-dedupe-section');
    // Folded away with the other advanced groups, but saying that the server's default applies.
    expect(group.querySelector('summary')?.textContent).toBe('Run each event once default');
    const preset = within(group).getByLabelText(/^Delivery id from/);
    expect(preset).toHaveProperty('tagName', 'SELECT');
    const chosen = within(preset).getByRole<HTMLOptionElement>('option', { selected: true });
    expect(chosen.textContent).toMatch(/^auto/);
    const labels = within(preset).getAllByRole('option').map((option) => option.textContent);
    // No blank choice that would silently fall back to the default: off is said out loud.
    expect(labels).not.toContain('(none)');
    expect(labels.some((label) => label?.startsWith('off'))).toBe(true);
    await user.selectOptions(preset, within(preset).getByRole('option', { name: /^off/ }));
    expect(last()).toEqual({ method: 'POST', dedupe: { preset: 'off' } });
  });
});

describe('webhook form: optional groups', () => {
  it('marks the rate limit fields required only once the rate limit is used', async () => {
    const { user, last } = renderWebhookForm({ method: 'POST' });
    const group = screen.getByTestId('param-rateLimit-section');
    expect(group.querySelectorAll('.required')).toHaveLength(0);
    await user.type(within(group).getByLabelText(/^Requests/), '10');
    expect(last()).toEqual({ method: 'POST', rateLimit: { requests: 10 } });
    expect(group.querySelectorAll('.required')).toHaveLength(2);
  });
});

describe('webhook form: advanced settings folded', () => {
  it('folds every optional group of a new webhook, and opens the ones the document uses', () => {
    render(<SchemaFormHarness schema={schemaOf('webhook')} initial={{ method: 'POST', auth: { type: 'hmac', preset: 'github', secret: 's' } }} onParams={() => undefined} />);
    const sections = ['auth', 'challenge', 'rateLimit', 'dedupe', 'dropOlderThan', 'ordering'].map((key) => screen.getByTestId(`param-${key}-section`));
    expect(sections.map((section) => section.hasAttribute('open'))).toEqual([true, false, false, false, false, false]);
    expect(sections[0].querySelector('summary')?.textContent).toMatch(/set$/);
    expect(sections[2].querySelector('summary')?.textContent).toMatch(/not used$/);
  });
});
