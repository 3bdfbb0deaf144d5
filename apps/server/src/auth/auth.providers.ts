// What the auth capability adds to the application module: its routes, its services and the
// guard that every request passes (APP_GUARD makes it global, so no route can forget it).
import { APP_GUARD } from '@nestjs/core';
import type { Provider } from '@nestjs/common';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { LoginRateLimiter } from './login-rate-limiter';
import { OwnerSeedService } from './owner-seed.service';
import { RequestAuthenticator } from './request-authenticator';
import { SessionsService } from './sessions.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

export const authControllers = [AuthController, ApiKeysController, UsersController];

export const authProviders: Provider[] = [
  UsersService,
  SessionsService,
  ApiKeysService,
  LoginRateLimiter,
  OwnerSeedService,
  RequestAuthenticator,
  { provide: APP_GUARD, useClass: AuthGuard },
];
