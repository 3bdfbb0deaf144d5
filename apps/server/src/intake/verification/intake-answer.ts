// What intake answers when it does not simply accept: handshakes, duplicates, dropped events.
export interface IntakeAnswer {
  status: number;
  /** A string is sent as text/plain; anything else as JSON. */
  body: unknown;
  headers?: Record<string, string>;
}

/** Accepted, with the flow's own answer still to come (a webhook that waits for its flow). */
export interface PendingAnswer extends IntakeAnswer {
  later?: Promise<IntakeAnswer>;
}

/** A flow's answer as sent: text as it is, anything else as JSON unless the flow set its own Content-Type. */
export function toIntakeAnswer(answer: { status: number; headers: Record<string, string>; body: unknown }): IntakeAnswer {
  const headers = { ...answer.headers };
  const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (typeof answer.body === 'string') {
    if (!hasType) headers['content-type'] = 'text/plain; charset=utf-8';
    return { status: answer.status, body: answer.body, headers };
  }
  if (!hasType) headers['content-type'] = 'application/json; charset=utf-8';
  return { status: answer.status, body: JSON.stringify(answer.body ?? null), headers };
}

/** No answer within the webhook's responseTimeoutMs: the run goes on and is recorded under this event id. */
export function timedOut(eventId: string, timeoutMs: number): IntakeAnswer {
  return {
    status: 504,
    body: {
      error: 'response_timeout',
      message: `The flow did not answer within ${timeoutMs} ms. The event was stored and the flow goes on; find its execution by the event id.`,
      eventId,
    },
  };
}
