// What intake answers when it does not simply accept: handshakes, duplicates, dropped events.
export interface IntakeAnswer {
  status: number;
  /** A string is sent as text/plain; anything else as JSON. */
  body: unknown;
  headers?: Record<string, string>;
}
