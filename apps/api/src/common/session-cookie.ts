import type { FastifyReply } from 'fastify';
import { AppConfig } from '@grants/config';
import { AuthService } from '@grants/domain';
import { SESSION_COOKIE } from './api-docs';

export { SESSION_COOKIE };

/** Browser session: the access token in an httpOnly cookie, for as long as the token lives. */
export function setSessionCookie(reply: FastifyReply, config: AppConfig, token: string, lifetimeS: number): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: config.values.APP_URL.startsWith('https:'),
    maxAge: lifetimeS,
  });
  noStore(reply);
}

/** The cookie for a freshly issued token, living as long as the token. */
export function startSession(reply: FastifyReply, auth: AuthService, config: AppConfig, token: string): void {
  const { exp, iat } = auth.verify(token);
  setSessionCookie(reply, config, token, Math.max(0, (exp ?? 0) - (iat ?? 0)));
}

export function clearSessionCookie(reply: FastifyReply, config: AppConfig): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: config.values.APP_URL.startsWith('https:'),
  });
  noStore(reply);
}

/** A response that carries a token is never stored by a browser or a proxy. */
export function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
}

/**
 * The origins a cookie-authenticated change may come from besides the request's own: APP_URL's and
 * the ones listed in CORS_ORIGINS (a `*` there allows nothing).
 */
export function trustedOrigins(config: AppConfig): Set<string> {
  const origins = new Set<string>([new URL(config.values.APP_URL).origin]);
  for (const entry of config.values.CORS_ORIGINS.split(',')) {
    const value = entry.trim();
    if (!value || value === '*') continue;
    try {
      origins.add(new URL(value).origin);
    } catch {
      // Not a URL (a pattern for CORS): not an origin the CSRF check can trust.
    }
  }
  return origins;
}

/** The origin of an Origin header, or lacking it of the Referer; null when neither gives one. */
export function requestOrigin(headers: Record<string, string | string[] | undefined>): string | null {
  const origin = single(headers.origin);
  if (origin !== undefined) return origin === 'null' ? null : safeOrigin(origin);
  const referer = single(headers.referer);
  return referer === undefined ? null : safeOrigin(referer);
}

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function safeOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}
