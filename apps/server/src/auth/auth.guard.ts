// Every /api route needs a signed-in session or an API key; then the caller's role must be
// allowed (roles.ts, or the route's @Roles()). Cookie sessions must also send X-Hookflow-CSRF on
// changing requests: a custom header cannot be added by another site's form or image, and with no
// CORS enabled no other origin's script may send it either. API keys are not sent by browsers on
// their own, so they need no such header. Everything outside /api (webhooks, health, the editor's
// files) is public here and protected by its own rules.
import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { setRequestAuth } from './request-auth';
import { RequestAuthenticator } from './request-authenticator';
import { PUBLIC_KEY, ROLES_KEY, type Role } from './roles.decorator';
import { rolesForRoute } from './roles';

export const CSRF_HEADER = 'x-hookflow-csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const UNAUTHORIZED = 'Sign in, or send an API key as "Authorization: Bearer hf_...".';

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    // The route's own pattern, not the raw URL: encoded or odd spellings of a path cannot slip by.
    const path = request.routeOptions.url ?? request.url.split('?')[0] ?? '';
    if (!isApiPath(path)) return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets)) return true;

    const auth = await this.authenticator.authenticate(request);
    if (!auth) throw new UnauthorizedException(UNAUTHORIZED);
    if (auth.via === 'session' && !SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] === undefined) {
      throw new ForbiddenException(`Requests signed in with the session cookie must send the header X-Hookflow-CSRF: 1 (or use an API key).`);
    }
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? rolesForRoute({ method: request.method, path });
    if (!allowed.includes(auth.user.role)) {
      throw new ForbiddenException(`Your role (${auth.user.role}) may not do this; it needs ${allowed.join(' or ')}.`);
    }
    setRequestAuth(request, auth);
    return true;
  }
}

function isApiPath(path: string): boolean {
  if (path === '/api/docs' || path.startsWith('/api/docs/')) return false;
  return path === '/api' || path.startsWith('/api/');
}
