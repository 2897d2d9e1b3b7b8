import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JobName, JobQueue, withinTimeout } from '@grants/queue';
import { applicantsByOrganization } from '../applications/applicants';
import { applyApplicationTransition } from '../applications/application.state-machine';
import { AuditService } from '../audit/audit.service';
import { GrantsService } from '../grants/grants.service';
import { Competition } from '../competitions/competition.entity';
import { applyCompetitionTransition, DB_NOW } from '../competitions/competition.state-machine';
import { OutboxMessage, OutboxService } from '../notifications/outbox.service';
import { toHundredths } from '../reviews/review-scoring';
import { DomainError, invalid, notFound } from '../shared/domain-error';
import { addMoney, compareMoney, money, toKopecks } from '../shared/money';
import { Actor } from '../shared/roles';
import { AnnounceResultsDto } from './dto/awards.dto';
import {
  AnnouncementResponse,
  AwardProposalResponse,
  PublicResultsResponse,
  RankingResponse,
} from './dto/awards.response';
import { RankedApplication, RankingRepository } from './ranking.repository';

const ANNOUNCED = ['results_announced', 'archived'];
/** An enqueue must not hold the admin's response hostage to a Redis outage. */
const ENQUEUE_TIMEOUT_MS = 3000;

/** Ranking, the award proposal, the announcement of results and the public results. */
@Injectable()
export class AwardsService {
  private readonly logger = new Logger(AwardsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rankingRepository: RankingRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly grants: GrantsService,
  ) {}

  async ranking(competitionId: string): Promise<RankingResponse> {
    const ranked = await this.rankingRepository.rank(await this.competition(competitionId));
    return {
      items: ranked.map((r) => ({
        rank: r.rank,
        applicationId: r.applicationId,
        registrationNumber: r.registrationNumber,
        title: r.title,
        organizationName: r.organizationName,
        requestedAmount: r.requestedAmount,
        score: r.score,
        reviewsSubmitted: r.reviewsSubmitted,
        needsExtraReview: r.needsExtraReview,
        status: r.status,
      })),
    };
  }

  /**
   * Walks the ranking of reviewed applications and grants each its requested amount (capped at
   * maxGrantAmount) while the remaining budget covers it. It stops at the first application that
   * does not fit, or that scores below minScoreToAward, rather than skipping to cheaper projects
   * further down: a lower-ranked project is never funded over a higher-ranked one.
   */
  async proposal(competitionId: string): Promise<AwardProposalResponse> {
    const competition = await this.competition(competitionId);
    const ranked = (await this.rankingRepository.rank(competition)).filter((r) => r.status === 'reviewed');
    const minScore = competition.minScoreToAward === null ? null : toHundredths(competition.minScoreToAward);
    let remaining = toKopecks(competition.totalBudget);
    const items: AwardProposalResponse['items'] = [];
    for (const r of ranked) {
      if (minScore !== null && (r.score === null || toHundredths(String(r.score)) < minScore)) break;
      if (r.requestedAmount === null) continue;
      const amount =
        compareMoney(r.requestedAmount, competition.maxGrantAmount) > 0
          ? competition.maxGrantAmount
          : r.requestedAmount;
      if (toKopecks(amount) > remaining) break;
      remaining -= toKopecks(amount);
      items.push({ applicationId: r.applicationId, amount: money(amount) });
    }
    return { items, total: addMoney('0', ...items.map((i) => i.amount)) };
  }

  /**
   * The announcement, in one transaction holding the competition row exclusively (review
   * submissions share-lock it, so none interleaves): every `reviewed` application becomes awarded
   * or not_awarded with its mails, the competition becomes results_announced. Applications still
   * under review keep their status and get no decision; the response counts them as `pending`.
   */
  async announce(actor: Actor, competitionId: string, dto: AnnounceResultsDto): Promise<AnnouncementResponse> {
    const seen = new Set<string>();
    const duplicates = dto.awards.filter((a) =>
      seen.has(a.applicationId) ? true : (seen.add(a.applicationId), false),
    );
    if (duplicates.length)
      throw invalid(duplicates.map((d) => `awards: application ${d.applicationId} is listed twice`));

    const { result, year } = await this.dataSource.transaction(async (manager) => {
      const competition = await manager
        .createQueryBuilder(Competition, 'c')
        .setLock('pessimistic_write')
        .where('c.id = :id', { id: competitionId })
        .getOne();
      if (!competition) throw notFound('Competition');
      if (ANNOUNCED.includes(competition.status))
        throw new DomainError('ALREADY_ANNOUNCED', 'The results of this competition are already announced');
      if (competition.status !== 'review')
        throw new DomainError(
          'INVALID_TRANSITION',
          `Results are announced after review; the competition is ${competition.status}`,
        );

      const ranked = await this.rankingRepository.rank(competition, manager);
      const byId = new Map(ranked.map((r) => [r.applicationId, r]));
      const notReviewed = dto.awards
        .filter((a) => byId.get(a.applicationId)?.status !== 'reviewed')
        .map((a) => a.applicationId);
      if (notReviewed.length)
        throw new DomainError('NOT_REVIEWED', 'Only reviewed applications of this competition can be awarded', {
          applicationIds: notReviewed,
        });

      const amounts = new Map(dto.awards.map((a) => [a.applicationId, money(a.amount)]));
      const overRequested = dto.awards
        .filter((a) => {
          const requested = byId.get(a.applicationId)!.requestedAmount;
          const amount = amounts.get(a.applicationId)!;
          return (
            compareMoney(amount, competition.maxGrantAmount) > 0 ||
            (requested !== null && compareMoney(amount, requested) > 0)
          );
        })
        .map((a) => a.applicationId);
      if (overRequested.length)
        throw new DomainError('BUDGET_EXCEEDED', 'An award exceeds the requested amount or the maximum grant', {
          applicationIds: overRequested,
        });
      const totalAwarded = addMoney('0', ...amounts.values());
      if (compareMoney(totalAwarded, competition.totalBudget) > 0)
        throw new DomainError(
          'BUDGET_EXCEEDED',
          `Awards total ${totalAwarded}, the budget is ${competition.totalBudget}`,
          {
            totalAwarded,
            totalBudget: competition.totalBudget,
          },
        );

      const decided = ranked.filter((r) => r.status === 'reviewed');
      const recipients = await this.recipients(manager, decided, [...amounts.keys()]);
      for (const r of decided) {
        const amount = amounts.get(r.applicationId);
        await applyApplicationTransition(manager, this.outbox, {
          applicationId: r.applicationId,
          to: amount ? 'awarded' : 'not_awarded',
          actor,
          from: ['reviewed'],
          reason: amount ? `Грант ${amount} руб.` : null,
          set: { awardedAmount: amount ?? null },
          notifications: this.decisionMails(competition, r, amount, recipients),
        });
      }
      // Every award becomes a grant in the same transaction: no award without its grant, and no grant for a refusal.
      await this.grants.createForAwards(manager, actor, competitionId, [...amounts.keys()]);
      await applyCompetitionTransition(manager, {
        competitionId,
        to: 'results_announced',
        actor,
        set: { announcedAt: DB_NOW },
      });
      const result: AnnouncementResponse = {
        awarded: amounts.size,
        notAwarded: decided.length - amounts.size,
        totalAwarded,
        pending: ranked.filter((r) => r.status === 'under_review').length,
      };
      await this.audit.record(manager, actor, 'competition.announce', `competition:${competitionId}`, { ...result });
      return { result, year: competition.year };
    });

    await this.enqueueStatistics(year);
    return result;
  }

  /** Public: the winners of an announced competition, in ranking order. Before announcement a 404. */
  async publicResults(competitionId: string): Promise<PublicResultsResponse> {
    const competition = await this.dataSource.manager.findOne(Competition, { where: { id: competitionId } });
    if (!competition || !ANNOUNCED.includes(competition.status)) throw notFound('Results');
    const rows: Array<Record<string, any>> = await this.dataSource.query(
      `SELECT a.id, a.registration_number, a.title, a.awarded_amount, a.score, o.full_name, o.inn, g.id AS grant_id
       FROM applications a JOIN organizations o ON o.id = a.organization_id
       LEFT JOIN grants g ON g.application_id = a.id
       WHERE a.competition_id = $1 AND a.status = 'awarded'
       ORDER BY a.score DESC NULLS LAST, a.submitted_at ASC, a.id ASC`,
      [competitionId],
    );
    return {
      items: rows.map((r) => ({
        applicationId: r.id,
        registrationNumber: r.registration_number,
        title: r.title,
        organizationName: r.full_name,
        inn: r.inn,
        awardedAmount: r.awarded_amount,
        score: r.score === null ? null : Number(r.score),
        grantId: r.grant_id,
      })),
      totalAwarded: addMoney('0', ...rows.map((r) => r.awarded_amount as string)),
      announcedAt: competition.announcedAt!.toISOString(),
    };
  }

  private async competition(id: string): Promise<Competition> {
    const competition = await this.dataSource.manager.findOne(Competition, { where: { id } });
    if (!competition) throw notFound('Competition');
    return competition;
  }

  /** The applicants of each organization, and the consultants who completed a consultation for each winner. */
  private async recipients(manager: EntityManager, decided: RankedApplication[], winners: string[]) {
    const applicants = await applicantsByOrganization(
      manager,
      decided.map((r) => r.organizationId),
    );
    const consultants: Array<{ application_id: string; consultant_id: string }> = await manager.query(
      `SELECT DISTINCT application_id, consultant_id FROM consultations
       WHERE status = 'completed' AND consultant_id IS NOT NULL AND application_id = ANY($1::uuid[])`,
      [winners],
    );
    return { applicants, consultants };
  }

  private decisionMails(
    competition: Competition,
    r: RankedApplication,
    amount: string | undefined,
    recipients: Awaited<ReturnType<AwardsService['recipients']>>,
  ): OutboxMessage[] {
    const ref = {
      competitionId: competition.id,
      competitionTitle: competition.title,
      timezone: competition.timezone,
      applicationId: r.applicationId,
      applicationTitle: r.title,
      organizationName: r.organizationName,
      registrationNumber: r.registrationNumber ?? '',
    };
    const score = r.score === null ? null : r.score.toFixed(2);
    const decisionKey = `decision:${r.applicationId}`;
    // The application's author always hears; other members of the organization too.
    const users = new Set([r.createdBy, ...(recipients.applicants.get(r.organizationId) ?? [])]);
    const mails: OutboxMessage[] = [...users].map((userId) =>
      amount
        ? {
            userId,
            template: 'results.awarded' as const,
            payload: { ...ref, awardedAmount: amount, score },
            dedupeKey: `results.awarded:${r.applicationId}:${userId}`,
            decisionKey,
          }
        : {
            userId,
            template: 'results.not_awarded' as const,
            payload: { ...ref, score },
            dedupeKey: `results.not_awarded:${r.applicationId}:${userId}`,
            decisionKey,
          },
    );
    if (amount)
      for (const c of recipients.consultants.filter((c) => c.application_id === r.applicationId))
        mails.push({
          userId: c.consultant_id,
          template: 'results.assisted_winner',
          payload: { ...ref, awardedAmount: amount },
          dedupeKey: `results.assisted_winner:${r.applicationId}:${c.consultant_id}`,
          decisionKey,
        });
    return mails;
  }

  /** After commit: the statistics of the year are recompiled. A Redis outage is logged, never fails the announcement. */
  private async enqueueStatistics(year: number): Promise<void> {
    try {
      await withinTimeout(
        this.jobs.enqueue({ name: JobName.CompileStatistics, data: { year, trigger: 'announcement' } }),
        ENQUEUE_TIMEOUT_MS,
      );
    } catch (error) {
      this.logger.error(
        { err: error, year },
        `Could not enqueue the statistics recompile for ${year}; the worker's catch-up compiles it later`,
      );
    }
  }
}
