import { DataSource } from 'typeorm';
import { DEFAULT_CRITERIA } from '@grants/domain';

/**
 * A hand-built statistics year, inserted straight into the tables so the statistics tests do not
 * depend on the other contexts' endpoints. Tests compute the expected figures from these arrays.
 */
export interface FixtureOrganization {
  key: string;
  inn: string;
  name: string;
}

export interface FixtureCompetition {
  key: string;
  year: number;
  status: 'draft' | 'open' | 'review' | 'results_announced' | 'cancelled';
  title: string;
  budget: string;
  directions: { code: string; title: string }[];
  divergenceThreshold: number;
  announcedAt: string | null;
}

export interface FixtureApplication {
  key: string;
  competition: string;
  organization: string;
  status: string;
  submitted: boolean;
  assisted: boolean;
  direction: string | null;
  requested: string | null;
  coFinancing: string | null;
  awarded: string | null;
  score: string | null;
  title: string;
  summary: string | null;
  geography: string | null;
  projectStart: string | null;
  projectEnd: string | null;
  /** When set, an application_events row 'reviewed' → 'awarded' at this instant. */
  awardedAt?: string;
}

export interface FixtureReview {
  application: string;
  status: 'assigned' | 'submitted' | 'declined';
  total: string | null;
  isExtra: boolean;
  /** assigned → submitted. */
  hours: number | null;
}

export interface FixtureConsultation {
  application: string;
  status: 'requested' | 'in_progress' | 'completed';
  /** requested → completed. */
  hours: number | null;
}

export interface StatisticsYearFixture {
  year: number;
  organizations: FixtureOrganization[];
  competitions: FixtureCompetition[];
  applications: FixtureApplication[];
  reviews: FixtureReview[];
  consultations: FixtureConsultation[];
}

const SOCIAL = { code: 'social', title: 'Социальное обслуживание, социальная поддержка и защита граждан' };
const CULTURE = { code: 'culture', title: 'Поддержка проектов в области культуры и искусства' };

const competition = (
  c: Partial<FixtureCompetition> & Pick<FixtureCompetition, 'key' | 'year' | 'status' | 'budget'>,
): FixtureCompetition => ({
  title: `Конкурс ${c.key}`,
  directions: [SOCIAL, CULTURE],
  divergenceThreshold: 30,
  announcedAt: null,
  ...c,
});

const app = (
  key: string,
  competitionKey: string,
  organization: string,
  status: string,
  a: Partial<FixtureApplication> = {},
): FixtureApplication => ({
  key,
  competition: competitionKey,
  organization,
  status,
  submitted: !['draft', 'not_submitted'].includes(status),
  assisted: false,
  direction: 'social',
  requested: null,
  coFinancing: null,
  awarded: null,
  score: null,
  title: `Проект ${key}`,
  summary: `Описание проекта ${key}`,
  geography: 'г. Лесосибирск',
  projectStart: '2026-08-01',
  projectEnd: '2026-12-31',
  ...a,
});

const review = (
  application: string,
  total: string | null,
  hours: number | null,
  r: Partial<FixtureReview> = {},
): FixtureReview => ({
  application,
  status: 'submitted',
  total,
  isExtra: false,
  hours,
  ...r,
});

/** 2026 with four competitions in scope (plus a draft and a cancelled one), and 2025 before it. */
export function statisticsYear(): StatisticsYearFixture {
  return {
    year: 2026,
    organizations: [
      { key: 'o1', inn: '2454000011', name: 'АНО «Забота»' },
      { key: 'o2', inn: '2454000022', name: 'МОО «Наш город»' },
      { key: 'o3', inn: '2454000033', name: 'Фонд «Культура, "Север" и мы»' },
      { key: 'o4', inn: '2454000044', name: 'Клуб «Антей»' },
      { key: 'o5', inn: '2454000055', name: 'Общество «Симба»' },
      { key: 'o6', inn: '2454000066', name: 'Серебряные волонтёры' },
      { key: 'o7', inn: '2454000077', name: 'Волонтёры-медики' },
    ],
    competitions: [
      competition({
        key: 'c0',
        year: 2025,
        status: 'results_announced',
        budget: '400000.00',
        announcedAt: '2025-07-01T05:00:00Z',
      }),
      competition({
        key: 'c1',
        year: 2026,
        status: 'results_announced',
        budget: '1000000.00',
        announcedAt: '2026-06-30T18:00:00Z',
      }),
      competition({
        key: 'c2',
        year: 2026,
        status: 'results_announced',
        budget: '500000.00',
        directions: [SOCIAL],
        divergenceThreshold: 3,
        announcedAt: '2026-09-15T05:00:00Z',
        title: 'Конкурс <малых> грантов & "инициатив"',
      }),
      competition({ key: 'c3', year: 2026, status: 'review', budget: '300000.00', directions: [CULTURE] }),
      competition({ key: 'c4', year: 2026, status: 'cancelled', budget: '200000.00' }),
      competition({ key: 'c5', year: 2026, status: 'draft', budget: '100000.00' }),
      competition({ key: 'c6', year: 2026, status: 'open', budget: '250000.00', directions: [SOCIAL] }),
    ],
    applications: [
      // 2025
      app('p1', 'c0', 'o1', 'awarded', {
        assisted: true,
        requested: '100000.00',
        coFinancing: '20000.00',
        awarded: '100000.00',
        score: '75.00',
      }),
      app('p2', 'c0', 'o7', 'not_awarded', {
        direction: 'culture',
        requested: '80000.00',
        coFinancing: '16000.00',
        score: '40.00',
      }),
      app('p3', 'c0', 'o2', 'not_submitted'),
      // 2026, c1 (announced)
      app('a1', 'c1', 'o1', 'awarded', {
        assisted: true,
        requested: '300000.00',
        coFinancing: '60000.00',
        awarded: '300000.00',
        score: '85.50',
        awardedAt: '2026-06-30T18:00:00Z',
      }),
      app('a2', 'c1', 'o3', 'awarded', {
        assisted: true,
        direction: 'culture',
        requested: '250000.00',
        coFinancing: '50000.00',
        awarded: '240000.50',
        score: '80.00',
        title: 'Фестиваль «Северная, "живая" сцена»',
        summary: 'Две строки:\nконцерты, мастер-классы',
        awardedAt: '2026-06-30T18:00:00Z',
      }),
      app('a3', 'c1', 'o4', 'not_awarded', { requested: '200000.00', coFinancing: '40000.00', score: '55.25' }),
      app('a4', 'c1', 'o2', 'awarded', {
        direction: 'culture',
        requested: '150000.00',
        coFinancing: '30000.00',
        awarded: '150000.00',
        score: '78.00',
        summary: null,
        geography: null,
        projectStart: null,
        projectEnd: null,
        awardedAt: '2026-06-30T18:00:00Z',
      }),
      app('a5', 'c1', 'o5', 'withdrawn', { requested: '100000.00', coFinancing: '20000.00' }),
      app('a6', 'c1', 'o6', 'withdrawn', { submitted: false }),
      app('a7', 'c1', 'o6', 'not_submitted', { direction: 'culture' }),
      app('a8', 'c1', 'o5', 'ineligible', { assisted: true, requested: '120000.00', coFinancing: '24000.00' }),
      // 2026, c2 (announced, a tight divergence threshold)
      app('b1', 'c2', 'o1', 'awarded', {
        assisted: true,
        requested: '200000.00',
        coFinancing: '40000.00',
        awarded: '200000.00',
        score: '90.00',
      }),
      app('b2', 'c2', 'o4', 'not_awarded', {
        assisted: true,
        requested: '180000.00',
        coFinancing: '36000.00',
        score: '60.00',
      }),
      app('b3', 'c2', 'o2', 'not_submitted', { assisted: true, direction: null }),
      // 2026, c3 (in review)
      app('d1', 'c3', 'o3', 'under_review', { direction: 'culture', requested: '100000.00', coFinancing: '20000.00' }),
      app('d2', 'c3', 'o5', 'reviewed', {
        assisted: true,
        direction: 'culture',
        requested: '90000.00',
        coFinancing: '18000.00',
        score: '70.00',
      }),
      // 2026, c6 (open)
      app('e1', 'c6', 'o6', 'draft', { direction: null }),
      app('e2', 'c6', 'o4', 'submitted', { requested: '50000.00', coFinancing: '10000.00' }),
      // 2026, c4 (cancelled: out of every figure)
      app('x1', 'c4', 'o7', 'submitted', { assisted: true, requested: '70000.00', coFinancing: '14000.00' }),
    ],
    reviews: [
      review('p1', '70.00', 3),
      review('p1', '80.00', 4),
      review('a1', '84.00', 10),
      review('a1', '87.00', 20),
      review('a2', '78.00', 5),
      review('a2', '82.00', 15),
      review('a3', '40.00', 8),
      review('a3', '75.00', 12),
      review('a3', '51.00', 30, { isExtra: true }),
      review('a4', '76.00', 6),
      review('a4', '80.00', 9),
      review('b1', '88.00', 2),
      review('b1', '92.00', 7),
      review('b2', '58.00', 11),
      review('b2', '62.00', 13),
      review('b2', null, null, { status: 'declined' }),
      review('d1', '70.00', 25),
      review('d1', null, null, { status: 'assigned' }),
      review('d2', '65.00', 14),
      review('d2', '75.00', 16),
      review('x1', '50.00', 1),
      review('x1', '90.00', 1),
    ],
    consultations: [
      { application: 'p1', status: 'completed', hours: 100 },
      { application: 'a1', status: 'completed', hours: 4 },
      { application: 'a2', status: 'completed', hours: 6 },
      { application: 'a2', status: 'requested', hours: null },
      { application: 'a3', status: 'in_progress', hours: null },
      { application: 'a8', status: 'completed', hours: 30 },
      { application: 'b1', status: 'completed', hours: 2 },
      { application: 'b2', status: 'completed', hours: 12 },
      { application: 'b3', status: 'completed', hours: 8 },
      { application: 'd2', status: 'completed', hours: 1 },
      { application: 'x1', status: 'completed', hours: 3 },
    ],
  };
}

const BASE = Date.parse('2026-03-01T00:00:00Z');
const HOUR = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Inserts the fixture; returns the generated ids by fixture key. */
export async function insertStatisticsYear(dataSource: DataSource, f: StatisticsYearFixture = statisticsYear()) {
  const ids = {
    organizations: {} as Record<string, string>,
    applicants: {} as Record<string, string>,
    competitions: {} as Record<string, string>,
    applications: {} as Record<string, string>,
  };
  await dataSource.transaction(async (m) => {
    const [consultant] = await m.query(
      `INSERT INTO users (email, password_hash, full_name, role) VALUES ('stats-consultant@rc.test', 'x', 'Консультант', 'consultant') RETURNING id`,
    );
    const experts: string[] = [];
    for (let i = 0; i < 4; i++) {
      const [e] = await m.query(
        `INSERT INTO users (email, password_hash, full_name, role) VALUES ($1, 'x', 'Эксперт', 'expert') RETURNING id`,
        [`stats-expert-${i}@rc.test`],
      );
      experts.push(e.id);
    }
    for (const o of f.organizations) {
      const [row] = await m.query(
        `INSERT INTO organizations (full_name, short_name, inn) VALUES ($1, $1, $2) RETURNING id`,
        [o.name, o.inn],
      );
      ids.organizations[o.key] = row.id;
      const [user] = await m.query(
        `INSERT INTO users (email, password_hash, full_name, role, organization_id) VALUES ($1, 'x', 'Заявитель', 'applicant', $2) RETURNING id`,
        [`stats-${o.key}@ngo.test`, row.id],
      );
      ids.applicants[o.key] = user.id;
    }
    for (const [i, c] of f.competitions.entries()) {
      const [row] = await m.query(
        `INSERT INTO competitions (short_code, title, year, total_budget, max_grant_amount, directions, criteria,
           divergence_threshold, submission_opens_at, submission_deadline, review_deadline, status, announced_at)
         VALUES ($1, $2, $3, $4, 500000, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          `S${c.key.toUpperCase()}`,
          c.title,
          c.year,
          c.budget,
          JSON.stringify(c.directions),
          JSON.stringify(DEFAULT_CRITERIA),
          c.divergenceThreshold,
          `${c.year}-02-01T00:00:00Z`,
          // Distinct deadlines keep the by-competition order the fixture's order.
          `${c.year}-04-${10 + i}T00:00:00Z`,
          `${c.year}-05-01T00:00:00Z`,
          c.status,
          c.announcedAt,
        ],
      );
      ids.competitions[c.key] = row.id;
    }
    const sequences: Record<string, number> = {};
    for (const a of f.applications) {
      const c = f.competitions.find((x) => x.key === a.competition)!;
      const sequence = a.submitted ? (sequences[a.competition] = (sequences[a.competition] ?? 0) + 1) : null;
      const [row] = await m.query(
        `INSERT INTO applications (competition_id, organization_id, created_by, title, summary, direction, requested_amount,
           co_financing_amount, project_start, project_end, geography, status, registration_number, sequence, submitted_at,
           consultant_assisted, score, awarded_amount)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
        [
          ids.competitions[a.competition],
          ids.organizations[a.organization],
          ids.applicants[a.organization],
          a.title,
          a.summary,
          a.direction,
          a.requested,
          a.coFinancing,
          a.projectStart,
          a.projectEnd,
          a.geography,
          a.status,
          sequence ? `${c.year}-S${c.key.toUpperCase()}-${sequence}` : null,
          sequence,
          a.submitted ? `${c.year}-03-15T00:00:00Z` : null,
          a.assisted,
          a.score,
          a.awarded,
        ],
      );
      ids.applications[a.key] = row.id;
      if (a.awardedAt) {
        await m.query(
          `INSERT INTO application_events (application_id, from_status, to_status, actor_role, at) VALUES ($1, 'reviewed', 'awarded', 'admin', $2)`,
          [row.id, a.awardedAt],
        );
      }
    }
    const perApplication: Record<string, number> = {};
    f.reviews.forEach((r, i) => {
      perApplication[r.application] = (perApplication[r.application] ?? 0) + 1;
      (r as FixtureReview & { expert: string }).expert = experts[perApplication[r.application] - 1];
      (r as FixtureReview & { assignedAt: number }).assignedAt = BASE + i * HOUR;
    });
    for (const r of f.reviews as (FixtureReview & { expert: string; assignedAt: number })[]) {
      const a = f.applications.find((x) => x.key === r.application)!;
      await m.query(
        `INSERT INTO reviews (application_id, competition_id, expert_id, status, total, is_extra, due_at, assigned_at, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          ids.applications[r.application],
          ids.competitions[a.competition],
          r.expert,
          r.status,
          r.total,
          r.isExtra,
          iso(r.assignedAt + 30 * 24 * HOUR),
          iso(r.assignedAt),
          r.hours === null ? null : iso(r.assignedAt + r.hours * HOUR),
        ],
      );
    }
    for (const [i, k] of f.consultations.entries()) {
      const a = f.applications.find((x) => x.key === k.application)!;
      const requestedAt = BASE + i * 7 * HOUR;
      await m.query(
        `INSERT INTO consultations (application_id, organization_id, requested_by, question, status, consultant_id, requested_at, taken_at, completed_at)
         VALUES ($1, $2, $3, 'Проверьте бюджет', $4, $5, $6, $7, $8)`,
        [
          ids.applications[k.application],
          ids.organizations[a.organization],
          ids.applicants[a.organization],
          k.status,
          k.status === 'requested' ? null : consultant.id,
          iso(requestedAt),
          k.status === 'requested' ? null : iso(requestedAt + HOUR / 2),
          k.hours === null ? null : iso(requestedAt + k.hours * HOUR),
        ],
      );
    }
  });
  return ids;
}
