import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { adminIds } from '../identity/admins';
import { AppConfig } from '@grants/config';
import { notFound } from '../shared/domain-error';
import { compareMoney, subMoney, toKopecks } from '../shared/money';
import { OutboxService } from '../notifications/outbox.service';
import { assistedHeadline, renderAnnualReport, ReportLocale } from './annual-report';
import { Funder, Giving360Package, toGiving360Csv, toGiving360Package } from './giving360';
import { Change, HeadlineChangeKey, HeadlineFigures, StatisticsFigures } from './statistics.figures';
import { StatisticsRepository } from './statistics.repository';

export interface StatisticsSnapshotView {
  year: number;
  compiledAt: string;
  figures: StatisticsFigures;
}

export interface CompiledSnapshot {
  snapshotId: string;
  year: number;
  compiledAt: string;
}

const percentChange = (previous: number, current: number) =>
  previous === 0 ? null : Math.round(((current - previous) / previous) * 1000) / 10;

function countChange(previous: number, current: number): Change {
  return {
    previous,
    current,
    delta: Math.round((current - previous) * 10000) / 10000,
    percent: percentChange(previous, current),
  };
}

function moneyChange(previous: string, current: string): Change {
  // Kopecks are exact integers; only the ratio goes through a float.
  const percent =
    compareMoney(previous, '0') === 0 ? null : percentChange(Number(toKopecks(previous)), Number(toKopecks(current)));
  return { previous, current, delta: subMoney(current, previous), percent };
}

export function headlineChanges(
  previous: HeadlineFigures,
  current: HeadlineFigures,
): Record<HeadlineChangeKey, Change> {
  return {
    applicationsSubmitted: countChange(previous.applications.submitted, current.applications.submitted),
    applicationsAwarded: countChange(previous.applications.awarded, current.applications.awarded),
    amountAwarded: moneyChange(previous.amounts.awarded, current.amounts.awarded),
    applicants: countChange(previous.organizations.applicants, current.organizations.applicants),
    assistedAwarded: countChange(previous.consultantAssisted.awarded, current.consultantAssisted.awarded),
    successRate: countChange(previous.successRate, current.successRate),
  };
}

/** Compiles a year's figures into immutable snapshots and serves the snapshot, exports and report. */
@Injectable()
export class StatisticsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: StatisticsRepository,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  /** Every figure of the year, read in the caller's transaction. */
  async figures(manager: EntityManager, year: number): Promise<StatisticsFigures> {
    const current = await this.repository.headline(manager, year);
    const previous = await this.repository.headline(manager, year - 1);
    return {
      year,
      ...current,
      byDirection: await this.repository.byDirection(manager, year),
      byCompetition: await this.repository.byCompetition(manager, year),
      reviews: await this.repository.reviews(manager, year),
      consultations: await this.repository.consultations(manager, year),
      grants: await this.repository.grants(manager, year),
      previousYear: { year: year - 1, ...previous },
      change: headlineChanges(previous, current),
    };
  }

  /**
   * One compile = one new snapshot row and a `statistics.compiled` mail to every admin, in one
   * transaction. REPEATABLE READ makes all the queries see the same moment, so totals add up
   * even while applications change.
   */
  async compile(year: number, jobId: string | null, jobCreatedAt?: Date): Promise<CompiledSnapshot> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      if (jobId && jobCreatedAt) {
        // A retried job whose snapshot already committed returns it instead of mailing admins twice.
        // The creation time tells this job from an older one that had the same id before Redis was emptied.
        const [done]: { id: string; compiled_at: Date }[] = await manager.query(
          `SELECT id, compiled_at FROM statistics_snapshots WHERE job_id = $1 AND year = $2 AND compiled_at >= $3 LIMIT 1`,
          [jobId, year, jobCreatedAt],
        );
        if (done) return { snapshotId: done.id, year, compiledAt: new Date(done.compiled_at).toISOString() };
      }
      await this.repository.prepareCompile(manager);
      const figures = await this.figures(manager, year);
      const [row]: { id: string; compiled_at: Date }[] = await manager.query(
        `INSERT INTO statistics_snapshots (year, compiled_at, job_id, figures)
         VALUES ($1, clock_timestamp(), $2, $3::jsonb) RETURNING id, compiled_at`,
        [year, jobId, JSON.stringify(figures)],
      );
      const compiledAt = new Date(row.compiled_at).toISOString();
      const headline = assistedHeadline(year, figures.consultantAssisted.awarded);
      const headlineEn = assistedHeadline(year, figures.consultantAssisted.awarded, 'en');
      const admins = await adminIds(manager);
      await this.outbox.write(
        manager,
        admins.map((userId) => ({
          userId,
          template: 'statistics.compiled' as const,
          payload: { year, compiledAt, snapshotId: row.id, headline, headlineEn },
          dedupeKey: `statistics.compiled:${row.id}:${userId}`,
        })),
      );
      return { snapshotId: row.id, year, compiledAt };
    });
  }

  /**
   * Years with an announcement newer than their newest snapshot: the announcement's compile was
   * enqueued after commit, and is lost if the api died while Redis was down. The worker re-queues these.
   */
  async staleYears(): Promise<number[]> {
    const rows: { year: number }[] = await this.dataSource.query(
      `SELECT c.year FROM competitions c
       WHERE c.announced_at IS NOT NULL
       GROUP BY c.year
       -- Recent announcements are left to the compile they enqueued themselves.
       HAVING max(c.announced_at) < now() - interval '2 minutes'
          AND max(c.announced_at) > coalesce((SELECT max(s.compiled_at) FROM statistics_snapshots s WHERE s.year = c.year), '-infinity')
       ORDER BY c.year`,
    );
    return rows.map((r) => r.year);
  }

  async latest(year: number): Promise<StatisticsSnapshotView> {
    const [row]: { year: number; compiled_at: Date; figures: StatisticsFigures }[] = await this.dataSource.query(
      `SELECT year, compiled_at, figures FROM statistics_snapshots WHERE year = $1 ORDER BY compiled_at DESC, id DESC LIMIT 1`,
      [year],
    );
    if (!row) throw notFound(`Statistics of ${year}`);
    return { year: row.year, compiledAt: new Date(row.compiled_at).toISOString(), figures: row.figures };
  }

  /** Exports read the live awarded grants, so a corrected award shows without a recompile. */
  async exportCsv(year: number): Promise<string> {
    return toGiving360Csv(await this.repository.awardedGrants(this.dataSource.manager, year), this.funder());
  }

  async exportJson(year: number): Promise<Giving360Package> {
    return toGiving360Package(await this.repository.awardedGrants(this.dataSource.manager, year), this.funder());
  }

  /** The report tells the newest snapshot, the same figures admins were mailed about. */
  async report(year: number, locale: ReportLocale = 'ru'): Promise<string> {
    const snapshot = await this.latest(year);
    return renderAnnualReport(
      snapshot.figures,
      {
        compiledAt: snapshot.compiledAt,
        funderName: this.config.values.FUNDER_NAME,
        timezone: this.config.values.STATS_TZ,
      },
      locale,
    );
  }

  private funder(): Funder {
    const { GRANTS_360_PREFIX, FUNDER_INN, FUNDER_NAME, GRANTS_360_LICENSE } = this.config.values;
    return { grantPrefix: GRANTS_360_PREFIX, inn: FUNDER_INN, name: FUNDER_NAME, license: GRANTS_360_LICENSE };
  }
}
