import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@grants/config';
import { ClockReading, DatabaseClock } from '@grants/database';
import { DomainError } from '@grants/domain';

/** What the first hook records about a request: the database time it arrived at, or why it is unknown. */
interface Arrived {
  arrival?: ClockReading;
}

/** Routes whose load is bounded at the door: the submit is what NGOs rush at the deadline. */
const isBounded = (route: string | undefined) => route?.endsWith('/applications/:id/submit') ?? false;

/** Seconds a client should wait before retrying a 503 of the door or the clock. */
export const RETRY_AFTER_S = 1;

/**
 * The first `onRequest` hook: stamps every request with its arrival on the database clock (the rule of
 * the deadline is "received before it"), and answers a submit 503 + Retry-After at once, before its body
 * is read, when `SUBMIT_MAX_IN_FLIGHT` submits are already being handled by this process.
 */
export function arrivalHook(clock: DatabaseClock, config: AppConfig) {
  const maxInFlight = config.values.SUBMIT_MAX_IN_FLIGHT;
  let inFlight = 0;
  return async (instance: FastifyInstance) => {
    instance.addHook('onRequest', (request: FastifyRequest & Arrived, reply: FastifyReply, done) => {
      request.arrival = clock.read();
      if (!isBounded(request.routeOptions.url)) return done();
      if (inFlight >= maxInFlight) {
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
