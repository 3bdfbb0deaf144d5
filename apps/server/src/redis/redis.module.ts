import { Global, Module } from '@nestjs/common';
import { RedisService } from './redis.service';
import { SHARED_REDIS } from './shared-redis';

/** Queue mode only (loaded on demand): the Redis connections for counters and pub/sub (Bull keeps its own). */
@Global()
@Module({ providers: [RedisService, { provide: SHARED_REDIS, useExisting: RedisService }], exports: [SHARED_REDIS] })
export class RedisModule {}
