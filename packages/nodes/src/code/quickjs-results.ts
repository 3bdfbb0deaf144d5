// Turns what the VM reported (a refusal of the returned value, a stack trace) into the sandbox's
// result: a sentence a non-developer can act on, and the line in their code.
import type { CodeRunError } from '@hookflow/engine';
import { USER_FILE, USER_LINE_OFFSET } from './vm-sources';

const USER_FRAME = new RegExp(`${USER_FILE.replace('.', '\\.')}:(\\d+)`);

/** The refusals the VM helper answers instead of JSON: see VM_HELPERS_SOURCE. */
export function describeRefusal(refusal: { kind: string; detail: string; key?: string; maxOutputBytes: number }): CodeRunError {
  const { kind, detail, key } = refusal;
  if (kind === 'too_large') {
    const size = Number(detail);
    return { kind: 'output_too_large', message: `Your code returned ${formatSize(size)} of data; a step may output at most ${formatSize(refusal.maxOutputBytes)}` };
  }
  if (kind === 'undefined') return { kind: 'not_json', message: 'Your code did not return a value: end it with return, e.g. return { total: 1 };' };
  if (kind === 'promise') return { kind: 'not_json', message: 'Your code returned a Promise that never resolved: there are no timers or network here, return the value itself' };
  if (kind === 'not_json_error') return { kind: 'not_json', message: `Your code returned a value that cannot be turned into JSON: ${detail}` };
  const where = key ? ` at "${key}"` : '';
  return { kind: 'not_json', message: `Your code returned a ${detail || 'value'}${where}, which cannot be turned into JSON` };
}

/** The first stack line in the user's code, as a line of their code (not of the wrapper). */
export function userLine(stack: string, code: string): number | undefined {
  const match = USER_FRAME.exec(stack);
  if (!match) return undefined;
  const line = Number(match[1]) - USER_LINE_OFFSET;
  // "Unexpected end of input" points at the wrapper's closing line: that is the code's last line.
  const lastLine = code.split('\n').length;
  return Math.max(1, Math.min(line, lastLine));
}

export function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number(mb.toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
