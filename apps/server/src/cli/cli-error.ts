/** A failure the command reports as one message and exit code 1, without a stack trace. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    /** The HTTP status, when the server refused a call. */
    readonly status?: number,
  ) {
    super(message);
  }
}
