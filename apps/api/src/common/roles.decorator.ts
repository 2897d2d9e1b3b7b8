import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Actor, Role } from '@grants/domain';

export const ROLES_KEY = 'roles';
export const PUBLIC_KEY = 'public';

/** Roles allowed to call a handler; others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** No token needed; a valid token still identifies the caller. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The authenticated caller (undefined on a public route called anonymously). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor | undefined => {
  return ctx.switchToHttp().getRequest<{ actor?: Actor }>().actor;
});
