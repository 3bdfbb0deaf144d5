// A template that does not compile is told once, at its field: the live preview under the input
// does not repeat what the form's validation already says there.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { schemaOf, WithSample } from '../../test-support/render-helpers';
import { SchemaForm } from './SchemaForm';

describe('a template that does not compile, in a node form', () => {
  it('shows the problem at the field once, without a second "Template error" under the input', () => {
    const issues = [{ path: 'url', param: 'url', nodeId: 'http', message: 'Node "http" (http): URL: template does not compile: Parse error on line 1, column 8: a block is never closed' }];
    render(
      <WithSample>
        <SchemaForm schema={schemaOf('http')} params={{ method: 'POST', url: '{{#if}}' }} issues={issues} onChange={() => undefined} />
      </WithSample>,
    );
    expect(screen.queryByTestId('template-error')).toBeNull();
    expect(screen.getAllByText(/block is never closed/)).toHaveLength(1);
  });

  it('still previews what a compiling template renders to', () => {
    render(
      <WithSample>
        <SchemaForm schema={schemaOf('http')} params={{ method: 'POST', url: 'https://x.test/{{trigger.body.order.id}}' }} onChange={() => undefined} />
      </WithSample>,
    );
    expect(screen.getByTestId('template-preview').textContent).toContain('https://x.test/A-1');
  });
});
