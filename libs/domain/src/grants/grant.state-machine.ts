import { EntityManager } from 'typeorm';
import { snakeCase } from '@grants/database';
import { DB_NOW } from '../competitions/competition.state-machine';
import { OutboxMessage, OutboxService } from '../notifications/outbox.service';
import { DomainError, notFound } from '../shared/domain-error';
import { Actor, Role } from '../shared/roles';
import { GrantStatus } from './grant.entity';

type ActorRole = Role | 'system';

export interface GrantTransition {
  from: GrantStatus;
  to: GrantStatus;
  roles: ActorRole[];
}

/**
 * The grant lifecycle of API.md as data. Completion follows the acceptance of the last report, so the
 * roles that accept reports take that step.
 */
export const GRANT_TRANSITIONS: readonly GrantTransition[] = [
  { from: 'awaiting_agreement', to: 'active', roles: ['admin'] },
  { from: 'awaiting_agreement', to: 'terminated', roles: ['admin'] },
  { from: 'active', to: 'terminated', roles: ['admin'] },
  { from: 'active', to: 'completed', roles: ['admin', 'consultant'] },
];

export interface GrantTransitionRequest {
  grantId: string;
  to: GrantStatus;
  actor: Actor;
  comment?: string | null;
  /** Other columns written in the same guarded UPDATE. */
  set?: Record<string, unknown>;
  notifications?: OutboxMessage[];
}

/**
 * The one function that writes a grant's status: a guarded UPDATE on the statuses the table allows for
 * the target and the actor's role, the history row and the outbox rows, in the caller's transaction.
 * A step the table does not allow, or a status changed meanwhile, is `409 INVALID_TRANSITION`.
 */
export async function applyGrantTransition(
  manager: EntityManager,
  outbox: OutboxService,
  request: GrantTransitionRequest,
): Promise<GrantStatus> {
  const allowedFrom = GRANT_TRANSITIONS.filter((t) => t.to === request.to && t.roles.includes(request.actor.role)).map(
    (t) => t.from,
  );
  const params: unknown[] = [request.grantId, request.to, allowedFrom, request.actor.id, request.actor.role];
  params.push(request.comment ?? null);
  const sets = ['status = $2', 'version = version + 1', 'updated_at = now()'];
  for (const [key, value] of Object.entries(request.set ?? {})) {
    if (value === DB_NOW) {
      sets.push(`${snakeCase(key)} = now()`);
      continue;
    }
    params.push(value);
    sets.push(`${snakeCase(key)} = $${params.length}`);
  }
  const rows: Array<{ previous: GrantStatus }> = await manager.query(
    `WITH p AS (SELECT id, status AS previous FROM grants WHERE id = $1 FOR UPDATE),
     u AS (
       UPDATE grants g SET ${sets.join(', ')}
       FROM p WHERE g.id = p.id AND p.previous = ANY($3::varchar[])
       RETURNING p.previous
     ),
     e AS (
       INSERT INTO grant_events (grant_id, report_code, from_status, to_status, actor_id, actor_role, comment)
       SELECT $1, NULL, u.previous, $2, $4::uuid, $5, $6::text FROM u
     )
     SELECT previous FROM u`,
    params,
  );
  if (!rows.length) {
    const [current]: Array<{ status: GrantStatus }> = await manager.query(`SELECT status FROM grants WHERE id = $1`, [
      request.grantId,
    ]);
    if (!current) throw notFound('Grant');
    throw new DomainError('INVALID_TRANSITION', `A grant in status ${current.status} cannot become ${request.to}`, {
      from: current.status,
      to: request.to,
    });
  }
  if (request.notifications?.length) await outbox.write(manager, request.notifications);
  return rows[0].previous;
}
