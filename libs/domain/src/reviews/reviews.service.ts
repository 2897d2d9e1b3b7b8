import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { isUniqueViolation } from '@grants/database';
import { Application } from '../applications/application.entity';
import { applyApplicationTransition } from '../applications/application.state-machine';
import { Competition } from '../competitions/competition.entity';
import { OutboxMessage, OutboxService } from '../notifications/outbox.service';
import { applicationRef } from '../applications/applicants';
import { Organization } from '../organizations/organization.entity';
import { DomainError, notFound } from '../shared/domain-error';
import { Page, pageOf } from '../shared/pagination';
import { Actor } from '../shared/roles';
import { DeclareConflictDto, DeclineReviewDto, ReviewListQuery, SaveReviewDto } from './dto/review.dto';
import {
  ApplicationReviewItem,
  ApplicationReviewsResponse,
  ConflictResponse,
  DeclaredConflictResponse,
  ReviewListItem,
  ReviewResponse,
} from './dto/review.response';
import { ExpertConflict } from './expert-conflict.entity';
import { Review } from './review.entity';
import {
  assertComplete,
  formatHundredths,
  reviewRequirement,
  toHundredths,
  totalOf,
  validateScores,
} from './review-scoring';
import { applyReviewTransition } from './review.state-machine';

const points = (value: string | null): number | null => (value === null ? null : Number(value));

export function toReviewResponse(r: Review): ReviewResponse {
  return {
    id: r.id,
    applicationId: r.applicationId,
    competitionId: r.competitionId,
    expertId: r.expertId,
    status: r.status,
    scores: r.scores,
    comment: r.comment,
    total: points(r.total),
    isExtra: r.isExtra,
    dueAt: r.dueAt.toISOString(),
    assignedAt: r.assignedAt.toISOString(),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    declineReason: r.declineReason,
  };
}

/** Statuses in which an announced competition shows reviews to applicants. */
const ANNOUNCED = ['results_announced', 'archived'];

/** What an expert does with its own reviews, and who may read reviews. */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async list(actor: Actor, q: ReviewListQuery): Promise<Page<ReviewListItem>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => (
      params.push(value),
      where.push(sql.replace('?', `$${params.length}`))
    );
    if (actor.role === 'expert') add('r.expert_id = ?', actor.id);
    if (q.competitionId) add('r.competition_id = ?', q.competitionId);
    if (q.status) add('r.status = ?', q.status);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM reviews r ${filter}`, params);
    const rows: Array<Record<string, any>> = await this.dataSource.query(
      `SELECT r.id, r.application_id, r.competition_id, r.status, r.due_at, a.registration_number, a.title
       FROM reviews r JOIN applications a ON a.id = r.application_id ${filter}
       ORDER BY r.due_at, a.registration_number, r.id
       LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    return pageOf(
      rows.map((r) => ({
        id: r.id,
        applicationId: r.application_id,
        competitionId: r.competition_id,
        registrationNumber: r.registration_number,
        title: r.title,
        status: r.status,
        dueAt: new Date(r.due_at).toISOString(),
      })),
      count,
      q,
    );
  }

  async get(actor: Actor, id: string): Promise<ReviewResponse> {
    const review = await this.dataSource.manager.findOne(Review, {
      where: actor.role === 'admin' ? { id } : { id, expertId: actor.id },
    });
    if (!review) throw notFound('Review');
    return toReviewResponse(review);
  }

  /** Saves a draft: scores replace the previous draft's, the comment only when sent. */
  async save(actor: Actor, id: string, dto: SaveReviewDto): Promise<ReviewResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { competition } = await this.lockOwn(manager, actor, id);
      const scores = validateScores(dto.scores, competition.criteria);
      const review = await applyReviewTransition(manager, {
        reviewId: id,
        to: 'in_progress',
        set: {
          scores,
          total: formatHundredths(totalOf(scores, competition.criteria)),
          ...(dto.comment !== undefined ? { comment: dto.comment } : {}),
        },
      });
      return toReviewResponse(review);
    });
  }

  /**
   * Submits a complete review. In the same transaction the application becomes `reviewed` once its
   * required reviews are in (one more when the first ones diverge) and gets the mean score.
   */
  async submit(actor: Actor, id: string): Promise<ReviewResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { competition, review, application } = await this.lockOwn(manager, actor, id);
      if (review.status === 'assigned' || review.status === 'in_progress')
        assertComplete(review.scores, competition.criteria);
      const submitted = await applyReviewTransition(manager, {
        reviewId: id,
        to: 'submitted',
        set: { total: formatHundredths(totalOf(review.scores, competition.criteria)), submittedAt: new Date() },
      });
      await this.settleApplication(manager, competition, application);
      return toReviewResponse(submitted);
    });
  }

  /** Declining is a declared conflict with the organization: it is never assigned to it again. */
  async decline(actor: Actor, id: string, dto: DeclineReviewDto): Promise<ReviewResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { application } = await this.lockOwn(manager, actor, id);
      const review = await applyReviewTransition(manager, {
        reviewId: id,
        to: 'declined',
        set: { declineReason: dto.reason },
      });
      await manager
        .createQueryBuilder()
        .insert()
        .into(ExpertConflict)
        .values({ expertId: actor.id, organizationId: application.organizationId, reason: dto.reason })
        .orIgnore()
        .execute();
      await this.tellAdminsDeclined(manager, [id], dto.reason);
      return toReviewResponse(review);
    });
  }

  /**
   * Declares a tie with an organization. The expert's unfinished reviews of that organization's
   * applications are declined in the same transaction, so the automatic assignment replaces them;
   * submitted reviews stay as they are.
   */
  async declareConflict(actor: Actor, dto: DeclareConflictDto): Promise<DeclaredConflictResponse> {
    const organization = await this.dataSource.manager.findOne(Organization, {
      where: dto.inn !== undefined ? { inn: dto.inn } : { id: dto.organizationId },
    });
    if (!organization) throw notFound('Organization');
    try {
      return await this.dataSource.transaction(async (manager) => {
        const saved = await manager.save(
          manager.create(ExpertConflict, {
            expertId: actor.id,
            organizationId: organization.id,
            reason: dto.reason,
          }),
        );
        const open: Array<{ id: string }> = await manager.query(
          `SELECT r.id FROM reviews r JOIN applications a ON a.id = r.application_id
           WHERE r.expert_id = $1 AND a.organization_id = $2 AND r.status IN ('assigned', 'in_progress') ORDER BY r.id`,
          [actor.id, organization.id],
        );
        for (const r of open)
          await applyReviewTransition(manager, { reviewId: r.id, to: 'declined', set: { declineReason: dto.reason } });
        await this.tellAdminsDeclined(
          manager,
          open.map((r) => r.id),
          dto.reason,
        );
        return { ...toConflictResponse(saved, organization), declinedReviewIds: open.map((r) => r.id) };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_expert_conflicts'))
        throw new DomainError('CONFLICT', 'A conflict with this organization is already declared');
      throw error;
    }
  }

  async listConflicts(actor: Actor, q: { page: number; pageSize: number }): Promise<Page<ConflictResponse>> {
    const [rows, total] = await this.dataSource.manager.findAndCount(ExpertConflict, {
      where: { expertId: actor.id },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    const organizations = rows.length
      ? await this.dataSource.manager.find(Organization, { where: { id: In(rows.map((r) => r.organizationId)) } })
      : [];
    const byId = new Map(organizations.map((o) => [o.id, o]));
    return pageOf(
      rows.map((r) => toConflictResponse(r, byId.get(r.organizationId)!)),
      total,
      q,
    );
  }

  /**
   * Admins see every review of an application with its expert. The owner sees, only after the
   * results are announced, the submitted reviews as "Эксперт 1", "Эксперт 2" in submission order,
   * with nothing that identifies the expert. Anyone else gets a 404.
   */
  async forApplication(actor: Actor, applicationId: string): Promise<ApplicationReviewsResponse> {
    const application = await this.dataSource.manager.findOne(Application, { where: { id: applicationId } });
    if (!application) throw notFound('Application');
    const isAdmin = actor.role === 'admin';
    if (!isAdmin) {
      const competition = await this.dataSource.manager.findOne(Competition, {
        where: { id: application.competitionId },
      });
      const owner = actor.role === 'applicant' && actor.organizationId === application.organizationId;
      if (!owner || !competition || !ANNOUNCED.includes(competition.status)) throw notFound('Application');
    }
    const reviews = await this.dataSource.manager
      .createQueryBuilder(Review, 'r')
      .where('r.application_id = :applicationId', { applicationId })
      .andWhere(isAdmin ? '1 = 1' : `r.status = 'submitted'`)
      .orderBy('r.submitted_at', 'ASC', 'NULLS LAST')
      .addOrderBy('r.assigned_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
    let n = 0;
    const items: ApplicationReviewItem[] = reviews.map((r) => ({
      expertLabel: r.status === 'submitted' ? `Эксперт ${++n}` : `Эксперт (${r.status})`,
      scores: r.scores,
      total: points(r.total),
      comment: r.comment,
      ...(isAdmin ? { expertId: r.expertId, status: r.status } : {}),
    }));
    return { items };
  }

  /**
   * Loads the caller's review with the rows its change depends on: the competition share-locked
   * (an announcement takes it exclusively, so a submission and an announcement never interleave)
   * and the application locked (two submissions of one application settle it one after the other).
   */
  /** A declined review leaves its application short of an expert: every admin is told, in the same transaction. */
  private async tellAdminsDeclined(manager: EntityManager, reviewIds: string[], reason: string) {
    if (!reviewIds.length) return;
    const rows: Array<{
      review_id: string;
      application_id: string;
      registration_number: string;
      expert_name: string;
      admin_id: string;
    }> = await manager.query(
      `SELECT r.id AS review_id, r.application_id, a.registration_number, e.full_name AS expert_name, adm.id AS admin_id
       FROM reviews r JOIN applications a ON a.id = r.application_id JOIN users e ON e.id = r.expert_id
       CROSS JOIN users adm
       WHERE r.id = ANY($1::uuid[]) AND adm.role = 'admin'
       ORDER BY r.id, adm.id`,
      [reviewIds],
    );
    const refs = new Map<string, Awaited<ReturnType<typeof applicationRef>>>();
    const messages: OutboxMessage[] = [];
    for (const row of rows) {
      if (!refs.has(row.application_id))
        refs.set(row.application_id, await applicationRef(manager, row.application_id));
      messages.push({
        userId: row.admin_id,
        template: 'review.declined',
        payload: {
          ...refs.get(row.application_id)!,
          reviewId: row.review_id,
          registrationNumber: row.registration_number,
          expertName: row.expert_name,
          reason,
        },
        dedupeKey: `review.declined:${row.review_id}:${row.admin_id}`,
      });
    }
    await this.outbox.write(manager, messages);
  }

  private async lockOwn(manager: EntityManager, actor: Actor, id: string) {
    const found = await manager.findOne(Review, { where: { id, expertId: actor.id } });
    if (!found) throw notFound('Review');
    const competition = await manager
      .createQueryBuilder(Competition, 'c')
      .setLock('pessimistic_read')
      .where('c.id = :id', { id: found.competitionId })
      .getOneOrFail();
    if (competition.status !== 'review')
      throw new DomainError('INVALID_TRANSITION', 'Reviews of this competition are closed', {
        competitionStatus: competition.status,
      });
    const application = await manager
      .createQueryBuilder(Application, 'a')
      .setLock('pessimistic_write')
      .where('a.id = :id', { id: found.applicationId })
      .getOneOrFail();
    if (application.status !== 'under_review' && application.status !== 'reviewed')
      throw new DomainError('INVALID_TRANSITION', `The application is ${application.status}; its reviews are closed`, {
        applicationStatus: application.status,
      });
    const review = await manager.findOneOrFail(Review, { where: { id } });
    return { competition, application, review };
  }

  /** Moves the application to `reviewed` when its required reviews are in; keeps its score current after that. */
  private async settleApplication(manager: EntityManager, competition: Competition, application: Application) {
    const totals: Array<{ total: string }> = await manager.query(
      `SELECT total FROM reviews WHERE application_id = $1 AND status = 'submitted' ORDER BY submitted_at, id`,
      [application.id],
    );
    const requirement = reviewRequirement(
      totals.map((t) => toHundredths(t.total)),
      competition,
    );
    const score = requirement.score === null ? null : formatHundredths(requirement.score);
    if (application.status === 'under_review' && requirement.complete) {
      await applyApplicationTransition(manager, this.outbox, {
        applicationId: application.id,
        to: 'reviewed',
        actor: 'system',
        from: ['under_review'],
        reason: requirement.divergent ? 'Все экспертизы получены, включая дополнительную' : 'Все экспертизы получены',
        set: { score },
      });
    } else if (application.status === 'reviewed') {
      // A review beyond the required ones (e.g. assigned by hand) still counts in the mean.
      await manager.query(
        `UPDATE applications SET score = $2, updated_at = now() WHERE id = $1 AND status = 'reviewed'`,
        [application.id, score],
      );
    }
  }
}

/** The organization is named: the expert declared it, by id from an assignment or by its INN. */
function toConflictResponse(c: ExpertConflict, o: Organization): ConflictResponse {
  return {
    id: c.id,
    organizationId: c.organizationId,
    organizationName: o.shortName ?? o.fullName,
    inn: o.inn,
    reason: c.reason,
    createdAt: c.createdAt.toISOString(),
  };
}
