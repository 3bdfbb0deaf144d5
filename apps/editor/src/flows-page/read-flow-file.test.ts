// A refused import says what is wrong with the file, not just "not a JSON file".
import { describe, expect, it } from 'vitest';
import { readFlowFile } from './read-flow-file';

const fileOf = (text: string, name = 'orders.json') => new File([text], name, { type: 'application/json' });
const problemOf = async (text: string) => readFlowFile(fileOf(text)).then(() => 'read', (error: unknown) => (error instanceof Error ? error.message : String(error)));

describe('readFlowFile', () => {
  it('locates a JSON syntax error by line and column', async () => {
    const message = await problemOf('{\n  "name": "Orders",\n  "nodes": [}\n}');
    expect(message).toBe('orders.json is not valid JSON: unexpected "}" where a value was expected (text needs "double quotes") at line 3, column 13.');
    expect(message).not.toMatch(/not a JSON file/);
  });

  it('says when the file ends too early or is empty', async () => {
    expect(await problemOf('{"name": "Orders", "nodes": [')).toBe('orders.json is not valid JSON: the file ends where a value was expected at line 1, column 30.');
    expect(await problemOf('  ')).toBe('orders.json is empty: a flow file holds one JSON object with "name", "nodes" and "edges".');
  });

  it('names what a valid JSON file lacks to be a flow', async () => {
    expect(await problemOf('{"name": "Orders"}')).toBe('orders.json is valid JSON but not a flow: it has no "nodes" field (a flow has "name", "nodes" and "edges").');
    expect(await problemOf('[1, 2]')).toMatch(/valid JSON but not a flow: it holds a list/);
    expect(await problemOf('{"name": "Orders", "nodes": "none"}')).toMatch(/not a valid Hookflow flow: .*"nodes" must be a list/);
  });

  it('reads a flow', async () => {
    expect(await readFlowFile(fileOf('{"name": "Orders", "nodes": [], "edges": []}'))).toMatchObject({ name: 'Orders' });
  });
});
