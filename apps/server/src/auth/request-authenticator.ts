// Who sent a request: a Bearer API key or the session cookie. Used by the guard on every /api
// route and by GET /api/auth/status, which answers strangers too and so cannot rely on the guard.
import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiKeysService } from './api-keys.service';
import type { RequestAuth } from './request-auth';
import { looksLikeApiKey } from './secret-tokens';
import { sessionToken } from './session-cookie';
import { SessionsService } from './sessions.service';

@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly sessions: SessionsService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  /** A request that sends an Authorization header is judged by it alone, never by a cookie too. */
  async authenticate(request: FastifyRequest): Promise<RequestAuth | undefined> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const key = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      if (!key || !looksLikeApiKey(key)) return undefined;
      const found = await this.apiKeys.userFor(key);
      return found ? { user: found.user, via: 'api-key', apiKey: found.apiKey } : undefined;
    }
    const token = sessionToken(request);
    if (!token) return undefined;
    const user = await this.sessions.userFor(token);
    return user ? { user, via: 'session', sessionToken: token } : undefined;
  }
}
