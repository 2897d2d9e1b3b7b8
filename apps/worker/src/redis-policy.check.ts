import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import Redis from 'ioredis';
import { InjectRedis } from '@grants/queue';

/** BullMQ loses jobs when Redis evicts keys: warn loudly unless maxmemory-policy is noeviction. */
@Injectable()
export class RedisPolicyCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(RedisPolicyCheck.name);

  constructor(@InjectRedis() private readonly redis: Redis) {}

  async onApplicationBootstrap() {
    const policy = await this.policy();
    if (policy && policy !== 'noeviction') {
      this.logger.warn(
        `Redis maxmemory-policy is "${policy}"; BullMQ requires "noeviction" or queued jobs may be evicted. ` +
          'Set `maxmemory-policy noeviction` (see README, Deployment).',
      );
    }
  }

  /** The policy, or undefined where CONFIG is not allowed (some managed Redis services). */
  async policy(): Promise<string | undefined> {
    try {
      const reply = (await this.redis.config('GET', 'maxmemory-policy')) as string[];
      return reply?.[1];
    } catch {
      return undefined;
    }
  }
}
