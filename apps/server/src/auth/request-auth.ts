// Who made a request, as the auth guard found out: kept beside the request (not on it) so no
// framework type needs widening, and read by handlers through @CurrentUser().
import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { UserEntity } from './auth.entities';

export interface RequestAuth {
  user: UserEntity;
  via: 'session' | 'api-key';
  /** The key a request came with (via 'api-key'), so the audit log can name it. */
  apiKey?: { id: string; name: string };
  /** The session cookie's token, so sign-out can end exactly this session. */
  sessionToken?: string;
}

const byRequest = new WeakMap<FastifyRequest, RequestAuth>();

export function setRequestAuth(request: FastifyRequest, auth: RequestAuth): void {
  byRequest.set(request, auth);
}

export function requestAuth(request: FastifyRequest): RequestAuth | undefined {
  return byRequest.get(request);
}

export const CurrentAuth = createParamDecorator((_data: unknown, context: ExecutionContext): RequestAuth => {
  const auth = requestAuth(context.switchToHttp().getRequest<FastifyRequest>());
  if (!auth) throw new UnauthorizedException('Sign in, or send an API key as "Authorization: Bearer hf_...".');
  return auth;
});
