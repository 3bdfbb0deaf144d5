import { describe, expect, it } from 'vitest';
import type { CodeRunRequest, CodeRunResult } from '@hookflow/engine';
import { runInQuickJs } from './quickjs-sandbox';

/** ECMAScript's own globals, plus the console the sandbox installs: anything else would be a host object. */
const STANDARD_GLOBALS = [
  ...['Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'BigInt', 'Math', 'JSON', 'Reflect', 'Proxy', 'Date', 'RegExp', 'Promise', 'Iterator'],
  ...['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'InternalError', 'AggregateError'],
  ...['parseInt', 'parseFloat', 'isNaN', 'isFinite', 'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'unescape', 'eval'],
  ...['Infinity', 'NaN', 'undefined', 'globalThis', 'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry'],
  ...['ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Uint8ClampedArray', 'Int8Array', 'Uint8Array', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array'],
  ...['BigInt64Array', 'BigUint64Array', 'Float16Array', 'Float32Array', 'Float64Array', 'console'],
];

const input = { trigger: { body: { order: { total: 10, items: ['a', 'b'] } } }, nodes: { shape: { customer: 'Ada' } }, flow: { id: 'flow_1', name: 'Orders' } };

function run(code: string, limits: Partial<Omit<CodeRunRequest, 'code' | 'input'>> = {}): Promise<CodeRunResult> {
  return runInQuickJs({ code, input, timeoutMs: 1_000, memoryBytes: 32 * 1024 * 1024, maxOutputBytes: 1024 * 1024, ...limits });
}

async function output(code: string): Promise<unknown> {
  const result = await run(code);
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.output;
}

async function failure(code: string, limits: Partial<Omit<CodeRunRequest, 'code' | 'input'>> = {}) {
  const result = await run(code, limits);
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.output)}`);
  return result.error;
}

describe('runInQuickJs', () => {
  it('computes data from trigger, nodes and flow', async () => {
    expect(await output('return { total: trigger.body.order.total * 1.2, who: nodes.shape.customer, flow: flow.name, n: trigger.body.order.items.length };')).toEqual({
      total: 12,
      who: 'Ada',
      flow: 'Orders',
      n: 2,
    });
  });

  it('captures console lines, bounded in count and length', async () => {
    const result = await run('console.log("total", trigger.body.order.total, { a: 1 }); console.warn("careful"); console.error(new Error("x").message); return 1;');
    expect(result).toEqual({ ok: true, output: 1, logs: ['total 10 {"a":1}', '[warn] careful', '[error] x'] });

    const chatty = await run('for (let i = 0; i < 150; i++) console.log(i); console.log("y".repeat(5000)); return 1;');
    expect(chatty.logs).toHaveLength(101);
    expect(chatty.logs[99]).toBe('99');
    expect(chatty.logs[100]).toBe('… 51 more lines not kept (the first 100 are)');
    const long = await run('console.log("y".repeat(5000)); return 1;');
    expect(long.logs[0]).toHaveLength(2_001);
  });

  it('reports a syntax error with its line in the user code', async () => {
    expect(await failure('const a = 1;\nconst b = ;\nreturn a;')).toMatchObject({ kind: 'syntax', name: 'SyntaxError', line: 2 });
  });

  it('reports a thrown error with its line, and keeps the lines logged before it', async () => {
    const result = await run('console.log("before");\nconst order = trigger.body.missing;\nreturn order.total;');
    expect(result).toMatchObject({ ok: false, error: { kind: 'thrown', name: 'TypeError', line: 3 }, logs: ['before'] });
    expect(await failure('throw new Error("no customer");')).toMatchObject({ kind: 'thrown', name: 'Error', message: 'no customer', line: 1 });
    expect(await failure('throw "plain text";')).toMatchObject({ kind: 'thrown', message: 'plain text' });
  });

  it('settles a returned Promise, since no timer or I/O can keep one pending', async () => {
    expect(await output('return Promise.resolve({ a: 1 }).then((v) => ({ ...v, b: 2 }));')).toEqual({ a: 1, b: 2 });
    expect(await failure('return new Promise(() => {});')).toMatchObject({ kind: 'not_json' });
    expect(await failure('return Promise.reject(new RangeError("no"));')).toMatchObject({ kind: 'thrown', name: 'RangeError', message: 'no' });
  });

  it('refuses values that are not JSON', async () => {
    expect(await failure('const x = 1;')).toMatchObject({ kind: 'not_json', message: expect.stringContaining('did not return a value') });
    expect(await failure('return () => 1;')).toMatchObject({ kind: 'not_json', message: expect.stringContaining('a function') });
    expect(await failure('return { total: 1, format() {} };')).toMatchObject({ kind: 'not_json', message: expect.stringContaining('"format"') });
    expect(await failure('return Symbol("s");')).toMatchObject({ kind: 'not_json' });
    expect(await failure('return 10n;')).toMatchObject({ kind: 'not_json', message: expect.stringContaining('BigInt') });
    expect(await failure('const a = {}; a.self = a; return a;')).toMatchObject({ kind: 'not_json', message: expect.stringContaining('circular') });
  });

  describe('escape attempts', () => {
    it('finds no process, require, fetch, timers or WebAssembly through constructor chains', async () => {
      const probe = '(name) => Function("return typeof " + name)()';
      expect(
        await output(`const probe = ${probe};
          return {
            chain: this.constructor.constructor('return typeof process')(),
            fromObject: ({}).constructor.constructor('return typeof require')(),
            names: ['process', 'require', 'module', 'fetch', 'setTimeout', 'setInterval', 'XMLHttpRequest', 'WebAssembly', 'Buffer', 'std', 'os'].map(probe),
            globals: Object.getOwnPropertyNames(Function('return globalThis')()),
          };`),
      ).toEqual({ chain: 'undefined', fromObject: 'undefined', names: Array(11).fill('undefined'), globals: expect.any(Array) });
      const { globals } = (await output('return { globals: Object.getOwnPropertyNames(globalThis) };')) as { globals: string[] };
      expect(globals.filter((name) => !STANDARD_GLOBALS.includes(name))).toEqual([]);
    });

    it('keeps prototype pollution inside the VM, and out of the next run', async () => {
      expect(await output('Object.prototype.polluted = "yes"; Array.prototype.push = null; JSON.stringify = () => "{}"; return { ok: ({}).polluted };')).toEqual({ ok: 'yes' });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
      expect(await output('return { polluted: ({}).polluted === undefined, push: typeof [].push };')).toEqual({ polluted: true, push: 'function' });
    });

    it('cannot import modules', async () => {
      expect(await failure('return import("fs");')).toMatchObject({ kind: 'thrown', message: expect.stringContaining("could not load module 'fs'") });
      expect(await failure('import fs from "fs"; return 1;')).toMatchObject({ kind: 'syntax' });
      expect(await failure('return require("fs");')).toMatchObject({ kind: 'thrown', name: 'ReferenceError' });
    });
  });

  describe('limits', () => {
    it('stops an infinite loop at the time limit', async () => {
      const started = performance.now();
      expect(await failure('while (true) {}', { timeoutMs: 200 })).toMatchObject({ kind: 'timeout' });
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(await failure('try { while (true) {} } catch (e) { return "caught"; }', { timeoutMs: 100 })).toMatchObject({ kind: 'timeout' });
    });

    it('stops a memory bomb at the memory limit, strings and objects alike', async () => {
      expect(await failure("const a = []; while (true) a.push('x'.repeat(1e6));", { memoryBytes: 16 * 1024 * 1024 })).toMatchObject({ kind: 'memory' });
      expect(await failure('const a = []; while (true) a.push({ n: [1, 2, 3] });', { memoryBytes: 16 * 1024 * 1024 })).toMatchObject({ kind: 'memory' });
      expect(await failure('const a = []; while (true) a.push(new Uint8Array(1e6));', { memoryBytes: 16 * 1024 * 1024 })).toMatchObject({ kind: 'memory' });
    });

    it('refuses a huge output without copying it out', async () => {
      const fiftyMb = 'const chunk = "x".repeat(1024 * 1024); return Array.from({ length: 50 }, () => chunk);';
      expect(await failure(fiftyMb, { memoryBytes: 128 * 1024 * 1024 })).toMatchObject({ kind: 'output_too_large', message: expect.stringContaining('50 MB') });
      // Building a 50 MB string and its JSON copy does not fit in 64 MB: the memory limit stops it first.
      expect(await failure("return 'x'.repeat(50 * 1024 * 1024);", { memoryBytes: 64 * 1024 * 1024 })).toMatchObject({ kind: 'memory' });
      // Counted in UTF-8 bytes: 400,000 characters of 3 bytes each are over 1 MB.
      expect(await failure("return '€'.repeat(400000);")).toMatchObject({ kind: 'output_too_large' });
    });

    it('turns deep recursion into a stack overflow error', async () => {
      expect(await failure('function down(n) { return down(n + 1) + 1; }\nreturn down(0);')).toMatchObject({ kind: 'thrown', message: 'stack overflow' });
    });
  });

  it('gives every run its whole memory limit, after clean runs and after a memory bomb alike', async () => {
    const fill = "const base = 'z'.repeat(1e6); const a = []; for (let i = 0; i < 10; i++) a.push(base + i); return a.length;";
    const limits = { memoryBytes: 16 * 1024 * 1024 };
    for (let i = 0; i < 50; i++) expect(await run(fill, limits)).toMatchObject({ ok: true, output: 10 });
    expect(await failure("const a = []; while (true) a.push('x'.repeat(1e6));", limits)).toMatchObject({ kind: 'memory' });
    expect(await run(fill, limits)).toMatchObject({ ok: true, output: 10 });
    expect(await failure('while (true) {}', { ...limits, timeoutMs: 50 })).toMatchObject({ kind: 'timeout' });
    expect(await run(fill, limits)).toMatchObject({ ok: true, output: 10 });
  });

  it('frees what each run used: 200 runs do not grow the process', async () => {
    const code = "const base = 'y'.repeat(1e6); const a = []; for (let i = 0; i < 20; i++) a.push(base + i); return a.length;";
    for (let i = 0; i < 20; i++) await run(code);
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 200; i++) expect(await run(code)).toMatchObject({ ok: true, output: 20 });
    // 200 runs of 20 MB each would be 4 GB if kept; what is left is allocator and GC noise (measured: none).
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });
});
