import { EntityManager } from 'typeorm';
import { snakeCase } from '@grants/database';
import { DomainError, notFound } from '../shared/domain-error';
import { DB_NOW } from '../competitions/competition.state-machine';
import { Actor, Role } from '../shared/roles';
import { Consultation, ConsultationStatus } from './consultation.entity';

export interface ConsultationTransition {
  from: ConsultationStatus;
  to: ConsultationStatus;
  roles: Role[];
}

/** A consultation is taken by one consultant, then completed by that same consultant. */
export const CONSULTATION_TRANSITIONS: readonly ConsultationTransition[] = [
  { from: 'requested', to: 'in_progress', roles: ['consultant'] },
  { from: 'in_progress', to: 'completed', roles: ['consultant'] },
];

/**
 * Guarded UPDATE from the allowed status (and, for completion, only by the consultant who took it),
 * in the caller's transaction. The loser of a race learns why: ALREADY_TAKEN or INVALID_TRANSITION.
 */
export async function applyConsultationTransition(
  manager: EntityManager,
  request: { consultationId: string; to: ConsultationStatus; actor: Actor; set?: Record<string, unknown> },
): Promise<Consultation> {
  const from = CONSULTATION_TRANSITIONS.filter((t) => t.to === request.to && t.roles.includes(request.actor.role)).map(
    (t) => t.from,
  );
  const params: unknown[] = [request.consultationId, request.to, from];
  const sets = ['status = $2', 'version = version + 1'];
  for (const [key, value] of Object.entries(request.set ?? {})) {
    if (value === DB_NOW) {
      sets.push(`${snakeCase(key)} = now()`);
      continue;
    }
    params.push(key === 'remarks' ? JSON.stringify(value) : value);
    sets.push(`${snakeCase(key)} = $${params.length}`);
  }
  params.push(request.actor.id);
  const ownerGuard = request.to === 'in_progress' ? '' : `AND consultant_id = $${params.length}`;
  if (!ownerGuard) sets.push(`consultant_id = $${params.length}`);
  const [rows] = (await manager.query(
    `UPDATE consultations SET ${sets.join(', ')} WHERE id = $1 AND status = ANY($3::varchar[]) ${ownerGuard} RETURNING id`,
    params,
  )) as [Array<{ id: string }>, number];
  if (!rows?.length) {
    const current = await manager.findOne(Consultation, { where: { id: request.consultationId } });
    if (!current) throw notFound('Consultation');
    if (current.consultantId && current.consultantId !== request.actor.id) {
      throw new DomainError('ALREADY_TAKEN', 'Консультацию уже взял в работу другой консультант', {
        status: current.status,
      });
    }
    throw new DomainError(
      'INVALID_TRANSITION',
      `Консультация в статусе ${current.status} не может перейти в статус ${request.to}`,
      {
        from: current.status,
        to: request.to,
      },
    );
  }
  return manager.findOneOrFail(Consultation, { where: { id: request.consultationId } });
}
