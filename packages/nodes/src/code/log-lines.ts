// The console lines a run keeps: bounded in count and length, so a chatty loop costs the step a
// few hundred kilobytes at most.
import { MAX_LOG_LINE_CHARS } from './vm-sources';

export const MAX_LOG_LINES = 100;

export class LogLines {
  private readonly kept: string[] = [];
  private dropped = 0;

  add(level: string, text: string): void {
    if (this.kept.length >= MAX_LOG_LINES) {
      this.dropped++;
      return;
    }
    const line = text.length > MAX_LOG_LINE_CHARS ? `${text.slice(0, MAX_LOG_LINE_CHARS)}…` : text;
    this.kept.push(level === 'warn' || level === 'error' ? `[${level}] ${line}` : line);
  }

  lines(): string[] {
    if (this.dropped === 0) return [...this.kept];
    return [...this.kept, `… ${this.dropped} more line${this.dropped === 1 ? '' : 's'} not kept (the first ${MAX_LOG_LINES} are)`];
  }
}
