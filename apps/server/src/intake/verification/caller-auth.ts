// Does the request come from the expected sender? A shared header, HTTP Basic, or a signature in
// one of the providers' schemes. A failure is a 401 whose message says what to fix, never the
// expected value.
import type { WebhookAuthParams } from '@hookflow/nodes';
import { IntakeRejection } from '../../common/domain-errors';
import type { SecretRef } from '../../credentials/secret-resolver';
import { safeEqual } from './constant-time';
import { verifyCustom, verifyGithub, verifyShopify, verifySlack, verifyStandardWebhooks, verifyStripe, type SignedRequest } from './hmac-schemes';

export const SIGNATURE_TOLERANCE_SECONDS = 300;

export interface CallerCheck {
  auth: WebhookAuthParams | undefined;
  raw: Buffer | undefined;
  headers: Record<string, string>;
  resolveSecret(ref: SecretRef, field: string): Promise<string>;
  nowSeconds: number;
  /** Replays of stored requests keep their signature check but not its clock check. */
  replay: boolean;
}

export async function checkCaller(check: CallerCheck): Promise<void> {
  const { auth } = check;
  if (!auth || auth.type === 'none') return;
  if (auth.type === 'header') return checkHeader(check, auth);
  if (auth.type === 'basic') return checkBasic(check, auth);
  return checkSignature(check, auth);
}

async function checkHeader(check: CallerCheck, auth: WebhookAuthParams): Promise<void> {
  const name = auth.name ?? '';
  const given = check.headers[name.toLowerCase()];
  if (!given) throw unauthorized(`The ${name} header is missing.`);
  const expected = await secretOf(check, auth.value ?? '', 'value');
  if (!safeEqual(given, expected)) throw unauthorized(`The ${name} header does not carry the expected secret.`);
}

async function checkBasic(check: CallerCheck, auth: WebhookAuthParams): Promise<void> {
  const challenge = { 'www-authenticate': 'Basic realm="hookflow trigger", charset="UTF-8"' };
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(check.headers.authorization ?? '');
  if (!match) throw unauthorized('An Authorization: Basic header is required.', challenge);
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon < 0 ? decoded : decoded.slice(0, colon);
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  const expected = await secretOf(check, auth.password ?? '', 'password');
  // Both compared every time, so a wrong user and a wrong password take the same time.
  const userOk = safeEqual(user, auth.user ?? '');
  const passwordOk = safeEqual(password, expected);
  if (!userOk || !passwordOk) throw unauthorized('The user name or password is wrong.', challenge);
}

async function checkSignature(check: CallerCheck, auth: WebhookAuthParams): Promise<void> {
  const secret = await secretOf(check, auth.secret ?? '', 'secret');
  const request: SignedRequest = {
    raw: check.raw ?? Buffer.alloc(0),
    headers: check.headers,
    secret,
    nowSeconds: check.nowSeconds,
    toleranceSeconds: check.replay ? null : SIGNATURE_TOLERANCE_SECONDS,
  };
  const reason = verifyPreset(request, auth);
  if (reason !== null) throw new IntakeRejection(401, 'invalid_signature', reason);
}

function verifyPreset(request: SignedRequest, auth: WebhookAuthParams): string | null {
  switch (auth.preset) {
    case 'github':
      return verifyGithub(request);
    case 'stripe':
      return verifyStripe(request);
    case 'slack':
      return verifySlack(request);
    case 'shopify':
      return verifyShopify(request);
    case 'standard-webhooks':
      return verifyStandardWebhooks(request);
    default:
      return verifyCustom(request, {
        header: auth.header ?? 'X-Signature',
        algorithm: auth.algorithm ?? 'sha256',
        encoding: auth.encoding ?? 'hex',
        prefix: auth.prefix ?? '',
        signedPayload: auth.signedPayload ?? 'body',
        timestampHeader: auth.timestampHeader,
      });
  }
}

function unauthorized(message: string, headers: Record<string, string> = {}): IntakeRejection {
  return new IntakeRejection(401, 'unauthorized', message, headers);
}

/** An empty secret would let anyone pass (anyone can sign with an empty key): refuse to check. */
async function secretOf(check: CallerCheck, ref: Parameters<CallerCheck['resolveSecret']>[0], field: string): Promise<string> {
  const secret = await check.resolveSecret(ref, field);
  if (secret.length === 0) {
    throw new IntakeRejection(500, 'trigger_misconfigured', `This trigger's caller check has an empty ${field}; set one in the trigger's settings.`);
  }
  return secret;
}
