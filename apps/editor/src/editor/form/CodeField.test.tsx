// A param holding JavaScript (the code node's code) is edited in a plain code box, not a template field.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { toJsonSchema } from '../../catalog/json-schema';
import { SchemaFormHarness } from '../../test-support/render-helpers';

const codeSchema = toJsonSchema({
  type: 'object',
  properties: {
    code: { type: 'string', title: 'Code', description: 'The body of a JavaScript function.', contentMediaType: 'text/javascript' },
    timeoutMs: { type: 'integer', title: 'Time limit (ms)', description: 'Stopped after this long.', default: 1000 },
  },
  required: ['code'],
});

describe('code field', () => {
  it('edits JavaScript in a multi-line code box with no template suggestions', async () => {
    const onParams = vi.fn<(params: Record<string, unknown>) => void>();
    render(<SchemaFormHarness schema={codeSchema} initial={{ code: 'return 1;' }} onParams={onParams} />);
    const box = screen.getByLabelText(/^Code/);
    expect(box.tagName).toBe('TEXTAREA');
    expect(box.getAttribute('spellcheck')).toBe('false');
    expect(box.getAttribute('role')).toBeNull();
    const user = userEvent.setup();
    await user.clear(box);
    // user-event writes a literal { as {{.
    await user.type(box, 'const a = {{ b: 1 };{Enter}return a;');
    expect(onParams.mock.lastCall?.[0]).toEqual({ code: 'const a = { b: 1 };\nreturn a;' });
    expect(screen.queryByRole('listbox')).toBeNull();
  });
});
