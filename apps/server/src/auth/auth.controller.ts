// Signing in and out. Status, setup and login are the only /api routes open to strangers; setup
// works only until the first account exists.
import { Body, Controller, Get, HttpCode, HttpException, Inject, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { SETTINGS, type Settings } from '../config/settings';
import { LoginBody, SetupBody, type LoginRequest, type SetupRequest } from './auth-dto';
import { LoginRateLimiter } from './login-rate-limiter';
import { verifyDecoy, verifyPassword } from './password-hasher';
import { CurrentAuth, type RequestAuth } from './request-auth';
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
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Public()
  @Get('status')
  @ApiOperation({ summary: 'Whether the owner account still has to be created (public)' })
  async status(): Promise<{ setupRequired: boolean }> {
    return { setupRequired: await this.users.setupRequired() };
  }

  @Public()
  @Post('setup')
  @ApiOperation({ summary: 'Create the owner account and sign in; only while no user exists' })
  async setup(@Body(new ZodBodyPipe(SetupBody)) body: SetupRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<{ user: UserDto }> {
    const user = await this.users.createFirstOwner(body);
    await this.startSession(reply, user.id);
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
      throw new UnauthorizedException('Wrong email or password.');
    }
    await this.limiter.recordSuccess(attempt);
    await this.startSession(reply, user.id);
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
