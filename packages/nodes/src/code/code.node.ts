// Runs a JavaScript function body the user wrote, with trigger, nodes and flow as arguments, and
// outputs what it returns. The code is never rendered as a template; it runs in the host's sandbox
// (the server's worker threads) or, with none, in QuickJS in this thread.
import { z } from 'zod';
import { NodeConfigError, NodeRuntimeError, type CodeRunError, type CodeSandbox, type NodeType } from '@hookflow/engine';
import { codeLimits, type CodeLimits } from './code-limits';
import { runInQuickJs } from './quickjs-sandbox';
import { formatSize } from './quickjs-results';

export const CODE_EXAMPLE = 'return { total: trigger.body.order.total * 1.2 };';
/** Largest output a code step may have; about the default webhook body limit, so outputs stay storable. */
export const CODE_MAX_OUTPUT_BYTES = 1024 * 1024;
const MAX_CODE_CHARS = 100_000;

export const codeParams = z
  .object({
    code: z
      .string()
      .min(1)
      .max(MAX_CODE_CHARS)
      // contentMediaType tells the editor to show a code box, and default fills a new node with an example.
      .meta({
        title: 'Code',
        description:
          'The body of a JavaScript function that receives trigger, nodes and flow; what it returns (JSON data) is the output. console.log lines are kept with the step. No network, files or timers.',
        contentMediaType: 'text/javascript',
        default: CODE_EXAMPLE,
        examples: [CODE_EXAMPLE],
      }),
    timeoutMs: z
      .number()
      .int()
      .min(10)
      .max(600_000)
      .default(1_000)
      .meta({ title: 'Time limit (ms)', description: 'The code is stopped after this long. The server caps it (CODE_MAX_TIMEOUT_MS, 10000 by default).' }),
    memoryMb: z
      .number()
      .int()
      .min(1)
      .max(1_024)
      .default(32)
      .meta({ title: 'Memory limit (MB)', description: 'The code is stopped when its data grows past this. The server caps it (CODE_MAX_MEMORY_MB, 128 by default).' }),
  })
  .meta({ title: 'Code', description: 'Runs your JavaScript on the data and outputs what it returns.' });

export type CodeParams = z.output<typeof codeParams>;

const inThread: CodeSandbox = { run: runInQuickJs };

export const codeNode: NodeType<CodeParams> = {
  type: 'code',
  version: 1,
  label: 'Code',
  description: 'Runs a JavaScript function on the trigger and earlier outputs and outputs what it returns.',
  category: 'Data',
  icon: 'code',
  params: codeParams,
  handles: { inputs: ['main'], outputs: ['main'] },
  rawParams: ['code'],
  async run(ctx, params) {
    const limits = codeLimits(params, ctx.settings);
    const result = await (ctx.sandbox ?? inThread).run({
      code: params.code,
      input: { trigger: ctx.data.trigger, nodes: ctx.data.nodes, flow: ctx.data.flow },
      timeoutMs: limits.timeoutMs,
      memoryBytes: limits.memoryMb * 1024 * 1024,
      maxOutputBytes: CODE_MAX_OUTPUT_BYTES,
    });
    if (result.ok) return { output: result.output, logs: result.logs };
    const message = codeErrorMessage(result.error, limits);
    // A syntax error is the params' fault: the editor points at the code field, and no retry helps.
    if (result.error.kind === 'syntax') throw new NodeConfigError(message, { param: 'code' });
    const details: Record<string, unknown> = { kind: result.error.kind };
    if (result.error.line !== undefined) details.line = result.error.line;
    throw new NodeRuntimeError(message, { retryable: result.error.kind === 'crashed', details, logs: result.logs });
  },
};

/** The step's error message, for someone who may not write code every day. */
export function codeErrorMessage(error: CodeRunError, limits: CodeLimits): string {
  const onLine = error.line === undefined ? '' : ` on line ${error.line}`;
  switch (error.kind) {
    case 'timeout':
      return `Your code ran longer than ${limits.timeoutMs} ms and was stopped`;
    case 'memory':
      return `Your code used more than ${formatSize(limits.memoryMb * 1024 * 1024)} of memory and was stopped`;
    case 'syntax':
      return `${error.name ?? 'SyntaxError'}${onLine}: ${error.message}`;
    case 'thrown': {
      const what = error.name === undefined || error.name === 'Error' ? 'Error thrown' : error.name;
      return `${what}${onLine}: ${error.message || '(no message)'}`;
    }
    case 'crashed':
      return `The code sandbox failed (not your code): ${error.message}`;
    default:
      return error.message;
  }
}
