// Domain errors thrown by services; one exception filter turns them into HTTP answers.
import type { ValidationIssue } from '@hookflow/flow-model';

export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
  constructor(readonly errors: Array<Pick<ValidationIssue, 'path' | 'message'> & Partial<ValidationIssue>>) {
    super(errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  }
}

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

/** The caller may not do this to this thing (a credential they may not use): 403, with the places it concerns. */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
  constructor(
    message: string,
    readonly errors: Array<Pick<ValidationIssue, 'path' | 'message'> & Partial<ValidationIssue>> = [],
  ) {
    super(message);
  }
}

/** A webhook request refused at intake: the status and a reason the sender can act on. */
export class IntakeRejection extends Error {
  override readonly name = 'IntakeRejection';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A part the server needs (the store, the queue) does not answer: 503 with Retry-After. */
export class ServiceUnavailableError extends Error {
  override readonly name: string = 'ServiceUnavailableError';
  constructor(
    message: string,
    readonly retryAfterSeconds = 5,
  ) {
    super(message);
  }
}

/** A request body over MAX_BODY_BYTES: 413, and the connection closes after the answer. */
export class PayloadTooLargeError extends Error {
  override readonly name = 'PayloadTooLargeError';
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than the limit of ${limitBytes} bytes (MAX_BODY_BYTES).`);
  }
}
