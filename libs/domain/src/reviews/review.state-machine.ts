import { EntityManager } from 'typeorm';
import { DomainError, notFound } from '../shared/domain-error';
import { Review, ReviewStatus } from './review.entity';

export interface ReviewTransition {
  from: ReviewStatus;
  to: ReviewStatus;
}

/**
 * The review lifecycle of SPEC.md as data. Only the assigned expert takes these steps (the
 * service checks ownership); saving scores again keeps a draft in_progress.
 */
export const REVIEW_TRANSITIONS: readonly ReviewTransition[] = [
  { from: 'assigned', to: 'in_progress' },
  { from: 'in_progress', to: 'in_progress' },
  { from: 'in_progress', to: 'submitted' },
  { from: 'assigned', to: 'declined' },
  { from: 'in_progress', to: 'declined' },
];

export interface ReviewTransitionRequest {
  reviewId: string;
  to: ReviewStatus;
  /** Other columns written in the same guarded UPDATE. */
  set?: Partial<Pick<Review, 'scores' | 'comment' | 'total' | 'declineReason' | 'submittedAt'>>;
}

const COLUMNS: Record<string, string> = {
  scores: 'scores',
  comment: 'comment',
  total: 'total',
  declineReason: 'decline_reason',
  submittedAt: 'submitted_at',
};

/**
 * The one function that writes a review's status: a guarded UPDATE on the allowed previous
 * statuses, in the caller's transaction. A step the table does not allow, or a status changed
 * meanwhile, is `409 INVALID_TRANSITION`.
 */
export async function applyReviewTransition(manager: EntityManager, request: ReviewTransitionRequest): Promise<Review> {
  const allowedFrom = REVIEW_TRANSITIONS.filter((t) => t.to === request.to).map((t) => t.from);
  const params: unknown[] = [request.reviewId, request.to, allowedFrom];
  const sets = ['status = $2', 'version = version + 1'];
  for (const [key, value] of Object.entries(request.set ?? {})) {
    params.push(key === 'scores' ? JSON.stringify(value) : value);
    sets.push(`${COLUMNS[key]} = $${params.length}`);
  }
  const [rows] = (await manager.query(
    `UPDATE reviews SET ${sets.join(', ')} WHERE id = $1 AND status = ANY($3::varchar[]) RETURNING id`,
    params,
  )) as [Array<{ id: string }>, number];
  if (!rows?.length) {
    const current = await manager.findOne(Review, { where: { id: request.reviewId } });
    if (!current) throw notFound('Review');
    throw new DomainError('INVALID_TRANSITION', `A ${current.status} review cannot become ${request.to}`, {
      from: current.status,
      to: request.to,
    });
  }
  return manager.findOneOrFail(Review, { where: { id: request.reviewId } });
}
