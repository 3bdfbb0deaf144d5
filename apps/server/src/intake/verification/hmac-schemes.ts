// The providers' signature schemes, each checked over the raw bytes as received. A scheme answers
// null when the request is genuine, or a reason that names what is wrong (a missing header, a
// mismatch, a stale timestamp) and never the expected value.
import { createHmac } from 'node:crypto';
import { anyEqual } from './constant-time';

export interface SignedRequest {
  raw: Buffer;
  /** Lower-case header names. */
  headers: Record<string, string>;
  secret: string;
  nowSeconds: number;
  /** Largest accepted distance between a signed timestamp and now; null skips the check (replays). */
  toleranceSeconds: number | null;
}

export interface CustomScheme {
  header: string;
  algorithm: 'sha1' | 'sha256' | 'sha512';
  encoding: 'hex' | 'base64';
  prefix: string;
  signedPayload: 'body' | 'timestamp.body';
  timestampHeader?: string;
}

const MISMATCH = 'does not match the body; check that the signing secret is the one the sender uses and that nothing rewrote the body on the way';

function hmac(algorithm: string, key: string | Buffer, ...parts: Array<string | Buffer>): Buffer {
  const mac = createHmac(algorithm, key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

function missing(header: string): string {
  return `The ${header} header is missing.`;
}

/** null when the timestamp is within tolerance, else the reason. */
function staleness(timestamp: string, request: SignedRequest, header: string): string | null {
  if (!/^\d{1,12}$/.test(timestamp)) return `The ${header} timestamp is not a Unix time in seconds.`;
  if (request.toleranceSeconds === null) return null;
  const distance = Math.abs(request.nowSeconds - Number(timestamp));
  if (distance <= request.toleranceSeconds) return null;
  return `The ${header} timestamp is ${distance} s away from the server's clock; at most ${request.toleranceSeconds} s is accepted (a replayed or delayed request, or a clock out of sync).`;
}

export function verifyGithub(request: SignedRequest): string | null {
  const given = request.headers['x-hub-signature-256'];
  if (!given) return missing('X-Hub-Signature-256');
  if (!given.startsWith('sha256=')) return 'The X-Hub-Signature-256 header must start with "sha256=".';
  const expected = hmac('sha256', request.secret, request.raw).toString('hex');
  return anyEqual([given.slice('sha256='.length).toLowerCase()], expected) ? null : `The X-Hub-Signature-256 signature ${MISMATCH}.`;
}

export function verifyStripe(request: SignedRequest): string | null {
  const header = request.headers['stripe-signature'];
  if (!header) return missing('Stripe-Signature');
  const pairs = header.split(',').map((item) => item.trim().split('='));
  const timestamp = pairs.find(([name]) => name === 't')?.[1];
  const signatures = pairs.filter(([name, value]) => name === 'v1' && value).map(([, value]) => value);
  if (!timestamp || signatures.length === 0) return 'The Stripe-Signature header is malformed: expected "t=<timestamp>,v1=<signature>".';
  const expected = hmac('sha256', request.secret, `${timestamp}.`, request.raw).toString('hex');
  if (!anyEqual(signatures, expected)) return `The Stripe-Signature signature ${MISMATCH}.`;
  return staleness(timestamp, request, 'Stripe-Signature');
}

export function verifySlack(request: SignedRequest): string | null {
  const given = request.headers['x-slack-signature'];
  const timestamp = request.headers['x-slack-request-timestamp'];
  if (!given) return missing('X-Slack-Signature');
  if (!timestamp) return missing('X-Slack-Request-Timestamp');
  const expected = `v0=${hmac('sha256', request.secret, `v0:${timestamp}:`, request.raw).toString('hex')}`;
  if (!anyEqual([given], expected)) return `The X-Slack-Signature signature ${MISMATCH}.`;
  return staleness(timestamp, request, 'X-Slack-Request-Timestamp');
}

export function verifyShopify(request: SignedRequest): string | null {
  const given = request.headers['x-shopify-hmac-sha256'];
  if (!given) return missing('X-Shopify-Hmac-Sha256');
  const expected = hmac('sha256', request.secret, request.raw).toString('base64');
  return anyEqual([given], expected) ? null : `The X-Shopify-Hmac-Sha256 signature ${MISMATCH}.`;
}

/** https://www.standardwebhooks.com: "v1,<base64>" entries separated by spaces, secret "whsec_<base64>". */
export function verifyStandardWebhooks(request: SignedRequest): string | null {
  const id = request.headers['webhook-id'];
  const timestamp = request.headers['webhook-timestamp'];
  const header = request.headers['webhook-signature'];
  if (!id) return missing('webhook-id');
  if (!timestamp) return missing('webhook-timestamp');
  if (!header) return missing('webhook-signature');
  const key = Buffer.from(request.secret.replace(/^whsec_/, ''), 'base64');
  // Standard Webhooks keys are 24-64 random bytes; a short or non-base64 secret is a mistake.
  if (key.length < 16) return 'The trigger’s Standard Webhooks secret is not a whsec_ base64 key of at least 16 bytes.';
  const expected = hmac('sha256', key, `${id}.${timestamp}.`, request.raw).toString('base64');
  const signatures = header
    .split(' ')
    .map((entry) => entry.split(','))
    .filter(([version, value]) => version === 'v1' && value)
    .map(([, value]) => value);
  if (!anyEqual(signatures, expected)) return `The webhook-signature signature ${MISMATCH}.`;
  return staleness(timestamp, request, 'webhook-timestamp');
}

export function verifyCustom(request: SignedRequest, scheme: CustomScheme): string | null {
  const given = request.headers[scheme.header.toLowerCase()];
  if (!given) return missing(scheme.header);
  if (!given.startsWith(scheme.prefix)) return `The ${scheme.header} header must start with "${scheme.prefix}".`;
  const timestamp = scheme.timestampHeader ? request.headers[scheme.timestampHeader.toLowerCase()] : undefined;
  if (scheme.signedPayload === 'timestamp.body' && !timestamp) return missing(scheme.timestampHeader ?? 'timestamp');
  const parts = scheme.signedPayload === 'timestamp.body' ? [`${timestamp}.`, request.raw] : [request.raw];
  const expected = hmac(scheme.algorithm, request.secret, ...parts).toString(scheme.encoding);
  const signature = given.slice(scheme.prefix.length);
  if (!anyEqual([scheme.encoding === 'hex' ? signature.toLowerCase() : signature], expected)) return `The ${scheme.header} signature ${MISMATCH}.`;
  return timestamp && scheme.signedPayload === 'timestamp.body' ? staleness(timestamp, request, scheme.timestampHeader ?? 'timestamp') : null;
}
