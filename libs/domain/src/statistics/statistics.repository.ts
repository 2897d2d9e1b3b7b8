import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  CompetitionFigures,
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

/** Every figure is computed by PostgreSQL; the SQL is exported so the bench can time it bare. */
export const STATISTICS_SQL = {
  headline: `
    WITH comp AS (${YEAR_COMPETITIONS}),
    app AS (
      SELECT a.organization_id, a.status, a.submitted_at IS NOT NULL AS submitted, a.consultant_assisted AS assisted,
             a.requested_amount, a.co_financing_amount, a.awarded_amount
      FROM applications a JOIN comp c ON c.id = a.competition_id
    ),
    counts AS (
      SELECT
        count(*)::int AS started,
        count(*) FILTER (WHERE status = 'draft')::int AS drafts,
        count(*) FILTER (WHERE submitted)::int AS submitted,
        count(*) FILTER (WHERE status = 'not_submitted')::int AS not_submitted,
        count(*) FILTER (WHERE status = 'withdrawn')::int AS withdrawn,
        count(*) FILTER (WHERE status = 'ineligible')::int AS ineligible,
        count(*) FILTER (WHERE status IN ('submitted', 'under_review', 'reviewed'))::int AS pending_decision,
        count(*) FILTER (WHERE status = 'awarded')::int AS awarded,
        count(*) FILTER (WHERE status = 'not_awarded')::int AS not_awarded,
        count(DISTINCT organization_id) FILTER (WHERE submitted)::int AS applicants,
        count(DISTINCT organization_id) FILTER (WHERE status = 'awarded')::int AS winners,
        sum(requested_amount) FILTER (WHERE submitted) AS requested,
        sum(awarded_amount) FILTER (WHERE status = 'awarded') AS awarded_amount,
        sum(co_financing_amount) FILTER (WHERE status = 'awarded') AS co_financing,
        sum(co_financing_amount) FILTER (WHERE submitted) AS co_financing_submitted,
        count(*) FILTER (WHERE assisted)::int AS a_started,
        count(*) FILTER (WHERE assisted AND submitted)::int AS a_submitted,
        count(*) FILTER (WHERE assisted AND status = 'awarded')::int AS a_awarded,
        sum(awarded_amount) FILTER (WHERE assisted AND status = 'awarded') AS a_amount,
        count(*) FILTER (WHERE NOT assisted)::int AS u_started,
        count(*) FILTER (WHERE NOT assisted AND submitted)::int AS u_submitted,
        count(*) FILTER (WHERE NOT assisted AND status = 'awarded')::int AS u_awarded,
        sum(awarded_amount) FILTER (WHERE NOT assisted AND status = 'awarded') AS u_amount
      FROM app
    ),
    applicants AS (SELECT DISTINCT organization_id FROM app WHERE submitted),
    first_time AS (
      SELECT count(*)::int AS n FROM applicants o
      WHERE NOT EXISTS (
        SELECT 1 FROM applications p JOIN competitions pc ON pc.id = p.competition_id
        WHERE p.organization_id = o.organization_id AND p.submitted_at IS NOT NULL
          AND pc.year < $1 AND pc.status NOT IN ('draft', 'cancelled'))
    ),
    budget AS (
      SELECT count(*)::int AS competitions, sum(total_budget) AS total_budget,
             sum(total_budget) FILTER (WHERE status IN ('results_announced', 'archived')) AS announced_budget
      FROM comp
    )
    SELECT b.competitions, ${money('b.total_budget')} AS total_budget,
      k.started, k.drafts, k.submitted, k.not_submitted, k.withdrawn, k.ineligible, k.pending_decision,
      k.awarded, k.not_awarded, k.applicants, k.winners, f.n AS first_time,
      ${money('k.requested')} AS requested, ${money('k.awarded_amount')} AS amount_awarded,
      ${money('k.co_financing')} AS co_financing, ${money('k.co_financing_submitted')} AS co_financing_submitted,
      ${money('k.awarded_amount / nullif(k.awarded, 0)')} AS average_award,
      ${rate('k.awarded', 'k.submitted')} AS success_rate,
      round(k.awarded_amount / nullif(b.announced_budget, 0), 4)::float8 AS budget_utilisation,
      k.a_started, k.a_submitted, k.a_awarded, ${money('k.a_amount')} AS a_amount, ${rate('k.a_awarded', 'k.a_submitted')} AS a_rate,
      k.u_started, k.u_submitted, k.u_awarded, ${money('k.u_amount')} AS u_amount, ${rate('k.u_awarded', 'k.u_submitted')} AS u_rate
    FROM counts k, first_time f, budget b`,

  byDirection: `
    WITH comp AS (${YEAR_COMPETITIONS}),
    titles AS (
      SELECT d->>'code' AS code, min(d->>'title') AS title
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
    SELECT coalesce(g.direction, t.code) AS direction, t.title,
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
      SELECT id, divergence_threshold,
        (SELECT sum((x->>'weight')::numeric * (x->>'maxScore')::numeric) FROM jsonb_array_elements(criteria) x) AS max_total
      FROM (${YEAR_COMPETITIONS}) y
    ),
    r AS (
      SELECT r.application_id, r.competition_id, r.total, r.is_extra,
             extract(epoch FROM r.submitted_at - r.assigned_at) AS seconds
      FROM reviews r JOIN comp c ON c.id = r.competition_id
      WHERE r.status = 'submitted'
    ),
    spread AS (
      SELECT competition_id, application_id, max(total) - min(total) AS spread, count(*) AS n
      FROM r WHERE NOT is_extra GROUP BY competition_id, application_id
    ),
    totals AS (
      SELECT count(*)::int AS count, count(*) FILTER (WHERE is_extra)::int AS extra_reviews,
             round((percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) / 3600)::numeric, 2)::float8 AS median_hours
      FROM r
    )
    SELECT t.count, t.extra_reviews, t.median_hours,
      (SELECT count(*)::int FROM spread s JOIN comp c ON c.id = s.competition_id
        WHERE s.n >= 2 AND s.spread > c.divergence_threshold / 100 * c.max_total) AS divergence_cases,
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

  async byDirection(manager: EntityManager, year: number): Promise<DirectionFigures[]> {
    const rows: Row[] = await manager.query(STATISTICS_SQL.byDirection, [year]);
    return rows.map((r) => ({
      direction: r.direction,
      title: r.title,
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

  async adminIds(manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM users WHERE role = 'admin' ORDER BY created_at`);
    return rows.map((r) => r.id);
  }
}
