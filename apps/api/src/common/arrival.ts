import { createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Redis from 'ioredis';
import { AppConfig } from '@grants/config';
import { ClockReading, DatabaseClock } from '@grants/database';
import { DomainError } from '@grants/domain';
import { InjectRedis, withinTimeout } from '@grants/queue';

/** What the first hook records about a request: the database time it arrived at, or why it is unknown. */
interface Arrived {
  arrival?: ClockReading;
}

/** Routes whose load is bounded at the door: the submit is what NGOs rush at the deadline. */
const isBounded = (route: string | undefined) => route?.endsWith('/applications/:id/submit') ?? false;

/** Seconds a client should wait before retrying a 503 of the door or the clock. */
export const RETRY_AFTER_S = 1;

/** How long the arrival of a submit turned away at the door is kept for its retry; past the grace the draft is closed anyway. */
export const SHED_KEPT_MS = 120_000;
/** How long a submit waits for Redis to tell an earlier attempt's arrival before it goes on with its own. */
const SHED_LOOKUP_MS = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The arrivals of submits the door answered 503, kept in Redis (every replica sees them) under the
 * application and the request id the client sent (`X-Request-Id`), so a retry of that very request is
 * judged by the first attempt's arrival: a click before the deadline is not lost because the server was
 * full. Only the application's owner can submit it, so a kept arrival can serve no one else; a retry with
 * another request id is judged by its own arrival. Redis away: each attempt by its own arrival.
 */
@Injectable()
export class ShedArrivals {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  private key = (applicationId: string, requestId: string) => `shed-arrival:${applicationId}:${requestId}`;

  /** Keeps the arrival of a turned-away submit; a later turned-away retry leaves the first one in place. */
  keep(applicationId: string | undefined, requestId: string | undefined, at: number): void {
    if (!applicationId || !requestId || !UUID.test(applicationId) || !UUID.test(requestId)) return;
    this.redis.set(this.key(applicationId, requestId), String(at), 'PX', SHED_KEPT_MS, 'NX').catch(() => undefined);
  }

  /** The earlier of `receivedAt` and the kept arrival of a turned-away attempt of the same request. */
  async earliest(applicationId: string, requestId: string | undefined, receivedAt: Date): Promise<Date> {
    if (!requestId || !UUID.test(requestId)) return receivedAt;
    const kept = await withinTimeout(this.redis.get(this.key(applicationId, requestId)), SHED_LOOKUP_MS).catch(
      () => null,
    );
    const at = kept === null ? NaN : Number(kept);
    return Number.isFinite(at) && at < receivedAt.getTime() ? new Date(at) : receivedAt;
  }
}

/**
 * The first `onRequest` hook: stamps every request with its arrival on the database clock (the rule of
 * the deadline is "received before it"), and answers a submit 503 + Retry-After at once, before its body
 * is read, when `SUBMIT_MAX_IN_FLIGHT` submits are already being handled by this process; the arrival of
 * the one turned away is kept for its retry (`ShedArrivals`).
 */
export function arrivalHook(clock: DatabaseClock, config: AppConfig, shed: ShedArrivals) {
  const maxInFlight = config.values.SUBMIT_MAX_IN_FLIGHT;
  let inFlight = 0;
  return async (instance: FastifyInstance) => {
    instance.addHook('onRequest', (request: FastifyRequest & Arrived, reply: FastifyReply, done) => {
      request.arrival = clock.read();
      if (!isBounded(request.routeOptions.url)) return done();
      if (inFlight >= maxInFlight) {
        if (request.arrival.ok) {
          const header = request.headers['x-request-id'];
          shed.keep(
            (request.params as { id?: string }).id,
            typeof header === 'string' ? header : undefined,
            request.arrival.at,
          );
        }
        reply
          .code(503)
          .header('retry-after', String(RETRY_AFTER_S))
          .header('content-type', 'application/json; charset=utf-8')
          .send({
            statusCode: 503,
            error: 'Service Unavailable',
            message: `The server is busy with ${inFlight} submissions; nothing was done, retry in ${RETRY_AFTER_S} s`,
            code: 'SERVICE_UNAVAILABLE',
          });
        return;
      }
      inFlight++;
      // 'close' fires once whether the answer was sent or the client went away.
      reply.raw.once('close', () => inFlight--);
      done();
    });
  };
}

/**
 * The arrival stamp of the request (database clock, ms). A request the api cannot stamp within
 * `CLOCK_MAX_ERROR_MS` of the database clock is refused with 503: a deadline is never judged on a guess.
 */
export const ReceivedAt = createParamDecorator((_: unknown, ctx: ExecutionContext): Date => {
  const arrival = ctx.switchToHttp().getRequest<Arrived>().arrival;
  if (arrival?.ok) return new Date(arrival.at);
  throw new DomainError(
    'SERVICE_UNAVAILABLE',
    `The arrival time of the request cannot be read on the database clock (${arrival?.reason ?? 'unsynced'}); try again shortly`,
  );
});
