import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** No request body of the API nests deeper than a few levels; 32 leaves room and stops stack-deep input. */
export const MAX_JSON_DEPTH = 32;

/**
 * The deepest nesting of arrays and objects in a JSON text, stopping as soon as it passes `limit`.
 * A linear scan of the raw text: brackets inside strings (escapes included) do not count.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * The api's JSON body parser: Fastify's own (prototype poisoning rejected), after a depth check on
 * the raw text, so a body nested deeper than MAX_JSON_DEPTH is API.md's 400 before any parsing,
 * transformation or validation on every route.
 */
export function jsonBodyParser(instance: FastifyInstance) {
  const parse = instance.getDefaultJsonParser('error', 'error');
  return (request: FastifyRequest, body: Buffer, done: (err: Error | null, body?: unknown) => void) => {
    const text = body.toString('utf8');
    // Body-less actions arrive with `Content-Type: application/json` and no body (fetch, many clients): no body, not a 400.
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
      done(new BadRequestException([`body must not nest arrays or objects deeper than ${MAX_JSON_DEPTH} levels`]));
      return;
    }
    parse(request, text, done);
  };
}
