import { DataSource } from 'typeorm';
import { insertApplication, insertCompetition } from './deadline-fixtures';
import { createReviewRound, ReviewRound, ReviewRoundOptions } from './review-fixtures';
import { Session } from './factories';
import { TestContext } from './test-context';

/** Expected results and budget lines every application of a grant round carries (requested 100 000.00). */
export const GRANT_EXPECTED_RESULTS = [
  { indicator: 'Число вовлечённых волонтёров', target: '120 человек' },
  { indicator: 'Проведено мероприятий', target: '10' },
];
export const GRANT_BUDGET_LINES = [
  { item: 'Оплата труда координатора', amount: '60000.00' },
  { item: 'Аренда помещения', amount: '40000.00' },
];

/**
 * A competition in review whose applications are already `reviewed` (scores 90, 80, 70, …), each with
 * expected results, budget lines, co-financing of 20 000.00 and project dates, ready to be announced.
 */
export async function createAwardRound(ctx: TestContext, options: ReviewRoundOptions = {}): Promise<ReviewRound> {
  const round = await createReviewRound(ctx, {
    requestedAmounts: ['100000.00', '100000.00', '100000.00'],
    ...options,
  });
  const db = ctx.api.get(DataSource);
  for (const [i, a] of round.applications.entries()) {
    await db.query(
      `UPDATE applications SET status = 'reviewed', score = $2, expected_results = $3, budget_lines = $4,
         project_start = current_date + 1, project_end = current_date + 300, goals = 'Помочь соседям'
       WHERE id = $1`,
      [a.id, 90 - i * 10, JSON.stringify(GRANT_EXPECTED_RESULTS), JSON.stringify(GRANT_BUDGET_LINES)],
    );
  }
  return round;
}

/** Announces the round, awarding the given applications their requested amount; returns the grant ids by application. */
export async function announceAwards(
  ctx: TestContext,
  admin: Session,
  round: ReviewRound,
  awarded: string[],
): Promise<Map<string, string>> {
  const res = await ctx.http.as(admin).post(`/competitions/${round.competitionId}/results`, {
    awards: awarded.map((applicationId) => ({
      applicationId,
      amount: round.applications.find((a) => a.id === applicationId)!.requestedAmount,
    })),
  });
  if (res.status !== 200) throw new Error(`announce failed: ${res.status} ${res.text}`);
  const rows: Array<{ id: string; application_id: string }> = await ctx.api
    .get(DataSource)
    .query(`SELECT id, application_id FROM grants WHERE competition_id = $1`, [round.competitionId]);
  return new Map(rows.map((r) => [r.application_id, r.id]));
}

export interface InsertedGrant {
  grantId: string;
  competitionId: string;
  applicationId: string;
}

/**
 * A grant of the NGO straight in the database (an announced competition, an awarded application of
 * 100 000.00 with co-financing 20 000.00, reports `interim` and `final` due in 30 and 60 days), for
 * tests about access and jobs that do not replay the announcement. `report` sets the interim report's
 * status; a `draft` or `submitted` one is filled in completely.
 */
export async function insertGrant(
  ds: DataSource,
  ngo: Session,
  options: {
    status?: string;
    report?: 'pending' | 'draft' | 'submitted';
    dueInDays?: [number, number];
    timezone?: string;
  } = {},
): Promise<InsertedGrant> {
  const competitionId = await insertCompetition(ds, {
    status: 'results_announced',
    submissionDeadline: new Date(Date.now() - 40 * 86_400_000),
    timezone: options.timezone,
  });
  const applicationId = await insertApplication(ds, competitionId, ngo, 'awarded');
  await ds.query(
    `UPDATE applications SET awarded_amount = 100000, requested_amount = 100000, co_financing_amount = 20000,
       expected_results = $2, budget_lines = $3 WHERE id = $1`,
    [applicationId, JSON.stringify(GRANT_EXPECTED_RESULTS), JSON.stringify(GRANT_BUDGET_LINES)],
  );
  const status = options.status ?? 'active';
  const [{ id: grantId }] = await ds.query(
    `INSERT INTO grants (application_id, competition_id, organization_id, registration_number, title, amount,
        co_financing_amount, status, agreement_number, agreement_date)
     SELECT id, competition_id, organization_id, registration_number, title, 100000, 20000, $2::varchar,
            CASE WHEN $2::varchar = 'awaiting_agreement' THEN NULL ELSE '1-ГП' END,
            CASE WHEN $2::varchar = 'awaiting_agreement' THEN NULL ELSE current_date END
     FROM applications WHERE id = $1 RETURNING id`,
    [applicationId, status],
  );
  const report = options.report ?? 'pending';
  const complete = report !== 'pending';
  const [interimDays, finalDays] = options.dueInDays ?? [30, 60];
  const results = GRANT_EXPECTED_RESULTS.map((r) => ({ ...r, achieved: complete ? r.target : null }));
  const expenditures = GRANT_BUDGET_LINES.map((l) => ({
    item: l.item,
    planned: l.amount,
    spent: complete ? l.amount : null,
  }));
  await ds.query(
    `INSERT INTO grant_reports (grant_id, code, title, title_en, due_date, position, status, narrative, results, expenditures,
        submitted_at, first_submitted_at)
     VALUES ($1, 'interim', 'Промежуточный отчёт', 'Interim report', current_date + $2::int, 1, $4::varchar, $5, $6::jsonb, $7::jsonb,
             CASE WHEN $4::varchar = 'submitted' THEN now() END, CASE WHEN $4::varchar = 'submitted' THEN now() END),
            ($1, 'final', 'Итоговый отчёт', 'Final report', current_date + $3::int, 2, 'pending', NULL, $8::jsonb, $9::jsonb, NULL, NULL)`,
    [
      grantId,
      interimDays,
      finalDays,
      report,
      complete ? 'Проект идёт по плану' : null,
      JSON.stringify(results),
      JSON.stringify(expenditures),
      JSON.stringify(GRANT_EXPECTED_RESULTS.map((r) => ({ ...r, achieved: null }))),
      JSON.stringify(GRANT_BUDGET_LINES.map((l) => ({ item: l.item, planned: l.amount, spent: null }))),
    ],
  );
  return { grantId, competitionId, applicationId };
}
