import { EntityManager } from 'typeorm';
import { snakeCase } from '@grants/database';
import { DB_NOW } from '../competitions/competition.state-machine';
import { OutboxMessage, OutboxService } from '../notifications/outbox.service';
import { DomainError, notFound } from '../shared/domain-error';
import { Actor, Role } from '../shared/roles';
import { ReportStatus } from './grant-report.entity';

export interface ReportTransition {
  from: ReportStatus;
  to: ReportStatus;
  roles: Role[];
}

/**
 * The report lifecycle of API.md as data: the NGO drafts (saving again keeps a draft; saving a returned
 * report makes it a draft again) and submits, the Resource Center accepts or returns, a returned report
 * is submitted again.
 */
export const REPORT_TRANSITIONS: readonly ReportTransition[] = [
  { from: 'pending', to: 'draft', roles: ['applicant'] },
  { from: 'draft', to: 'draft', roles: ['applicant'] },
  { from: 'returned', to: 'draft', roles: ['applicant'] },
  { from: 'draft', to: 'submitted', roles: ['applicant'] },
  { from: 'returned', to: 'submitted', roles: ['applicant'] },
  { from: 'submitted', to: 'accepted', roles: ['admin', 'consultant'] },
  { from: 'submitted', to: 'returned', roles: ['admin', 'consultant'] },
];

export interface ReportTransitionRequest {
  reportId: string;
  to: ReportStatus;
  actor: Actor;
  comment?: string | null;
  /** Other columns written in the same guarded UPDATE (content, submission and review fields). */
  set?: Record<string, unknown>;
  notifications?: OutboxMessage[];
}

const JSON_COLUMNS = new Set(['results', 'expenditures']);

/**
 * The one function that writes a report's status: a guarded UPDATE from the statuses the table allows,
 * a history row when the status changes (a draft saved again is no event), and the outbox rows, in the
 * caller's transaction. Returns the previous status; a step the table does not allow is `409`.
 */
export async function applyReportTransition(
  manager: EntityManager,
  outbox: OutboxService,
  request: ReportTransitionRequest,
): Promise<ReportStatus> {
  const allowedFrom = REPORT_TRANSITIONS.filter((t) => t.to === request.to && t.roles.includes(request.actor.role)).map(
    (t) => t.from,
  );
  const params: unknown[] = [request.reportId, request.to, allowedFrom, request.actor.id, request.actor.role];
  params.push(request.comment ?? null);
  const sets = ['status = $2', 'version = version + 1', 'updated_at = now()'];
  for (const [key, value] of Object.entries(request.set ?? {})) {
    if (value === DB_NOW) {
      sets.push(`${snakeCase(key)} = now()`);
      continue;
    }
    params.push(JSON_COLUMNS.has(key) ? JSON.stringify(value) : value);
    sets.push(`${snakeCase(key)} = $${params.length}${JSON_COLUMNS.has(key) ? '::jsonb' : ''}`);
  }
  const rows: Array<{ previous: ReportStatus }> = await manager.query(
    `WITH p AS (SELECT id, grant_id, code, status AS previous FROM grant_reports WHERE id = $1 FOR UPDATE),
     u AS (
       UPDATE grant_reports r SET ${sets.join(', ')}
       FROM p WHERE r.id = p.id AND p.previous = ANY($3::varchar[])
       RETURNING p.previous, p.grant_id, p.code
     ),
     e AS (
       INSERT INTO grant_events (grant_id, report_code, from_status, to_status, actor_id, actor_role, comment)
       SELECT u.grant_id, u.code, u.previous, $2, $4::uuid, $5, $6::text FROM u WHERE u.previous <> $2
     )
     SELECT previous FROM u`,
    params,
  );
  if (!rows.length) {
    const [current]: Array<{ status: ReportStatus }> = await manager.query(
      `SELECT status FROM grant_reports WHERE id = $1`,
      [request.reportId],
    );
    if (!current) throw notFound('Report');
    throw new DomainError('INVALID_TRANSITION', `A ${current.status} report cannot become ${request.to}`, {
      from: current.status,
      to: request.to,
    });
  }
  if (request.notifications?.length) await outbox.write(manager, request.notifications);
  return rows[0].previous;
}
