// JavaScript that runs inside the QuickJS VM, next to the user's code. It is the only code that
// handles the user's values: the host passes strings in (the input as JSON) and reads strings out
// (the output as JSON, log lines, an error's name and message), never host objects.

/** The file name the user's code is compiled under; stack lines naming it point into their code. */
export const USER_FILE = 'code.js';
export const SANDBOX_FILE = 'sandbox.js';

/** Longest log line kept; longer lines are cut with "…". */
export const MAX_LOG_LINE_CHARS = 2_000;

/**
 * The user's body as a function expression. The body starts on the wrapper's second line, so a
 * line in the compiled source is one more than the same line in the user's code.
 */
export function wrapUserCode(code: string): string {
  return `(function (trigger, nodes, flow) {\n${code}\n})`;
}
export const USER_LINE_OFFSET = 1;

/**
 * Evaluates to [run, serialize, describe]. Globals they need are taken before the user's code
 * runs, so code that replaces JSON or String cannot change how its result is read.
 *
 * run(emit, fn, inputJson) installs console (each line goes to the host's emit as one string) and
 * answers fn(trigger, nodes, flow) as it is (the host settles a Promise first).
 *
 * serialize(value, maxChars) answers the value as JSON text, or a refusal [kind, detail, key]:
 * ["undefined"], ["promise"] (one that never settled), ["not_json", what, key] (a function or
 * symbol), ["not_json_error", message] (a BigInt, a cycle), ["too_large", length].
 *
 * describe(thrown) answers [name, message, stack] of whatever the code threw, as strings.
 */
export const VM_HELPERS_SOURCE = `(function () {
  'use strict';
  const { parse, stringify } = JSON;
  const toText = String;
  const NativePromise = Promise;
  const NativeTypeError = TypeError;
  const MAX_LINE = ${MAX_LOG_LINE_CHARS};
  class Refusal { constructor(what, key) { this.what = what; this.key = key; } }
  const show = (value) => {
    if (typeof value === 'string') return value;
    try {
      const json = stringify(value);
      if (json !== undefined) return json;
    } catch (error) {}
    return toText(value);
  };
  const printer = (emit, level) => function () {
    let text = '';
    for (let i = 0; i < arguments.length && text.length <= MAX_LINE; i++) text += (i > 0 ? ' ' : '') + show(arguments[i]);
    emit(level, text.length > MAX_LINE ? text.slice(0, MAX_LINE + 1) : text);
  };
  const noJsonValues = (key, value) => {
    const type = typeof value;
    if (type === 'function' || type === 'symbol') throw new Refusal(type, key);
    return value;
  };
  const run = (emit, fn, inputJson) => {
    globalThis.console = { log: printer(emit, 'log'), info: printer(emit, 'info'), debug: printer(emit, 'debug'), warn: printer(emit, 'warn'), error: printer(emit, 'error') };
    const input = parse(inputJson);
    return fn.call(undefined, input.trigger, input.nodes, input.flow);
  };
  const serialize = (value, maxChars) => {
    if (value === undefined) return ['undefined'];
    if (value instanceof NativePromise) return ['promise'];
    let json;
    try {
      json = stringify(value, noJsonValues);
    } catch (error) {
      if (error instanceof Refusal) return ['not_json', error.what, error.key];
      if (error instanceof NativeTypeError) return ['not_json_error', toText(error.message)];
      throw error;
    }
    if (json === undefined) return ['not_json', typeof value, ''];
    if (json.length > maxChars) return ['too_large', json.length];
    return json;
  };
  const field = (value, key) => {
    try {
      const found = value[key];
      return typeof found === 'string' ? found.slice(0, MAX_LINE) : '';
    } catch (error) {
      return '';
    }
  };
  const describe = (thrown) => {
    if ((typeof thrown === 'object' && thrown !== null) || typeof thrown === 'function') {
      return [field(thrown, 'name'), field(thrown, 'message'), field(thrown, 'stack')];
    }
    try {
      return ['', toText(thrown).slice(0, MAX_LINE), ''];
    } catch (error) {
      return ['', '', ''];
    }
  };
  return [run, serialize, describe];
})()`;
