import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import Redis from 'ioredis';
import { InjectRedis, withinTimeout } from '@grants/queue';
import { ApiDoc } from '../common/api-docs';
import { Public } from '../common/roles.decorator';

/** `200 {status: "ok", db: "up", redis: "up"}`, or `503` with the dependency that is down. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ schema: { example: { status: 'ok', db: 'up', redis: 'up' } } })
  @ApiServiceUnavailableResponse({ schema: { example: { status: 'error', db: 'up', redis: 'down' } } })
  @ApiDoc('Liveness of the api with its database and Redis', 'public')
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const checks = await Promise.all([
      Promise.resolve(this.db.pingCheck('db', { timeout: 1500 })).catch(() => ({ db: { status: 'down' } })),
      withinTimeout(this.redis.ping(), 1500)
        .then(() => this.indicator.check('redis').up())
        .catch(() => this.indicator.check('redis').down()),
    ]);
    const db = (checks[0] as { db: { status: string } }).db.status;
    const redis = checks[1].redis.status;
    const ok = db === 'up' && redis === 'up';
    reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'error', db, redis };
  }
}
