import { EntityManager } from 'typeorm';
import { snakeCase } from '@grants/database';
import { DomainError, notFound } from '../shared/domain-error';
import { Actor, Role } from '../shared/roles';
import { Competition, CompetitionStatus } from './competition.entity';

type ActorRole = Role | 'system';

export interface CompetitionTransition {
  from: CompetitionStatus;
  to: CompetitionStatus;
  roles: ActorRole[];
}

/** The competition lifecycle of SPEC.md as data. */
export const COMPETITION_TRANSITIONS: readonly CompetitionTransition[] = [
  { from: 'draft', to: 'open', roles: ['admin'] },
  { from: 'open', to: 'review', roles: ['admin', 'system'] },
  { from: 'review', to: 'results_announced', roles: ['admin', 'system'] },
  { from: 'results_announced', to: 'archived', roles: ['admin', 'system'] },
  { from: 'draft', to: 'cancelled', roles: ['admin'] },
  { from: 'open', to: 'cancelled', roles: ['admin'] },
];

/** Marks a column to be set to the database clock, e.g. `set: { publishedAt: DB_NOW }`. */
export const DB_NOW = Symbol('db-now');

export interface CompetitionTransitionRequest {
  competitionId: string;
  to: CompetitionStatus;
  actor: Actor | 'system';
  /** Other columns written by the same guarded UPDATE (published_at, cancel_reason, …). */
  set?: Partial<Record<keyof Competition, unknown>>;
}

/**
 * The one function that writes a competition's status: a guarded UPDATE from the statuses the
 * table allows, with a version bump, in the caller's transaction. Anything else is 409 INVALID_TRANSITION.
 */
export async function applyCompetitionTransition(
  manager: EntityManager,
  request: CompetitionTransitionRequest,
): Promise<{ previous: CompetitionStatus }> {
  const role: ActorRole = request.actor === 'system' ? 'system' : request.actor.role;
  const allowedFrom = COMPETITION_TRANSITIONS.filter((t) => t.to === request.to && t.roles.includes(role)).map(
    (t) => t.from,
  );
  const params: unknown[] = [request.competitionId, request.to, allowedFrom];
  const sets = ['status = $2', 'version = version + 1', 'updated_at = now()'];
  for (const [key, value] of Object.entries(request.set ?? {})) {
    if (value === DB_NOW) {
      sets.push(`${snakeCase(key)} = now()`);
      continue;
    }
    params.push(value);
    sets.push(`${snakeCase(key)} = $${params.length}`);
  }
  const [rows] = (await manager.query(
    `UPDATE competitions c SET ${sets.join(', ')}
     FROM (SELECT id, status AS previous FROM competitions WHERE id = $1 FOR UPDATE) p
     WHERE c.id = p.id AND p.previous = ANY($3::varchar[])
     RETURNING p.previous`,
    params,
  )) as [Array<{ previous: CompetitionStatus }>, number];
  if (!rows?.length) {
    const current = await manager.findOne(Competition, { where: { id: request.competitionId } });
    if (!current) throw notFound('Competition');
    throw new DomainError(
      'INVALID_TRANSITION',
      `Конкурс в статусе ${current.status} нельзя перевести в статус ${request.to}`,
      {
        from: current.status,
        to: request.to,
      },
    );
  }
  return { previous: rows[0].previous };
}
