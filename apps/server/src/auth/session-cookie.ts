// The session cookie: httpOnly (scripts cannot read it), SameSite=Strict (other sites' pages
// never send it, which also blocks most cross-site requests; the editor is served from the same
// origin, so it loses nothing), Secure when the server is reached over HTTPS.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Settings } from '../config/settings';

export const SESSION_COOKIE = 'hookflow_session';

export function setSessionCookie({ reply, token, expiresAt, settings }: { reply: FastifyReply; token: string; expiresAt: Date; settings: Settings }): void {
  void reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(settings), expires: expiresAt });
}

export function clearSessionCookie({ reply, settings }: { reply: FastifyReply; settings: Settings }): void {
  void reply.clearCookie(SESSION_COOKIE, cookieOptions(settings));
}

export function sessionToken(request: FastifyRequest): string | undefined {
  const value = request.cookies[SESSION_COOKIE];
  return value === undefined || value === '' ? undefined : value;
}

function cookieOptions(settings: Settings): { path: string; httpOnly: boolean; sameSite: 'strict'; secure: boolean } {
  return { path: '/', httpOnly: true, sameSite: 'strict', secure: secureCookie(settings) };
}

function secureCookie(settings: Settings): boolean {
  if (settings.COOKIE_SECURE === 'auto') return settings.publicUrl.startsWith('https://');
  return settings.COOKIE_SECURE === 'true';
}
