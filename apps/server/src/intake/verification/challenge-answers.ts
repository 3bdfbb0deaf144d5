// Providers' URL handshakes, answered before the caller check and without running the flow or
// storing an event: each proves the URL is ours by echoing (or, for Zoom, signing) a value.
// Echoed values go back as text/plain with nosniff so a handshake cannot be turned into a page.
import { createHmac } from 'node:crypto';
import type { WebhookAuthParams, WebhookChallengeParams } from '@hookflow/nodes';
import { IntakeRejection } from '../../common/domain-errors';
import type { SecretRef } from '../../credentials/secret-resolver';
import { safeEqual } from './constant-time';
import type { IntakeAnswer } from './intake-answer';

const MAX_CHALLENGE_BODY = 64 * 1024;

export interface ChallengeRequest {
  challenge: WebhookChallengeParams | undefined;
  auth: WebhookAuthParams | undefined;
  headers: Record<string, string>;
  query: Record<string, string | string[]>;
  raw: Buffer | undefined;
  resolveSecret(ref: SecretRef, field: string): Promise<string>;
}

export async function challengeAnswer(request: ChallengeRequest): Promise<IntakeAnswer | undefined> {
  const { challenge, query } = request;
  if (!challenge) return undefined;
  const graphToken = single(query.validationToken);
  if (challenge.microsoftGraph && graphToken !== undefined) return text(graphToken);
  if (challenge.hub && single(query['hub.mode']) === 'subscribe' && single(query['hub.challenge']) !== undefined) return hubAnswer(request);
  if (challenge.asana && request.headers['x-hook-secret']) {
    return { status: 200, body: '', headers: { 'x-hook-secret': request.headers['x-hook-secret'] } };
  }
  const echoed = challenge.echoQueryParam ? single(query[challenge.echoQueryParam]) : undefined;
  if (echoed !== undefined) return text(echoed);
  if (!challenge.slack && !challenge.zoom) return undefined;
  const body = jsonBody(request);
  if (challenge.slack && body.type === 'url_verification' && typeof body.challenge === 'string') {
    return { status: 200, body: { challenge: body.challenge } };
  }
  if (challenge.zoom && body.event === 'endpoint.url_validation') return zoomAnswer(request, body.payload);
  return undefined;
}

async function hubAnswer(request: ChallengeRequest): Promise<IntakeAnswer> {
  const expected = request.challenge?.hubVerifyToken;
  if (expected !== undefined) {
    const given = single(request.query['hub.verify_token']) ?? '';
    if (!safeEqual(given, await request.resolveSecret(expected, 'token'))) {
      throw new IntakeRejection(403, 'invalid_verify_token', 'hub.verify_token does not match the verify token set on this trigger.');
    }
  }
  return text(single(request.query['hub.challenge']) ?? '');
}

async function zoomAnswer(request: ChallengeRequest, payload: unknown): Promise<IntakeAnswer | undefined> {
  const plainToken = isRecord(payload) && typeof payload.plainToken === 'string' ? payload.plainToken : undefined;
  if (plainToken === undefined) return undefined;
  // No fallback to the caller check's secret, and Zoom's signature is checked first: answering an
  // unsigned validation would hand anyone an HMAC of any text under the secret (a signing oracle).
  const ref = request.challenge?.zoomSecret;
  if (ref === undefined) {
    throw new IntakeRejection(500, 'trigger_misconfigured', 'This trigger answers Zoom’s URL validation but has no Zoom secret token; set one in the trigger’s handshakes.');
  }
  const secret = await request.resolveSecret(ref, 'secret');
  if (!zoomSignatureValid(request, secret)) {
    throw new IntakeRejection(401, 'invalid_signature', 'Zoom’s URL validation must carry a valid x-zm-signature and a recent x-zm-request-timestamp.');
  }
  const encryptedToken = createHmac('sha256', secret).update(plainToken).digest('hex');
  return { status: 200, body: { plainToken, encryptedToken } };
}

function jsonBody(request: ChallengeRequest): Record<string, unknown> {
  const raw = request.raw;
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!raw || raw.length > MAX_CHALLENGE_BODY || !(type === 'application/json' || type.endsWith('+json'))) return {};
  try {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    return isRecord(parsed) ? parsed : {};
  } catch {
    // Not a handshake; the normal path refuses malformed JSON with a reason.
    return {};
  }
}

function text(value: string): IntakeAnswer {
  return { status: 200, body: value, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ZOOM_TOLERANCE_SECONDS = 300;

/** Zoom signs every request, the validation included: v0=hex(HMAC-SHA256(secret, "v0:<ts>:<body>")). */
function zoomSignatureValid(request: ChallengeRequest, secret: string): boolean {
  const timestamp = request.headers['x-zm-request-timestamp'] ?? '';
  const signature = request.headers['x-zm-signature'] ?? '';
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > ZOOM_TOLERANCE_SECONDS) return false;
  const body = request.raw ? request.raw.toString('utf8') : '';
  const expected = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return safeEqual(signature, expected);
}
