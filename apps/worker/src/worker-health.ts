import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createServer, Server } from 'node:http';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig } from '@grants/config';
import { InjectRedis, withinTimeout } from '@grants/queue';

/** `GET /health` on WORKER_HEALTH_PORT: the worker's only HTTP, same shape as the api's. */
@Injectable()
export class WorkerHealth implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHealth.name);
  private server?: Server;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async status() {
    const db = await withinTimeout(this.dataSource.query('SELECT 1'), 1500).then(
      () => 'up',
      () => 'down',
    );
    const redis = await withinTimeout(this.redis.ping(), 1500).then(
      () => 'up',
      () => 'down',
    );
    return { status: db === 'up' && redis === 'up' ? 'ok' : 'error', db, redis };
  }

  async onApplicationBootstrap() {
    if (this.config.values.NODE_ENV === 'test') return;
    this.server = createServer((req, res) => {
      if (req.url !== '/health') {
        res.writeHead(404).end();
        return;
      }
      void this.status().then((body) => {
        res.writeHead(body.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) =>
      this.server!.listen(this.config.values.WORKER_HEALTH_PORT, '0.0.0.0', resolve),
    );
    this.logger.log(`Worker health on :${this.config.values.WORKER_HEALTH_PORT}/health`);
  }

  async onApplicationShutdown() {
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}
