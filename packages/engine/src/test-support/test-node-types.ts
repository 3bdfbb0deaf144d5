// Tiny node types for engine tests. The real ones live in packages/nodes; these only exercise
// the engine's contract (handles, params, errors, attempts).
import { z } from 'zod';
import { NodeRegistry } from '../node-registry';
import { NodeConfigError, NodeRuntimeError } from '../node-errors';
import type { NodeType } from '../node-type';

export const testTrigger: NodeType<Record<string, never>> = {
  type: 'test-trigger',
  version: 1,
  label: 'Test trigger',
  description: 'Emits the trigger output.',
  category: 'Triggers',
  icon: 'webhook',
  trigger: true,
  params: z.object({}),
  handles: { inputs: [], outputs: ['out'] },
  async run(ctx) {
    return { output: ctx.trigger };
  },
};

const passSchema = z.object({ pass: z.boolean() });

/** Continues on "true" or "false" depending on its `pass` param. */
export const testFilter: NodeType<z.output<typeof passSchema>> = {
  type: 'test-filter',
  version: 1,
  label: 'Test filter',
  description: 'Routes on a boolean.',
  category: 'Flow',
  icon: 'filter',
  params: passSchema,
  handles: { inputs: ['in'], outputs: ['true', 'false'] },
  async run(_ctx, params) {
    return { output: { passed: params.pass }, handle: params.pass ? 'true' : 'false' };
  },
};

const setSchema = z.object({ value: z.unknown().optional(), count: z.number().int().min(0).default(0) });

/** Outputs its rendered params as they are. */
export const testSet: NodeType<z.output<typeof setSchema>> = {
  type: 'test-set',
  version: 1,
  label: 'Test set',
  description: 'Outputs its params.',
  category: 'Data',
  icon: 'pencil',
  params: setSchema,
  handles: { inputs: ['in'], outputs: ['out'] },
  async run(_ctx, params) {
    return { output: params };
  },
};

const failSchema = z.object({
  kind: z.enum(['config', 'runtime', 'bug']),
  attempts: z.number().int().min(1).default(1),
  message: z.string().default('it failed'),
});

/** Throws the kind of error its params ask for. */
export const testFail: NodeType<z.output<typeof failSchema>> = {
  type: 'test-fail',
  version: 1,
  label: 'Test fail',
  description: 'Always throws.',
  category: 'Actions',
  icon: 'alert',
  params: failSchema,
  handles: { inputs: ['in'], outputs: ['out'] },
  async run(_ctx, params) {
    if (params.kind === 'config') throw new NodeConfigError(params.message, { param: 'message' });
    if (params.kind === 'runtime') {
      throw new NodeRuntimeError(params.message, { retryable: true, attempts: params.attempts, details: { status: 503 } });
    }
    throw new TypeError(params.message);
  },
};

const waitSchema = z.object({ ms: z.number().int().min(0) });

/** Waits, honouring the context's signal. */
export const testWait: NodeType<z.output<typeof waitSchema>> = {
  type: 'test-wait',
  version: 1,
  label: 'Test wait',
  description: 'Waits for ms milliseconds.',
  category: 'Flow',
  icon: 'clock',
  params: waitSchema,
  handles: { inputs: ['in'], outputs: ['out'] },
  run(ctx, params) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve({ output: { waited: params.ms } }), params.ms);
      ctx.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new NodeRuntimeError('wait aborted'));
      });
    });
  },
};

export function testRegistry(): NodeRegistry {
  return new NodeRegistry().register(testTrigger).register(testFilter).register(testSet).register(testFail).register(testWait);
}
