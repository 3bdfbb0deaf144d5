// The fixed vocabulary of trigger-request labels. Every rejection code intake may throw maps to one
// of a few reasons, and anything unforeseen to "other", so no sender can mint a new label value.
import { IntakeRejection, ServiceUnavailableError } from '../common/domain-errors';

export const TRIGGER_OUTCOMES = ['accepted', 'duplicate', 'dropped', 'handshake', 'rejected', 'rate_limited', 'unavailable', 'error'] as const;
export type TriggerOutcome = (typeof TRIGGER_OUTCOMES)[number];

export const REJECT_REASONS = ['unknown_route', 'method', 'ip', 'signature', 'auth', 'body_too_large', 'bad_body', 'misconfigured', 'other'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** IntakeRejection codes (see intake/ and intake/verification/) by the reason they are counted under. */
const REASON_OF_CODE = new Map<string, RejectReason>([
  // No active flow has this key (or path): an unknown, deleted or deactivated trigger looks the same to intake.
  ['unknown_trigger', 'unknown_route'],
  ['method_not_allowed', 'method'],
  ['forbidden_address', 'ip'],
  ['invalid_signature', 'signature'],
  ['invalid_verify_token', 'signature'],
  // A header secret or Basic credentials were missing or wrong.
  ['unauthorized', 'auth'],
  ['malformed_json', 'bad_body'],
  ['malformed_xml', 'bad_body'],
  ['too_deep', 'bad_body'],
  ['too_many_keys', 'bad_body'],
  ['trigger_misconfigured', 'misconfigured'],
]);

/** The outcome and reason a refused trigger request is counted under; reason is '' unless rejected. */
export function refusalLabels(err: unknown): { outcome: TriggerOutcome; reason: RejectReason | '' } {
  if (err instanceof IntakeRejection) {
    if (err.status === 429) return { outcome: 'rate_limited', reason: '' };
    return { outcome: 'rejected', reason: REASON_OF_CODE.get(err.code) ?? 'other' };
  }
  if (err instanceof ServiceUnavailableError) return { outcome: 'unavailable', reason: '' };
  // Refusals while the body was read, before intake runs: the body limit, a broken body stream.
  if (isBodyTooLarge(err)) return { outcome: 'rejected', reason: 'body_too_large' };
  if (isClientError(err)) return { outcome: 'rejected', reason: 'bad_body' };
  return { outcome: 'error', reason: '' };
}

/** Whether the request was refused while its body was read, before the trigger handler ran. */
export function refusedBeforeIntake(err: unknown): boolean {
  if (err instanceof IntakeRejection || err instanceof ServiceUnavailableError) return false;
  return isBodyTooLarge(err) || isClientError(err);
}

/** Fastify's own 413, or the body reader's PayloadTooLargeError (common/body-reader.ts). */
function isBodyTooLarge(err: unknown): boolean {
  return statusCodeOf(err) === 413 || (err instanceof Error && err.name === 'PayloadTooLargeError');
}

function isClientError(err: unknown): boolean {
  const status = statusCodeOf(err);
  return status !== undefined && status >= 400 && status < 500;
}

function statusCodeOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null || !('statusCode' in err)) return undefined;
  return typeof err.statusCode === 'number' ? err.statusCode : undefined;
}
