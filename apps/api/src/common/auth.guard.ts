import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '@grants/config';
import { Actor, AuthService, DomainError, Role } from '@grants/domain';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import { requestOrigin, SESSION_COOKIE, trustedOrigins } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type AuthedRequest = FastifyRequest & {
  actor?: Actor;
  /** The caller was identified by the session cookie (not a bearer token). */
  viaCookie?: boolean;
  raw: FastifyRequest['raw'] & { userId?: string };
};

/**
 * Global guard: identifies the caller by a bearer token or, lacking one, the session cookie (401 when
 * invalid, expired or revoked), refuses cookie-authenticated changes from foreign origins
 * (403 CSRF_REJECTED), then checks the handler's @Roles (403).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly origins: Set<string>;

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    config: AppConfig,
  ) {
    this.origins = trustedOrigins(config);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const cookie = bearer ? undefined : request.cookies?.[SESSION_COOKIE];
    const token = bearer || cookie;
    if (token) {
      const actor = await this.auth.authenticate(token);
      if (!actor) {
        if (!isPublic) throw new UnauthorizedException('Invalid, expired or revoked access token');
      } else if (!bearer && !SAFE_METHODS.has(request.method) && !this.sameOrigin(request)) {
        // A browser sends the cookie with any site's request: a change must prove it comes from ours.
        if (!isPublic)
          throw new DomainError(
            'CSRF_REJECTED',
            'A cookie-authenticated change must come from the application’s origin',
          );
      } else {
        request.actor = actor;
        request.viaCookie = !bearer;
        request.raw.userId = actor.id;
      }
    }
    if (isPublic) return true;
    if (!request.actor) throw new UnauthorizedException('Missing access token');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(request.actor.role)) {
      throw new ForbiddenException(`This action is not available to the ${request.actor.role} role`);
    }
    return true;
  }

  /** Origin (or Referer) is APP_URL's, one listed in CORS_ORIGINS, or the request's own scheme + Host. */
  private sameOrigin(request: FastifyRequest): boolean {
    const origin = requestOrigin(request.headers);
    if (!origin) return false;
    if (this.origins.has(origin)) return true;
    const host = request.headers.host;
    if (!host) return false;
    try {
      return origin === new URL(`${request.protocol}://${host}`).origin;
    } catch {
      return false;
    }
  }
}
