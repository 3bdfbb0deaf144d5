import { Global, Module } from '@nestjs/common';
import { RedisService } from './redis.service';

/** Queue mode only: the Redis connections for counters and pub/sub (Bull keeps its own). */
@Global()
@Module({ providers: [RedisService], exports: [RedisService] })
export class RedisModule {}
