import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Competition } from '../competitions/competition.entity';
import { notFound } from '../shared/domain-error';
import { ExpertLoadResponse } from './dto/review.response';
import { formatHundredths, meanOf, toHundredths } from './review-scoring';

interface Scored {
  applicationId: string;
  expertId: string;
  total: number;
}

/**
 * Leniency: for every submitted review on an application with at least two submitted reviews, the
 * deviation from the mean of the *other* experts' totals on that application; deviations are scaled
 * by their pooled standard deviation across the competition (they average zero per application by
 * construction) and averaged per expert. Positive = more generous than peers, negative = harsher;
 * null when the expert shares no application with another expert's submitted review.
 */
export function leniencyByExpert(reviews: Scored[]): Map<string, number> {
  const byApplication = new Map<string, Scored[]>();
  for (const r of reviews) byApplication.set(r.applicationId, [...(byApplication.get(r.applicationId) ?? []), r]);
  const deviations: Array<{ expertId: string; d: number }> = [];
  for (const group of byApplication.values()) {
    if (group.length < 2) continue;
    const sum = group.reduce((s, r) => s + r.total, 0);
    for (const r of group) deviations.push({ expertId: r.expertId, d: r.total - (sum - r.total) / (group.length - 1) });
  }
  const sd = Math.sqrt(deviations.reduce((s, x) => s + x.d * x.d, 0) / Math.max(deviations.length, 1));
  const perExpert = new Map<string, number[]>();
  for (const { expertId, d } of deviations)
    perExpert.set(expertId, [...(perExpert.get(expertId) ?? []), sd > 0 ? d / sd : 0]);
  const result = new Map<string, number>();
  for (const [expertId, zs] of perExpert)
    result.set(expertId, Math.round((zs.reduce((s, z) => s + z, 0) / zs.length) * 100) / 100);
  return result;
}

/** Per-expert load and scoring behaviour in one competition, for the admin before the results. */
@Injectable()
export class ExpertStatisticsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forCompetition(competitionId: string): Promise<ExpertLoadResponse> {
    if (!(await this.dataSource.manager.exists(Competition, { where: { id: competitionId } })))
      throw notFound('Competition');
    const counts: Array<{ id: string; full_name: string; assigned: number; submitted: number; declined: number }> =
      await this.dataSource.query(
        `SELECT u.id, u.full_name,
                count(r.id) FILTER (WHERE r.status <> 'declined')::int AS assigned,
                count(r.id) FILTER (WHERE r.status = 'submitted')::int AS submitted,
                count(r.id) FILTER (WHERE r.status = 'declined')::int AS declined
         FROM users u LEFT JOIN reviews r ON r.expert_id = u.id AND r.competition_id = $1
         WHERE u.role = 'expert' OR r.id IS NOT NULL
         GROUP BY u.id, u.full_name
         ORDER BY u.full_name, u.id`,
        [competitionId],
      );
    const submitted: Array<{ application_id: string; expert_id: string; total: string }> = await this.dataSource.query(
      `SELECT application_id, expert_id, total FROM reviews WHERE competition_id = $1 AND status = 'submitted'`,
      [competitionId],
    );
    const leniency = leniencyByExpert(
      submitted.map((r) => ({ applicationId: r.application_id, expertId: r.expert_id, total: Number(r.total) })),
    );
    return {
      items: counts.map((c) => {
        const mean = meanOf(submitted.filter((r) => r.expert_id === c.id).map((r) => toHundredths(r.total)));
        return {
          expertId: c.id,
          fullName: c.full_name,
          assigned: c.assigned,
          submitted: c.submitted,
          declined: c.declined,
          meanTotal: mean === null ? null : Number(formatHundredths(mean)),
          leniency: leniency.get(c.id) ?? null,
        };
      }),
    };
  }
}
