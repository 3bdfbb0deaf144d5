// The auth capability: people, sessions and API keys, and the guard every request passes
// (APP_GUARD makes it global, so no route can forget it).
import { Module } from '@nestjs/common';
import { authControllers, authProviders } from './auth.providers';

@Module({ controllers: authControllers, providers: authProviders })
export class AuthModule {}
