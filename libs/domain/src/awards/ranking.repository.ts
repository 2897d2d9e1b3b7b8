import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Competition } from '../competitions/competition.entity';
import { reviewRequirement, toHundredths } from '../reviews/review-scoring';
import { RankingItem } from './dto/awards.response';

export interface RankedApplication extends RankingItem {
  organizationId: string;
  createdBy: string;
  consultantAssisted: boolean;
  inn: string;
}

/** The ranking of SPEC.md: score descending (unscored last), then earlier submission, then id. */
@Injectable()
export class RankingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rank(competition: Competition, manager: EntityManager = this.dataSource.manager): Promise<RankedApplication[]> {
    const rows: Array<Record<string, any>> = await manager.query(
      `SELECT a.id, a.registration_number, a.title, a.requested_amount, a.score, a.status, a.organization_id,
              a.created_by, a.consultant_assisted, o.full_name AS organization_name, o.inn,
              coalesce(r.totals, '{}') AS totals
       FROM applications a
       JOIN organizations o ON o.id = a.organization_id
       LEFT JOIN LATERAL (
         SELECT array_agg(total::text ORDER BY submitted_at, id) AS totals
         FROM reviews WHERE application_id = a.id AND status = 'submitted'
       ) r ON true
       WHERE a.competition_id = $1 AND a.status IN ('under_review', 'reviewed', 'awarded', 'not_awarded')
       ORDER BY a.score DESC NULLS LAST, a.submitted_at ASC, a.id ASC`,
      [competition.id],
    );
    return rows.map((r, i) => {
      const totals = (r.totals as string[]).map(toHundredths);
      const requirement = reviewRequirement(totals, competition);
      return {
        rank: i + 1,
        applicationId: r.id,
        registrationNumber: r.registration_number,
        title: r.title,
        organizationName: r.organization_name,
        requestedAmount: r.requested_amount,
        score: r.score === null ? null : Number(r.score),
        reviewsSubmitted: totals.length,
        needsExtraReview: requirement.needsExtraReview,
        status: r.status,
        organizationId: r.organization_id,
        createdBy: r.created_by,
        consultantAssisted: r.consultant_assisted,
        inn: r.inn,
      };
    });
  }
}
