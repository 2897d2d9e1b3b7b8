import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Competition } from '../competitions/competition.entity';
import { notFound } from '../shared/domain-error';
import { toCsv } from '../shared/csv';
import { CompetitionSummaryResponse, SummaryApplicationCounts } from './dto/competition-summary.response';
import { RankingRepository } from './ranking.repository';

const STATUSES: (keyof SummaryApplicationCounts)[] = [
  'draft',
  'submitted',
  'under_review',
  'reviewed',
  'awarded',
  'not_awarded',
  'withdrawn',
  'not_submitted',
  'ineligible',
];

const CSV_HEADER = [
  'registration_number',
  'title',
  'status',
  'organization',
  'inn',
  'direction',
  'requested_amount',
  'co_financing_amount',
  'awarded_amount',
  'consultant_assisted',
  'score',
  'decision',
  'ineligible_reason',
  'submitted_at',
] as const;

function decisionOf(status: string): string {
  if (status === 'awarded') return 'awarded';
  if (status === 'not_awarded') return 'not_awarded';
  if (status === 'ineligible') return 'ineligible';
  return '';
}

/** What an administrator reads about one competition at a glance, and its applications as a spreadsheet. */
@Injectable()
export class CompetitionOverviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ranking: RankingRepository,
  ) {}

  async summary(competitionId: string): Promise<CompetitionSummaryResponse> {
    // REPEATABLE READ: the counts are of one moment.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const competition = await manager.findOneBy(Competition, { id: competitionId });
      if (!competition) throw notFound('Competition');
      const applicationRows: { status: string; n: number }[] = await manager.query(
        `SELECT status, count(*)::int AS n FROM applications WHERE competition_id = $1 GROUP BY status`,
        [competitionId],
      );
      const applications = Object.fromEntries(STATUSES.map((s) => [s, 0])) as unknown as SummaryApplicationCounts;
      for (const r of applicationRows)
        if (r.status in applications) applications[r.status as keyof SummaryApplicationCounts] = r.n;

      const [consultations]: {
        requested: number;
        in_progress: number;
        completed: number;
        oldest: Date | null;
      }[] = await manager.query(
        `SELECT count(*) FILTER (WHERE c.status = 'requested')::int AS requested,
                count(*) FILTER (WHERE c.status = 'in_progress')::int AS in_progress,
                count(*) FILTER (WHERE c.status = 'completed')::int AS completed,
                min(c.requested_at) FILTER (WHERE c.status = 'requested') AS oldest
         FROM consultations c JOIN applications a ON a.id = c.application_id
         WHERE a.competition_id = $1`,
        [competitionId],
      );
      const [reviews]: Record<'assigned' | 'in_progress' | 'submitted' | 'declined' | 'overdue', number>[] =
        await manager.query(
          `SELECT count(*) FILTER (WHERE status = 'assigned')::int AS assigned,
                  count(*) FILTER (WHERE status = 'in_progress')::int AS in_progress,
                  count(*) FILTER (WHERE status = 'submitted')::int AS submitted,
                  count(*) FILTER (WHERE status = 'declined')::int AS declined,
                  count(*) FILTER (WHERE status IN ('assigned', 'in_progress') AND due_at < now())::int AS overdue
           FROM reviews WHERE competition_id = $1`,
          [competitionId],
        );
      const [failed]: { n: number }[] = await manager.query(
        `SELECT count(*)::int AS n FROM notifications WHERE status = 'failed' AND payload->>'competitionId' = $1`,
        [competitionId],
      );
      // The same verdict the ranking shows, from the same code.
      const ranked = await this.ranking.rank(competition, manager);
      return {
        applications,
        consultations: {
          requested: consultations.requested,
          inProgress: consultations.in_progress,
          completed: consultations.completed,
          oldestWaitingSince: consultations.oldest ? new Date(consultations.oldest).toISOString() : null,
        },
        reviews: {
          assigned: reviews.assigned,
          inProgress: reviews.in_progress,
          submitted: reviews.submitted,
          declined: reviews.declined,
          overdue: reviews.overdue,
        },
        divergent: ranked.filter((r) => r.needsExtraReview).length,
        failedNotifications: failed.n,
      };
    });
  }

  /** Every application of the competition, through the one CSV writer (BOM, formulas neutralised). */
  async exportCsv(competitionId: string): Promise<{ csv: string; shortCode: string }> {
    const competition = await this.dataSource.manager.findOneBy(Competition, { id: competitionId });
    if (!competition) throw notFound('Competition');
    const rows: Array<Record<string, any>> = await this.dataSource.query(
      `SELECT a.registration_number, a.title, a.status, o.full_name, o.inn, a.direction, a.requested_amount,
              a.co_financing_amount, a.awarded_amount, a.consultant_assisted, a.score, a.ineligible_reason,
              a.submitted_at
       FROM applications a JOIN organizations o ON o.id = a.organization_id
       WHERE a.competition_id = $1
       ORDER BY a.sequence NULLS LAST, a.created_at, a.id`,
      [competitionId],
    );
    const csv = toCsv(
      CSV_HEADER,
      rows.map((r) => [
        r.registration_number,
        r.title,
        r.status,
        r.full_name,
        r.inn,
        r.direction,
        r.requested_amount,
        r.co_financing_amount,
        r.awarded_amount,
        r.consultant_assisted ? 'yes' : 'no',
        r.score === null ? null : Number(r.score),
        decisionOf(r.status),
        r.ineligible_reason,
        r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
      ]),
      { bom: true },
    );
    return { csv, shortCode: competition.shortCode };
  }
}
