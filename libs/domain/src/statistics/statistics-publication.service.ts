import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import { assistedHeadline } from './annual-report';
import { StatisticsFigures } from './statistics.figures';
import { StatisticsSnapshotView } from './statistics.service';

export interface PublishedReportView extends StatisticsSnapshotView {
  publishedAt: string;
  /** The Resource Center's sentence of the year, Russian and English. */
  headline: string;
  headlineEn: string;
}

/** The public annual reports: which snapshot of a year the Resource Center has published. */
@Injectable()
export class StatisticsPublicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * The newest snapshot of the year becomes its public report; a later publish replaces it. One
   * transaction with the audit row; of two publishes at once the later wins (an upsert on the year).
   */
  async publish(actor: Actor, year: number): Promise<PublishedReportView> {
    await this.dataSource.transaction(async (manager) => {
      const [snapshot]: { id: string }[] = await manager.query(
        `SELECT id FROM statistics_snapshots WHERE year = $1 ORDER BY compiled_at DESC, id DESC LIMIT 1`,
        [year],
      );
      if (!snapshot) throw notFound(`Statistics of ${year}`);
      await manager.query(
        `INSERT INTO statistics_publications (year, snapshot_id, published_at, published_by)
         VALUES ($1, $2, clock_timestamp(), $3)
         ON CONFLICT (year) DO UPDATE
           SET snapshot_id = EXCLUDED.snapshot_id, published_at = EXCLUDED.published_at, published_by = EXCLUDED.published_by`,
        [year, snapshot.id, actor.id],
      );
      await this.audit.record(manager, actor, 'statistics.publish', `statistics:${year}`, { snapshotId: snapshot.id });
    });
    return this.published(year);
  }

  /** Years with a public report, newest first. */
  async publishedYears(): Promise<{ year: number; publishedAt: string }[]> {
    const rows: { year: number; published_at: Date }[] = await this.dataSource.query(
      `SELECT year, published_at FROM statistics_publications ORDER BY year DESC`,
    );
    return rows.map((r) => ({ year: r.year, publishedAt: new Date(r.published_at).toISOString() }));
  }

  /** The public report of a year: aggregate figures only (no person, no organization but in the results). */
  async published(year: number): Promise<PublishedReportView> {
    const [row]: { year: number; compiled_at: Date; published_at: Date; figures: StatisticsFigures }[] =
      await this.dataSource.query(
        `SELECT s.year, s.compiled_at, p.published_at, s.figures
         FROM statistics_publications p JOIN statistics_snapshots s ON s.id = p.snapshot_id
         WHERE p.year = $1`,
        [year],
      );
    if (!row) throw notFound(`Published report of ${year}`);
    const assisted = row.figures.consultantAssisted.awarded;
    return {
      year: row.year,
      compiledAt: new Date(row.compiled_at).toISOString(),
      publishedAt: new Date(row.published_at).toISOString(),
      figures: row.figures,
      headline: assistedHeadline(row.year, assisted),
      headlineEn: assistedHeadline(row.year, assisted, 'en'),
    };
  }
}
