import { describe, expect, it } from 'vitest';
import { schemaOf } from '../test-support/render-helpers';
import { checkParams } from './check-params';

describe('checkParams', () => {
  it('accepts the built-in examples', () => {
    expect(checkParams(schemaOf('http'), { method: 'POST', url: 'https://x.test/{{trigger.body.id}}', body: { id: '{{trigger.body.id}}' }, timeoutMs: 1000 })).toEqual([]);
    expect(checkParams(schemaOf('filter'), { conditions: [{ left: '{{trigger.body.total}}', op: 'gt', right: 100 }] })).toEqual([]);
    expect(checkParams(schemaOf('slack'), { text: 'Hi {{trigger.body.name}}' })).toEqual([]);
  });

  it('names missing and wrong params by path', () => {
    const issues = checkParams(schemaOf('http'), { method: 'FETCH', timeoutMs: 5 });
    expect(issues.map((issue) => issue.path).sort()).toEqual(['method', 'timeoutMs', 'url']);
    expect(checkParams(schemaOf('filter'), { conditions: [{ left: 'a', op: 'near' }] }).map((issue) => issue.path)).toEqual(['conditions.0.op']);
    expect(checkParams(schemaOf('filter'), { conditions: [] })[0]?.message).toBe('needs at least 1 item');
  });

  it('lets a template stand where a number is expected', () => {
    expect(checkParams(schemaOf('http'), { url: 'https://x.test', timeoutMs: '{{trigger.body.timeout}}' })).toEqual([]);
  });
});
