// Where a JSON text breaks, as line and column with a short reason. Engines word JSON.parse errors
// differently and some give no position at all, so the first error is found here by a small scan.

export interface JsonSyntaxError {
  line: number;
  column: number;
  problem: string;
}

const MAX_DEPTH = 500;

/** The first syntax error in `text`, or undefined when it is valid JSON. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const scan = new Scanner(text);
  try {
    scan.value(0);
    scan.space();
    if (scan.at < text.length) scan.fail(`unexpected ${scan.shown()} after the end of the data`);
    return undefined;
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    const before = text.slice(0, error.at).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1, problem: error.message };
  }
}

class ScanError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

class Scanner {
  at = 0;

  constructor(private readonly text: string) {}

  fail(problem: string): never {
    throw new ScanError(problem, this.at);
  }

  shown(): string {
    return this.at >= this.text.length ? 'end of file' : `"${this.text[this.at]}"`;
  }

  space(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at])) this.at++;
  }

  value(depth: number): void {
    if (depth > MAX_DEPTH) this.fail('nested too deep');
    this.space();
    const char = this.text[this.at];
    if (char === '{') return this.container('}', () => this.member(depth));
    if (char === '[') return this.container(']', () => this.value(depth + 1));
    if (char === '"') return this.string();
    if (char !== undefined && /[-0-9]/.test(char)) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return;
      }
    }
    this.fail(char === undefined ? 'the file ends where a value was expected' : `unexpected ${this.shown()} where a value was expected (text needs "double quotes")`);
  }

  private container(close: string, item: () => void): void {
    this.at++;
    this.space();
    if (this.text[this.at] === close) {
      this.at++;
      return;
    }
    for (;;) {
      item();
      this.space();
      const char = this.text[this.at];
      if (char === close) {
        this.at++;
        return;
      }
      if (char !== ',') this.fail(char === undefined ? `the file ends before the closing "${close}"` : `expected "," or "${close}" but found ${this.shown()}`);
      this.at++;
      this.space();
      if (this.text[this.at] === close) this.fail(`a comma before "${close}" (JSON allows no trailing comma)`);
    }
  }

  private member(depth: number): void {
    this.space();
    if (this.text[this.at] !== '"') this.fail(`expected a "quoted" field name but found ${this.shown()}`);
    this.string();
    this.space();
    if (this.text[this.at] !== ':') this.fail(`expected ":" after the field name but found ${this.shown()}`);
    this.at++;
    this.value(depth + 1);
  }

  private string(): void {
    const start = this.at;
    this.at++;
    while (this.at < this.text.length) {
      const char = this.text[this.at];
      if (char === '"') {
        this.at++;
        return;
      }
      if (char === '\n') this.fail('a line break inside "quotes" (write it as \\n)');
      this.at += char === '\\' ? 2 : 1;
    }
    this.at = start;
    this.fail('a "quote" is never closed');
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.at));
    if (!match) this.fail(`${this.shown()} does not start a valid number`);
    this.at += match[0].length;
  }
}
