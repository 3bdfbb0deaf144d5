// Who did it and from where, read from the request as the auth guard left it. An API key is named
// by the key (scripts are told apart by their keys), a session by the person's email.
import type { FastifyRequest } from 'fastify';
import type { AddressRange } from '../intake/verification/address-ranges';
import { clientAddress } from '../intake/verification/client-address';
import { requestAuth, type RequestAuth } from '../auth/request-auth';
import { ANONYMOUS_ACTOR, type AuditActor } from './audit-entry';

export function actorOf(auth: RequestAuth | undefined): AuditActor {
  if (!auth) return ANONYMOUS_ACTOR;
  if (auth.via === 'api-key' && auth.apiKey) return { kind: 'api_key', id: auth.apiKey.id, name: auth.apiKey.name };
  return userActor(auth.user);
}

export function userActor(user: { id: string; email: string }): AuditActor {
  return { kind: 'user', id: user.id, name: user.email };
}

export function requestActor(request: FastifyRequest): AuditActor {
  return actorOf(requestAuth(request));
}

/** The client's address; behind TRUSTED_PROXIES the one they forwarded, as the sign-in limit reads it. */
export function requestAddress(request: FastifyRequest, trustedProxies: readonly AddressRange[]): string | null {
  const forwarded = request.headers['x-forwarded-for'];
  const forwardedFor = Array.isArray(forwarded) ? forwarded.join(',') : forwarded;
  const client = clientAddress({ socketAddress: request.socket.remoteAddress, forwardedFor, trustedProxies });
  return client?.toString() ?? request.ip ?? null;
}
