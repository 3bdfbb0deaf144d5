// Signing in and out. Status, setup and login are the only /api routes open to strangers; setup
// works only until the first account exists. Status also tells a browser whether it is signed in,
// answering 200 either way, so the editor's first load makes no request that fails. Sign-ins and
// failed sign-ins go to the audit log (attempts refused by the limit do not: a stranger could
// fill the log with them).
import { Body, Controller, Get, HttpCode, HttpException, Inject, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { userActor } from '../audit/audit-actor';
import { ANONYMOUS_ACTOR, type AuditTarget } from '../audit/audit-entry';
import { AuditService } from '../audit/audit.service';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { SETTINGS, type Settings } from '../config/settings';
import { LoginBody, SetupBody, type LoginRequest, type SetupRequest } from './auth-dto';
import { LoginRateLimiter } from './login-rate-limiter';
import { verifyDecoy, verifyPassword } from './password-hasher';
import { CurrentAuth, type RequestAuth } from './request-auth';
import { RequestAuthenticator } from './request-authenticator';
import { Public } from './roles.decorator';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { SessionsService } from './sessions.service';
import { toUserDto, UsersService, type UserDto } from './users.service';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly limiter: LoginRateLimiter,
    private readonly authenticator: RequestAuthenticator,
    private readonly audit: AuditService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Public()
  @Get('status')
  @ApiOperation({ summary: 'Whether the owner account still has to be created, and who is signed in (public, always 200)' })
  async status(@Req() request: FastifyRequest): Promise<AuthStatus> {
    const setupRequired = await this.users.setupRequired();
    const auth = setupRequired ? undefined : await this.authenticator.authenticate(request);
    return auth ? { setupRequired, signedIn: true, user: toUserDto(auth.user), via: auth.via } : { setupRequired, signedIn: false };
  }

  @Public()
  @Post('setup')
  @ApiOperation({ summary: 'Create the owner account and sign in; only while no user exists' })
  async setup(@Body(new ZodBodyPipe(SetupBody)) body: SetupRequest, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<{ user: UserDto }> {
    const user = await this.users.createFirstOwner(body);
    await this.startSession(reply, user.id);
    await this.audit.record({ request, actor: userActor(user), action: 'user.created', target: { type: 'user', id: user.id, name: user.email }, details: { role: user.role, via: 'setup' } });
    return { user };
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password; sets the session cookie' })
  async login(@Body(new ZodBodyPipe(LoginBody)) body: LoginRequest, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<{ user: UserDto }> {
    const attempt = this.limiter.attemptOf(request, body.email);
    const wait = await this.limiter.take(attempt);
    if (wait > 0) {
      void reply.header('retry-after', String(wait));
      throw new HttpException(`Too many failed sign-ins; try again in ${wait} seconds.`, 429);
    }
    const user = await this.users.findByEmail(attempt.email);
    const valid = user ? await verifyPassword({ hash: user.passwordHash, password: body.password }) : await verifyDecoy(body.password).then(() => false);
    if (!user || !valid) {
      const target: AuditTarget = { type: 'user', id: user?.id ?? null, name: attemptedEmail(attempt.email) };
      await this.audit.record({ request, actor: ANONYMOUS_ACTOR, action: 'auth.sign_in_failed', target, details: { reason: user ? 'wrong_password' : 'unknown_email' } });
      throw new UnauthorizedException('Wrong email or password.');
    }
    await this.limiter.recordSuccess(attempt);
    await this.startSession(reply, user.id);
    await this.audit.record({ request, actor: userActor(user), action: 'auth.signed_in', target: { type: 'user', id: user.id, name: user.email } });
    return { user: toUserDto(user) };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session and clear its cookie' })
  async logout(@CurrentAuth() auth: RequestAuth, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (auth.sessionToken) await this.sessions.end(auth.sessionToken);
    clearSessionCookie({ reply, settings: this.settings });
  }

  @Get('me')
  @ApiOperation({ summary: 'Who is signed in (401 when nobody is)' })
  me(@CurrentAuth() auth: RequestAuth): { user: UserDto; via: RequestAuth['via'] } {
    return { user: toUserDto(auth.user), via: auth.via };
  }

  private async startSession(reply: FastifyReply, userId: string): Promise<void> {
    const { token, expiresAt } = await this.sessions.start(userId);
    setSessionCookie({ reply, token, expiresAt, settings: this.settings });
  }
}

export type AuthStatus = { setupRequired: boolean; signedIn: false } | { setupRequired: boolean; signedIn: true; user: UserDto; via: RequestAuth['via'] };

/**
 * The email tried is kept (it tells a typo from a guess), but only when it looks like one: a
 * password typed into the email field must not land in the log. The password never does.
 */
function attemptedEmail(email: string): string {
  return z.email().safeParse(email).success ? email : '(not an email address)';
}
