import { EntityManager } from 'typeorm';
import { preparedQuery, snakeCase } from '@grants/database';
import { OutboxMessage, OutboxService, SqlParams } from '../notifications/outbox.service';
import { DomainError, notFound } from '../shared/domain-error';
import { Actor, Role } from '../shared/roles';
import { Application, ApplicationStatus } from './application.entity';

export type TransitionActor = Actor | 'system';
type ActorRole = Role | 'system';

export interface ApplicationTransition {
  from: ApplicationStatus;
  to: ApplicationStatus;
  roles: ActorRole[];
}

/** The application lifecycle of SPEC.md as data: which status may follow which, and who may take the step. */
export const APPLICATION_TRANSITIONS: readonly ApplicationTransition[] = [
  { from: 'draft', to: 'submitted', roles: ['applicant'] },
  { from: 'draft', to: 'withdrawn', roles: ['applicant', 'system'] },
  { from: 'submitted', to: 'withdrawn', roles: ['applicant', 'system'] },
  { from: 'draft', to: 'not_submitted', roles: ['system', 'admin'] },
  { from: 'submitted', to: 'under_review', roles: ['system', 'admin'] },
  { from: 'submitted', to: 'ineligible', roles: ['admin'] },
  { from: 'under_review', to: 'ineligible', roles: ['admin'] },
  { from: 'under_review', to: 'reviewed', roles: ['system', 'expert', 'admin'] },
  { from: 'reviewed', to: 'under_review', roles: ['system', 'admin'] },
  { from: 'reviewed', to: 'awarded', roles: ['admin', 'system'] },
  { from: 'reviewed', to: 'not_awarded', roles: ['admin', 'system'] },
];

export function findTransition(from: ApplicationStatus, to: ApplicationStatus, role: ActorRole) {
  return APPLICATION_TRANSITIONS.find((t) => t.from === from && t.to === to && t.roles.includes(role));
}

export interface TransitionRequest {
  applicationId: string;
  to: ApplicationStatus;
  actor: TransitionActor;
  /** Allowed current statuses; defaults to every status the table allows for `to` and the actor. */
  from?: ApplicationStatus[];
  reason?: string | null;
  /** Other columns changed in the same guarded UPDATE (e.g. registration number, awarded amount). */
  set?: Partial<Record<keyof Application, unknown>>;
  /** Outbox rows caused by this transition. */
  notifications?: OutboxMessage[];
  /**
   * Another row written by the same statement, only when the transition happens: an
   * `INSERT … SELECT … FROM u` (`u` is the updated application, one row), its values from `params`.
   */
  alsoInsert?: (params: SqlParams) => string;
  /**
   * A further condition of the step, SQL on `a` (the application row, locked) with its values from `params`:
   * when the status allows the step but this is false, nothing is written and `stale()` is thrown instead
   * of `409 INVALID_TRANSITION` (e.g. what the caller read before its lock has changed since).
   */
  still?: { condition: (params: SqlParams) => string; stale: () => Error };
}

/**
 * The one function that writes an application's status: a guarded
 * `UPDATE … WHERE id = :id AND status IN (:from)` with a version bump, an application_events row and
 * the notifications' outbox rows, all in the caller's transaction. Returns the previous status. A step the table does not allow,
 * or a status that changed meanwhile, is `409 INVALID_TRANSITION`.
 */
export async function applyApplicationTransition(
  manager: EntityManager,
  outbox: OutboxService,
  request: TransitionRequest,
): Promise<ApplicationStatus> {
  const role: ActorRole = request.actor === 'system' ? 'system' : request.actor.role;
  const allowedFrom = APPLICATION_TRANSITIONS.filter(
    (t) => t.to === request.to && t.roles.includes(role) && (!request.from || request.from.includes(t.from)),
  ).map((t) => t.from);

  const params = new SqlParams();
  const [id, to, from, actorId, actorRole, reason] = [
    request.applicationId,
    request.to,
    allowedFrom,
    request.actor === 'system' ? null : request.actor.id,
    role,
    request.reason ?? null,
  ].map((v) => params.add(v));
  const sets = [`status = ${to}`, 'version = version + 1', 'updated_at = now()'];
  for (const [key, value] of Object.entries(request.set ?? {})) sets.push(`${snakeCase(key)} = ${params.add(value)}`);
  const still = request.still ? ` AND (${request.still.condition(params)})` : '';
  const ctes = [
    `p AS (SELECT id, status AS previous FROM applications WHERE id = ${id} FOR UPDATE)`,
    `u AS (
       UPDATE applications a SET ${sets.join(', ')}
       FROM p WHERE a.id = p.id AND p.previous = ANY(${from}::varchar[])${still}
       RETURNING p.previous
     )`,
    `e AS (
       INSERT INTO application_events (application_id, from_status, to_status, actor_id, actor_role, reason)
       SELECT ${id}, u.previous, ${to}, ${actorId}::uuid, ${actorRole}, ${reason}::text FROM u
     )`,
  ];
  // The mails, and any other row of this step, in the same statement, written only if the update was.
  let mails = '0';
  if (request.notifications?.length) {
    const outboxed = outbox.writeCtes(request.notifications, params, 'EXISTS (SELECT 1 FROM u)');
    ctes.push(...outboxed.ctes);
    mails = outboxed.inserted;
  }
  if (request.alsoInsert) ctes.push(`also AS (${request.alsoInsert(params)})`);
  // One round trip: lock, guarded update, history row, mails.
  const rows = await preparedQuery<{ previous: ApplicationStatus; mails: number }>(
    manager,
    `WITH ${ctes.join(',\n')} SELECT u.previous, ${mails} AS mails FROM u`,
    params.values,
  );

  if (!rows.length) {
    const current = await manager.findOne(Application, { where: { id: request.applicationId } });
    if (!current) throw notFound('Application');
    if (request.still && allowedFrom.includes(current.status)) throw request.still.stale();
    throw new DomainError(
      'INVALID_TRANSITION',
      `An application in status ${current.status} cannot become ${request.to}`,
      {
        from: current.status,
        to: request.to,
      },
    );
  }
  outbox.written(manager, rows[0].mails);
  return rows[0].previous;
}
