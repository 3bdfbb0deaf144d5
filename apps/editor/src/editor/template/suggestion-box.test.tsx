// The autocomplete list fits its longest path (up to 480 px) instead of the field's ~167 px, opens
// towards the side with room, and every option carries its full path on hover.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WithSample } from '../../test-support/render-helpers';
import { TemplateInput } from './TemplateInput';

function NarrowField() {
  const [value, setValue] = useState('');
  return (
    <WithSample>
      <TemplateInput ariaLabel="Value" value={value} onChange={setValue} />
    </WithSample>
  );
}

afterEach(() => vi.restoreAllMocks());

describe('template suggestions box', () => {
  it('is as wide as its content up to 480 px, beside a 167 px field near the right edge', async () => {
    vi.spyOn(window, 'innerWidth', 'get').mockReturnValue(1280);
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ left: 1000, right: 1167, width: 167, top: 280, bottom: 300, height: 20, x: 1000, y: 280, toJSON: () => ({}) });
    render(<NarrowField />);
    await userEvent.setup().type(screen.getByRole('combobox', { name: 'Value' }), '{{{{trigger.body.order.cus');
    const list = screen.getByRole('listbox');
    expect(list.style.position).toBe('fixed');
    expect(list.style.width).toBe('max-content');
    expect(list.style.minWidth).toBe('167px');
    expect(list.style.maxWidth).toContain('480px');
    // No room on the right: it grows leftwards from the field's right edge.
    expect(list.style.right).toBe('113px');
    const option = screen.getByRole('option', { name: /trigger\.body\.order\.customer\.email/ });
    expect(option.getAttribute('title')).toBe('trigger.body.order.customer.email');
  });
});
