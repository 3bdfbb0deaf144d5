import { describe, expect, it } from 'vitest';
import { mergeIssues, mergeMessages } from './issue-index';

describe('one problem reported by the editor and the server', () => {
  it('reads once even when the two word it differently', () => {
    const client = [{ path: 'nodes.1.params.fields', nodeId: 'shape', param: 'fields', message: 'Node "shape" (transform): Fields is required' }];
    const server = [
      { path: 'nodes.1.params.fields', nodeId: 'shape', param: 'fields', message: 'Node "shape" (transform): Fields is required (object)' },
      { path: 'nodes.1.params.url', nodeId: 'shape', param: 'url', message: 'Node "shape" (transform): URL is required' },
    ];
    expect(mergeIssues(client, server).map((issue) => issue.message)).toEqual(['Node "shape" (transform): Fields is required', 'Node "shape" (transform): URL is required']);
    expect(mergeMessages(client, server)).toHaveLength(2);
  });
});
