// A long flow name is never cut without a word: the input says its limit and what a paste lost.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { FlowNameInput } from './FlowNameInput';

function Harness({ initial = '' }: { initial?: string }) {
  const [name, setName] = useState(initial);
  return <FlowNameInput name={name} onRename={setName} />;
}

describe('FlowNameInput', () => {
  it('says the limit and that a 319-character paste was cut to 200', async () => {
    render(<Harness />);
    const input = screen.getByLabelText('Flow name');
    expect(input.getAttribute('maxLength')).toBe('200');
    const user = userEvent.setup();
    await user.click(input);
    await user.paste('x'.repeat(319));
    expect((input as HTMLInputElement).value).toHaveLength(200);
    expect(screen.getByTestId('flow-name-limit').textContent).toBe('Names have at most 200 characters: the pasted name (319) was cut to 200.');
    expect(screen.getByTestId('flow-name-limit').className).not.toContain('visually-hidden');
  });

  it('counts characters near the limit and keeps quiet far from it', async () => {
    render(<Harness initial={'n'.repeat(160)} />);
    expect(screen.getByTestId('flow-name-limit').textContent).toBe('160/200');
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Flow name'));
    await user.type(screen.getByLabelText('Flow name'), 'Orders');
    expect(screen.getByTestId('flow-name-limit').className).toContain('visually-hidden');
  });
});
