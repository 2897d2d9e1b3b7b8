import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { indicatorMetSql } from '../grants/report-content';
import {
  CompetitionFigures,
  GrantFigures,
  ConsultationFigures,
  DirectionFigures,
  HeadlineFigures,
  ReviewFigures,
} from './statistics.figures';

/**
 * The competitions a year's statistics are about: drafts never ran and cancelled ones never decided,
 * so both are left out of every figure.
 */
const YEAR_COMPETITIONS = `
  SELECT id, title, status, total_budget, directions, criteria, divergence_threshold, submission_deadline
  FROM competitions WHERE year = $1 AND status NOT IN ('draft', 'cancelled')`;

const rate = (num: string, den: string) => `coalesce(round(${num}::numeric / nullif(${den}, 0), 4), 0)::float8`;
const money = (expr: string) => `round(coalesce(${expr}, 0), 2)::text`;

/**
 * Memory for the compile's sorts and hash aggregates (the review median and per-application spread
 * of a 300,000-review year spill to disk at the 4 MB default). Set per transaction only.
 */
export const STATISTICS_WORK_MEM = '64MB';

/** Every figure is computed by PostgreSQL; the SQL is exported so the bench can time it bare. */
export const STATISTICS_SQL = {
  headline: `
    WITH comp AS (${YEAR_COMPETITIONS}),
    counts AS (
      SELECT
        count(*)::int AS started,
        count(*) FILTER (WHERE a.status = 'draft')::int AS drafts,
        count(*) FILTER (WHERE a.submitted_at IS NOT NULL)::int AS submitted,
        count(*) FILTER (WHERE a.status = 'not_submitted')::int AS not_submitted,
        count(*) FILTER (WHERE a.status = 'withdrawn')::int AS withdrawn,
        count(*) FILTER (WHERE a.status = 'ineligible')::int AS ineligible,
        count(*) FILTER (WHERE a.status IN ('submitted', 'under_review', 'reviewed'))::int AS pending_decision,
        count(*) FILTER (WHERE a.status = 'awarded')::int AS awarded,
        count(*) FILTER (WHERE a.status = 'not_awarded')::int AS not_awarded,
        sum(a.requested_amount) FILTER (WHERE a.submitted_at IS NOT NULL) AS requested,
        sum(a.awarded_amount) FILTER (WHERE a.status = 'awarded') AS awarded_amount,
        sum(a.co_financing_amount) FILTER (WHERE a.status = 'awarded') AS co_financing,
        sum(a.co_financing_amount) FILTER (WHERE a.submitted_at IS NOT NULL) AS co_financing_submitted,
        count(*) FILTER (WHERE a.consultant_assisted)::int AS a_started,
        count(*) FILTER (WHERE a.consultant_assisted AND a.submitted_at IS NOT NULL)::int AS a_submitted,
        count(*) FILTER (WHERE a.consultant_assisted AND a.status = 'awarded')::int AS a_awarded,
        sum(a.awarded_amount) FILTER (WHERE a.consultant_assisted AND a.status = 'awarded') AS a_amount,
        count(*) FILTER (WHERE NOT a.consultant_assisted)::int AS u_started,
        count(*) FILTER (WHERE NOT a.consultant_assisted AND a.submitted_at IS NOT NULL)::int AS u_submitted,
        count(*) FILTER (WHERE NOT a.consultant_assisted AND a.status = 'awarded')::int AS u_awarded,
        sum(a.awarded_amount) FILTER (WHERE NOT a.consultant_assisted AND a.status = 'awarded') AS u_amount
      FROM applications a JOIN comp c ON c.id = a.competition_id
    ),
    -- One row per organization of the year: hashing beats count(DISTINCT …) sorts on a large year.
    orgs AS (
      SELECT a.organization_id, bool_or(a.submitted_at IS NOT NULL) AS applied, bool_or(a.status = 'awarded') AS won
      FROM applications a JOIN comp c ON c.id = a.competition_id
      GROUP BY a.organization_id
    ),
    -- Organizations that had applied in any earlier year, built once as a set (a hash anti-join below).
    earlier AS MATERIALIZED (
      SELECT DISTINCT p.organization_id FROM applications p JOIN competitions pc ON pc.id = p.competition_id
      WHERE pc.year < $1 AND pc.status NOT IN ('draft', 'cancelled') AND p.submitted_at IS NOT NULL
    ),
    org_counts AS (
      SELECT count(*) FILTER (WHERE o.applied)::int AS applicants,
             count(*) FILTER (WHERE o.won)::int AS winners,
             count(*) FILTER (WHERE o.applied AND e.organization_id IS NULL)::int AS first_time
      FROM orgs o LEFT JOIN earlier e ON e.organization_id = o.organization_id
    ),
    budget AS (
      SELECT count(*)::int AS competitions, sum(total_budget) AS total_budget,
             sum(total_budget) FILTER (WHERE status IN ('results_announced', 'archived')) AS announced_budget
      FROM comp
    )
    SELECT b.competitions, ${money('b.total_budget')} AS total_budget,
      k.started, k.drafts, k.submitted, k.not_submitted, k.withdrawn, k.ineligible, k.pending_decision,
      k.awarded, k.not_awarded, o.applicants, o.winners, o.first_time,
      ${money('k.requested')} AS requested, ${money('k.awarded_amount')} AS amount_awarded,
      ${money('k.co_financing')} AS co_financing, ${money('k.co_financing_submitted')} AS co_financing_submitted,
      ${money('k.awarded_amount / nullif(k.awarded, 0)')} AS average_award,
      ${rate('k.awarded', 'k.submitted')} AS success_rate,
      round(k.awarded_amount / nullif(b.announced_budget, 0), 4)::float8 AS budget_utilisation,
      k.a_started, k.a_submitted, k.a_awarded, ${money('k.a_amount')} AS a_amount, ${rate('k.a_awarded', 'k.a_submitted')} AS a_rate,
      k.u_started, k.u_submitted, k.u_awarded, ${money('k.u_amount')} AS u_amount, ${rate('k.u_awarded', 'k.u_submitted')} AS u_rate
    FROM counts k, org_counts o, budget b`,

  byDirection: `
    WITH comp AS (${YEAR_COMPETITIONS}),
    titles AS (
      SELECT d->>'code' AS code, min(d->>'title') AS title, min(d->>'titleEn') AS title_en
      FROM comp, jsonb_array_elements(comp.directions) d GROUP BY 1
    ),
    agg AS (
      SELECT a.direction,
        count(*)::int AS submitted,
        count(*) FILTER (WHERE a.status = 'awarded')::int AS awarded,
        sum(a.awarded_amount) FILTER (WHERE a.status = 'awarded') AS amount_awarded,
        count(*) FILTER (WHERE a.consultant_assisted)::int AS assisted_submitted,
        count(*) FILTER (WHERE a.consultant_assisted AND a.status = 'awarded')::int AS assisted_awarded
      FROM applications a JOIN comp c ON c.id = a.competition_id
      WHERE a.submitted_at IS NOT NULL
      GROUP BY a.direction
    )
    SELECT coalesce(g.direction, t.code) AS direction, t.title, t.title_en,
      coalesce(g.submitted, 0) AS submitted, coalesce(g.awarded, 0) AS awarded,
      ${money('g.amount_awarded')} AS amount_awarded, ${rate('coalesce(g.awarded, 0)', 'g.submitted')} AS success_rate,
      coalesce(g.assisted_submitted, 0) AS assisted_submitted, coalesce(g.assisted_awarded, 0) AS assisted_awarded
    FROM agg g FULL JOIN titles t ON t.code = g.direction
    ORDER BY coalesce(g.submitted, 0) DESC, coalesce(g.direction, t.code) NULLS LAST`,

  byCompetition: `
    WITH comp AS (${YEAR_COMPETITIONS}),
    agg AS (
      SELECT a.competition_id,
        count(*)::int AS started,
        count(*) FILTER (WHERE a.submitted_at IS NOT NULL)::int AS submitted,
        count(*) FILTER (WHERE a.status = 'awarded')::int AS awarded,
        count(*) FILTER (WHERE a.status = 'not_awarded')::int AS not_awarded,
        sum(a.requested_amount) FILTER (WHERE a.submitted_at IS NOT NULL) AS requested,
        sum(a.awarded_amount) FILTER (WHERE a.status = 'awarded') AS amount_awarded,
        count(*) FILTER (WHERE a.consultant_assisted AND a.submitted_at IS NOT NULL)::int AS assisted_submitted,
        count(*) FILTER (WHERE a.consultant_assisted AND a.status = 'awarded')::int AS assisted_awarded,
        round(avg(a.score), 2)::float8 AS average_score
      FROM applications a JOIN comp c ON c.id = a.competition_id
      GROUP BY a.competition_id
    )
    SELECT c.id AS competition_id, c.title, c.status, ${money('c.total_budget')} AS total_budget,
      coalesce(g.started, 0) AS started, coalesce(g.submitted, 0) AS submitted,
      coalesce(g.awarded, 0) AS awarded, coalesce(g.not_awarded, 0) AS not_awarded,
      ${money('g.requested')} AS amount_requested, ${money('g.amount_awarded')} AS amount_awarded,
      ${rate('coalesce(g.awarded, 0)', 'g.submitted')} AS success_rate,
      CASE WHEN c.status IN ('results_announced', 'archived')
        THEN round(coalesce(g.amount_awarded, 0) / c.total_budget, 4)::float8 END AS budget_utilisation,
      coalesce(g.assisted_submitted, 0) AS assisted_submitted, coalesce(g.assisted_awarded, 0) AS assisted_awarded,
      g.average_score
    FROM comp c LEFT JOIN agg g ON g.competition_id = c.id
    ORDER BY c.submission_deadline, c.title, c.id`,

  reviews: `
    WITH comp AS (
      SELECT id, divergence_threshold / 100
        * (SELECT sum((x->>'weight')::numeric * (x->>'maxScore')::numeric) FROM jsonb_array_elements(criteria) x) AS max_spread
      FROM (${YEAR_COMPETITIONS}) y
    ),
    totals AS (
      SELECT count(*)::int AS count, count(*) FILTER (WHERE r.is_extra)::int AS extra_reviews,
        round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.submitted_at - r.assigned_at)) / 3600)::numeric, 2)::float8
          AS median_hours
      FROM reviews r JOIN comp c ON c.id = r.competition_id
      WHERE r.status = 'submitted'
    ),
    -- Divergence is judged on the regular reviews only; the extra one is its consequence.
    divergent AS (
      SELECT r.application_id
      FROM reviews r JOIN comp c ON c.id = r.competition_id
      WHERE r.status = 'submitted' AND NOT r.is_extra
      GROUP BY r.application_id, c.max_spread
      HAVING count(*) >= 2 AND max(r.total) - min(r.total) > c.max_spread
    )
    SELECT t.count, t.extra_reviews, t.median_hours,
      (SELECT count(*)::int FROM divergent) AS divergence_cases,
      (SELECT round(avg(a.score), 2)::float8 FROM applications a JOIN comp c ON c.id = a.competition_id
        WHERE a.score IS NOT NULL) AS average_score
    FROM totals t`,

  consultations: `
    WITH comp AS (${YEAR_COMPETITIONS})
    SELECT count(*)::int AS count,
      count(*) FILTER (WHERE k.status = 'completed')::int AS completed,
      round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM k.completed_at - k.requested_at))
        FILTER (WHERE k.status = 'completed') / 3600)::numeric, 2)::float8 AS median_hours
    FROM consultations k JOIN applications a ON a.id = k.application_id JOIN comp c ON c.id = a.competition_id`,

  grants: `
    WITH comp AS (${YEAR_COMPETITIONS}),
    g AS (
      SELECT g.id, g.status, c2.timezone FROM grants g
      JOIN comp c ON c.id = g.competition_id JOIN competitions c2 ON c2.id = g.competition_id
    ),
    r AS (
      SELECT r.grant_id, r.status, r.position, r.results, r.expenditures, r.first_submitted_at, g.status AS grant_status,
        ((r.due_date + 1)::timestamp AT TIME ZONE g.timezone) AS due_end
      FROM grant_reports r JOIN g ON g.id = r.grant_id
    ),
    finals AS (SELECT DISTINCT ON (grant_id) grant_id, status, results FROM r ORDER BY grant_id, position DESC),
    latest AS (
      SELECT DISTINCT ON (grant_id) grant_id, expenditures FROM r WHERE status = 'accepted' ORDER BY grant_id, position DESC
    ),
    indicators AS (
      SELECT count(*)::int AS total, count(*) FILTER (WHERE ${indicatorMetSql('x')})::int AS met
      FROM finals f, jsonb_array_elements(f.results) x WHERE f.status = 'accepted'
    )
    SELECT
      (SELECT count(*) FILTER (WHERE status = 'awaiting_agreement') FROM g)::int AS awaiting_agreement,
      (SELECT count(*) FILTER (WHERE status = 'active') FROM g)::int AS active,
      (SELECT count(*) FILTER (WHERE status = 'completed') FROM g)::int AS completed,
      (SELECT count(*) FILTER (WHERE status = 'terminated') FROM g)::int AS terminated,
      (SELECT count(*) FILTER (WHERE first_submitted_at <= due_end) FROM r)::int AS reports_on_time,
      (SELECT count(*) FILTER (WHERE first_submitted_at > due_end
         OR (first_submitted_at IS NULL AND grant_status = 'active' AND now() >= due_end)) FROM r)::int AS reports_late,
      i.met AS indicators_met, i.total AS indicators_total,
      ${money(`(SELECT sum((e->>'spent')::numeric) FROM latest l, jsonb_array_elements(l.expenditures) e)`)} AS spent
    FROM indicators i`,

  awardedGrants: `
    SELECT a.registration_number, a.title, a.summary, c.currency, a.awarded_amount::text AS amount_awarded,
      a.requested_amount::text AS amount_applied_for,
      to_char(coalesce(
        (SELECT max(e.at) FROM application_events e WHERE e.application_id = a.id AND e.to_status = 'awarded'),
        c.announced_at) AT TIME ZONE c.timezone, 'YYYY-MM-DD') AS award_date,
      to_char(a.project_start, 'YYYY-MM-DD') AS project_start, to_char(a.project_end, 'YYYY-MM-DD') AS project_end,
      a.geography, o.inn, o.full_name AS organization_name, c.title AS programme
    FROM applications a
    JOIN competitions c ON c.id = a.competition_id
    JOIN organizations o ON o.id = a.organization_id
    WHERE c.year = $1 AND a.status = 'awarded'
    ORDER BY a.registration_number`,
} as const;

export interface AwardedGrantRow {
  registrationNumber: string;
  title: string;
  summary: string | null;
  currency: string;
  amountAwarded: string;
  amountAppliedFor: string | null;
  awardDate: string | null;
  projectStart: string | null;
  projectEnd: string | null;
  geography: string | null;
  inn: string;
  organizationName: string;
  programme: string;
}

type Row = Record<string, any>;

const assistance = (r: Row, p: 'a' | 'u') => ({
  applications: r[`${p}_started`],
  submitted: r[`${p}_submitted`],
  awarded: r[`${p}_awarded`],
  amountAwarded: r[`${p}_amount`],
  successRate: r[`${p}_rate`],
});

/** One method per question; each runs on the manager of the caller's transaction so a compile reads one snapshot. */
@Injectable()
export class StatisticsRepository {
  /** Only inside a transaction: SET LOCAL ends with it, so pooled connections keep their defaults. */
  async prepareCompile(manager: EntityManager): Promise<void> {
    await manager.query(`SET LOCAL work_mem = '${STATISTICS_WORK_MEM}'`);
  }

  async headline(manager: EntityManager, year: number): Promise<HeadlineFigures> {
    const [r]: Row[] = await manager.query(STATISTICS_SQL.headline, [year]);
    return {
      competitions: r.competitions,
      applications: {
        started: r.started,
        drafts: r.drafts,
        submitted: r.submitted,
        notSubmitted: r.not_submitted,
        withdrawn: r.withdrawn,
        ineligible: r.ineligible,
        pendingDecision: r.pending_decision,
        awarded: r.awarded,
        notAwarded: r.not_awarded,
      },
      organizations: { applicants: r.applicants, winners: r.winners, firstTime: r.first_time },
      amounts: {
        requested: r.requested,
        awarded: r.amount_awarded,
        coFinancing: r.co_financing,
        coFinancingSubmitted: r.co_financing_submitted,
        averageAward: r.average_award,
        totalBudget: r.total_budget,
      },
      successRate: r.success_rate,
      budgetUtilisation: r.budget_utilisation,
      consultantAssisted: assistance(r, 'a'),
      unassisted: assistance(r, 'u'),
    };
  }

  async grants(manager: EntityManager, year: number): Promise<GrantFigures> {
    const [r]: Row[] = await manager.query(STATISTICS_SQL.grants, [year]);
    return {
      awaitingAgreement: r.awaiting_agreement,
      active: r.active,
      completed: r.completed,
      terminated: r.terminated,
      reportsOnTime: r.reports_on_time,
      reportsLate: r.reports_late,
      indicatorsMet: r.indicators_met,
      indicatorsTotal: r.indicators_total,
      spent: r.spent,
    };
  }

  async byDirection(manager: EntityManager, year: number): Promise<DirectionFigures[]> {
    const rows: Row[] = await manager.query(STATISTICS_SQL.byDirection, [year]);
    return rows.map((r) => ({
      direction: r.direction,
      title: r.title,
      // Only when given, so years without English titles keep the shape they always had.
      ...(r.title_en ? { titleEn: r.title_en } : {}),
      submitted: r.submitted,
      awarded: r.awarded,
      amountAwarded: r.amount_awarded,
      successRate: r.success_rate,
      assistedSubmitted: r.assisted_submitted,
      assistedAwarded: r.assisted_awarded,
    }));
  }

  async byCompetition(manager: EntityManager, year: number): Promise<CompetitionFigures[]> {
    const rows: Row[] = await manager.query(STATISTICS_SQL.byCompetition, [year]);
    return rows.map((r) => ({
      competitionId: r.competition_id,
      title: r.title,
      status: r.status,
      totalBudget: r.total_budget,
      started: r.started,
      submitted: r.submitted,
      awarded: r.awarded,
      notAwarded: r.not_awarded,
      amountRequested: r.amount_requested,
      amountAwarded: r.amount_awarded,
      successRate: r.success_rate,
      budgetUtilisation: r.budget_utilisation,
      assistedSubmitted: r.assisted_submitted,
      assistedAwarded: r.assisted_awarded,
      averageScore: r.average_score,
    }));
  }

  async reviews(manager: EntityManager, year: number): Promise<ReviewFigures> {
    const [r]: Row[] = await manager.query(STATISTICS_SQL.reviews, [year]);
    return {
      count: r.count,
      extraReviews: r.extra_reviews,
      averageScore: r.average_score,
      divergenceCases: r.divergence_cases,
      medianTurnaroundHours: r.median_hours,
    };
  }

  async consultations(manager: EntityManager, year: number): Promise<ConsultationFigures> {
    const [r]: Row[] = await manager.query(STATISTICS_SQL.consultations, [year]);
    return { count: r.count, completed: r.completed, medianTurnaroundHours: r.median_hours };
  }

  async awardedGrants(manager: EntityManager, year: number): Promise<AwardedGrantRow[]> {
    const rows: Row[] = await manager.query(STATISTICS_SQL.awardedGrants, [year]);
    return rows.map((r) => ({
      registrationNumber: r.registration_number,
      title: r.title,
      summary: r.summary,
      currency: r.currency,
      amountAwarded: r.amount_awarded,
      amountAppliedFor: r.amount_applied_for,
      awardDate: r.award_date,
      projectStart: r.project_start,
      projectEnd: r.project_end,
      geography: r.geography,
      inn: r.inn,
      organizationName: r.organization_name,
      programme: r.programme,
    }));
  }
}
