import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { isUniqueViolation } from '@grants/database';
import { Application } from '../applications/application.entity';
import { AuditService } from '../audit/audit.service';
import { Competition } from '../competitions/competition.entity';
import { User } from '../identity/user.entity';
import { OutboxMessage, OutboxService } from '../notifications/outbox.service';
import { DomainError, invalid, notFound } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import { AssignmentDto } from './dto/review.dto';
import { AutoAssignmentResponse, ReviewResponse } from './dto/review.response';
import { ExpertConflict } from './expert-conflict.entity';
import { Review } from './review.entity';
import { reviewRequirement, toHundredths } from './review-scoring';
import { toReviewResponse } from './reviews.service';

interface Slot {
  application: Application & { organizationName: string };
  isExtra: boolean;
}

/** Gives applications their experts, by hand or automatically. */
@Injectable()
export class AssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async assign(
    actor: Actor,
    competitionId: string,
    dto: AssignmentDto,
  ): Promise<ReviewResponse | AutoAssignmentResponse> {
    if (dto.auto === true) {
      if (dto.applicationId !== undefined || dto.expertId !== undefined)
        throw invalid('auto cannot be combined with applicationId or expertId');
      return this.assignAutomatically(actor, competitionId);
    }
    return this.assignByHand(actor, competitionId, dto.applicationId!, dto.expertId!);
  }

  async assignByHand(
    actor: Actor,
    competitionId: string,
    applicationId: string,
    expertId: string,
  ): Promise<ReviewResponse> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const competition = await this.lockCompetition(manager, competitionId, 'pessimistic_read');
        const application = await manager
          .createQueryBuilder(Application, 'a')
          .setLock('pessimistic_write')
          .where('a.id = :applicationId AND a.competition_id = :competitionId', { applicationId, competitionId })
          .getOne();
        if (!application) throw notFound('Application');
        if (application.status !== 'under_review')
          throw new DomainError(
            'INVALID_TRANSITION',
            `Only an application under review gets experts; this one is ${application.status}`,
          );
        const expert = await manager.findOne(User, { where: { id: expertId, role: 'expert' } });
        if (!expert) throw notFound('Expert');
        if (await manager.exists(ExpertConflict, { where: { expertId, organizationId: application.organizationId } }))
          throw new DomainError('CONFLICT_OF_INTEREST', 'The expert has a conflict of interest with this organization');
        if (await manager.exists(Review, { where: { applicationId, expertId } })) throw alreadyAssigned();
        const active = await manager.count(Review, { where: { applicationId, status: activeStatuses() } });
        const [review] = await this.create(
          manager,
          competition,
          [
            {
              application: { ...application, organizationName: await this.organizationName(manager, application) },
              isExtra: active >= competition.expertsPerApplication,
            },
          ],
          [expertId],
        );
        await this.audit.record(manager, actor, 'review.assign', `review:${review.id}`, { applicationId, expertId });
        return toReviewResponse(review);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_reviews_application_expert')) throw alreadyAssigned();
      throw error;
    }
  }

  /**
   * Fills every under_review application up to its required number of active reviews: the base
   * expertsPerApplication, replacements for declined reviews, and one extra expert where the first
   * reviews diverge. Experts are taken least-loaded first (active reviews in this competition), ties
   * by id, so the same input always gives the same assignment. The competition row is locked, so
   * two runs never assign the same slot twice.
   */
  async assignAutomatically(actor: Actor, competitionId: string): Promise<AutoAssignmentResponse> {
    return this.dataSource.transaction(async (manager) => {
      const competition = await this.lockCompetition(manager, competitionId, 'pessimistic_write');
      const applications: Array<Application & { organizationName: string }> = (
        await manager.query(
          `SELECT a.id, a.organization_id, a.title, a.registration_number, o.full_name AS organization_name
           FROM applications a JOIN organizations o ON o.id = a.organization_id
           WHERE a.competition_id = $1 AND a.status = 'under_review'
           ORDER BY a.submitted_at, a.id`,
          [competitionId],
        )
      ).map(
        (r: Record<string, string>) =>
          ({
            id: r.id,
            organizationId: r.organization_id,
            title: r.title,
            registrationNumber: r.registration_number,
            organizationName: r.organization_name,
          }) as Slot['application'],
      );
      const reviews: Array<{ application_id: string; expert_id: string; status: string; total: string | null }> =
        await manager.query(
          `SELECT application_id, expert_id, status, total FROM reviews WHERE competition_id = $1 ORDER BY submitted_at NULLS LAST, id`,
          [competitionId],
        );
      const experts: Array<{ id: string }> = await manager.query(
        `SELECT id FROM users WHERE role = 'expert' ORDER BY id`,
      );
      const conflicts: Array<{ expert_id: string; organization_id: string }> = await manager.query(
        `SELECT expert_id, organization_id FROM expert_conflicts`,
      );
      const conflicted = new Set(conflicts.map((c) => `${c.expert_id}:${c.organization_id}`));
      const load = new Map(experts.map((e) => [e.id, 0]));
      for (const r of reviews) if (r.status !== 'declined') load.set(r.expert_id, (load.get(r.expert_id) ?? 0) + 1);

      const slots: Slot[] = [];
      const chosen: string[] = [];
      let unfilled = 0;
      for (const application of applications) {
        const own = reviews.filter((r) => r.application_id === application.id);
        const active = own.filter((r) => r.status !== 'declined').length;
        const totals = own.filter((r) => r.status === 'submitted').map((r) => toHundredths(r.total!));
        const { required } = reviewRequirement(totals, competition);
        const taken = new Set(own.map((r) => r.expert_id));
        for (let slot = active; slot < required; slot++) {
          const expert = experts
            .map((e) => e.id)
            .filter((id) => !taken.has(id) && !conflicted.has(`${id}:${application.organizationId}`))
            .sort((a, b) => load.get(a)! - load.get(b)! || (a < b ? -1 : a > b ? 1 : 0))[0];
          if (!expert) {
            unfilled += required - slot;
            break;
          }
          taken.add(expert);
          load.set(expert, load.get(expert)! + 1);
          slots.push({ application, isExtra: slot >= competition.expertsPerApplication });
          chosen.push(expert);
        }
      }
      await this.create(manager, competition, slots, chosen);
      await this.audit.record(manager, actor, 'review.assign_auto', `competition:${competitionId}`, {
        created: slots.length,
        unfilled,
      });
      return { created: slots.length, unfilled };
    });
  }

  private async lockCompetition(manager: EntityManager, id: string, lock: 'pessimistic_read' | 'pessimistic_write') {
    const competition = await manager
      .createQueryBuilder(Competition, 'c')
      .setLock(lock)
      .where('c.id = :id', { id })
      .getOne();
    if (!competition) throw notFound('Competition');
    if (competition.status !== 'review')
      throw new DomainError(
        'INVALID_TRANSITION',
        `Experts are assigned while the competition is in review; it is ${competition.status}`,
      );
    return competition;
  }

  private async organizationName(manager: EntityManager, application: Application): Promise<string> {
    const [row] = await manager.query(`SELECT full_name FROM organizations WHERE id = $1`, [
      application.organizationId,
    ]);
    return row.full_name;
  }

  /** Inserts the reviews (due at the review deadline) and their review.assigned mails. */
  private async create(
    manager: EntityManager,
    competition: Competition,
    slots: Slot[],
    experts: string[],
  ): Promise<Review[]> {
    if (!slots.length) return [];
    const result = await manager.insert(
      Review,
      slots.map((s, i) => ({
        applicationId: s.application.id,
        competitionId: competition.id,
        expertId: experts[i],
        status: 'assigned' as const,
        scores: {},
        isExtra: s.isExtra,
        dueAt: competition.reviewDeadline,
      })),
    );
    const ids = result.identifiers.map((x) => x.id as string);
    const reviews = await manager.find(Review, { where: { id: In(ids) } });
    const byId = new Map(reviews.map((r) => [r.id, r]));
    const messages: OutboxMessage[] = slots.map((s, i) => ({
      userId: experts[i],
      template: 'review.assigned',
      payload: {
        competitionId: competition.id,
        competitionTitle: competition.title,
        timezone: competition.timezone,
        applicationId: s.application.id,
        applicationTitle: s.application.title,
        organizationName: s.application.organizationName,
        reviewId: ids[i],
        registrationNumber: s.application.registrationNumber ?? '',
        dueAt: competition.reviewDeadline.toISOString(),
      },
      dedupeKey: `review.assigned:${ids[i]}`,
    }));
    await this.outbox.write(manager, messages);
    return ids.map((id) => byId.get(id)!);
  }
}

const alreadyAssigned = () => new DomainError('CONFLICT', 'This expert is already assigned to this application');

function activeStatuses() {
  return In(['assigned', 'in_progress', 'submitted']);
}
