import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Criterion, DEFAULT_CRITERIA } from '@grants/domain';
import { registerNgo, Session } from './factories';
import { TestContext } from './test-context';

const DAY = 24 * 60 * 60 * 1000;

export interface ReviewRoundOptions {
  /** Requested amount of each application, in submission order; their count is the number of applications. */
  requestedAmounts?: string[];
  criteria?: Criterion[];
  expertsPerApplication?: number;
  divergenceThreshold?: number;
  totalBudget?: string;
  maxGrantAmount?: string;
  minScoreToAward?: string | null;
  year?: number;
}

export interface RoundApplication {
  id: string;
  organizationId: string;
  registrationNumber: string;
  requestedAmount: string;
  submittedAt: Date;
  applicant: Session;
}

export interface ReviewRound {
  competitionId: string;
  year: number;
  applications: RoundApplication[];
}

/**
 * A competition already in `review` with one NGO per application, each application `under_review`
 * with a registration number and distinct submission times (a minute apart, in order), inserted
 * straight into the database so review tests do not depend on the submission flow.
 */
export async function createReviewRound(ctx: TestContext, options: ReviewRoundOptions = {}): Promise<ReviewRound> {
  const db = ctx.api.get(DataSource);
  const amounts = options.requestedAmounts ?? ['100000.00', '100000.00', '100000.00'];
  const year = options.year ?? new Date().getUTCFullYear();
  const shortCode = randomBytes(3).toString('hex').toUpperCase();
  const now = Date.now();
  const [{ id: competitionId }] = await db.query(
    `INSERT INTO competitions (short_code, title, year, total_budget, max_grant_amount, directions, criteria,
        experts_per_application, divergence_threshold, min_score_to_award, submission_opens_at, submission_deadline,
        review_deadline, status, published_at, closed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'review', $11, $12) RETURNING id`,
    [
      shortCode,
      `Конкурс «Город для всех» ${shortCode}`,
      year,
      options.totalBudget ?? '1000000.00',
      options.maxGrantAmount ?? '300000.00',
      JSON.stringify([{ code: 'social', title: 'Социальная поддержка и защита граждан' }]),
      JSON.stringify(options.criteria ?? DEFAULT_CRITERIA),
      options.expertsPerApplication ?? 2,
      options.divergenceThreshold ?? 30,
      options.minScoreToAward ?? null,
      new Date(now - 30 * DAY),
      new Date(now - DAY),
      new Date(now + 20 * DAY),
    ],
  );
  const applications: RoundApplication[] = [];
  for (const [i, requestedAmount] of amounts.entries()) {
    const applicant = await registerNgo(ctx.http);
    const submittedAt = new Date(now - 10 * DAY + i * 60_000);
    const registrationNumber = `${year}-${shortCode}-${String(i + 1).padStart(4, '0')}`;
    const [{ id }] = await db.query(
      `INSERT INTO applications (competition_id, organization_id, created_by, title, summary, direction, requested_amount,
          co_financing_amount, status, registration_number, sequence, submitted_at)
       VALUES ($1, $2, $3, $4, $5, 'social', $6, $7, 'under_review', $8, $9, $10) RETURNING id`,
      [
        competitionId,
        applicant.user.organizationId,
        applicant.user.id,
        `Проект №${i + 1}: добрые соседи`,
        'Помощь пожилым жителям микрорайона',
        requestedAmount,
        '20000.00',
        registrationNumber,
        i + 1,
        submittedAt,
      ],
    );
    applications.push({
      id,
      organizationId: applicant.user.organizationId!,
      registrationNumber,
      requestedAmount,
      submittedAt,
      applicant,
    });
  }
  return { competitionId, year, applications };
}

/** Records a completed consultation by `consultantId`, making the application consultant-assisted. */
export async function markConsultantAssisted(
  ctx: TestContext,
  application: RoundApplication,
  consultantId: string,
): Promise<void> {
  const db = ctx.api.get(DataSource);
  await db.query(
    `INSERT INTO consultations (application_id, organization_id, requested_by, question, status, consultant_id, comment, verdict,
        taken_at, completed_at)
     VALUES ($1, $2, $3, 'Проверьте бюджет, пожалуйста', 'completed', $4, 'Бюджет обоснован', 'ready', now(), now())`,
    [application.id, application.organizationId, application.applicant.user.id, consultantId],
  );
  await db.query(`UPDATE applications SET consultant_assisted = true WHERE id = $1`, [application.id]);
}
