import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, AuthService, Role } from '@grants/domain';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

/** Global guard: verifies the bearer JWT (401), then the handler's @Roles (403). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: Actor }>();
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (token) {
      try {
        const claims = this.auth.verify(token);
        request.actor = { id: claims.sub, role: claims.role, organizationId: claims.org };
      } catch {
        if (!isPublic) throw new UnauthorizedException('Invalid or expired access token');
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
}
