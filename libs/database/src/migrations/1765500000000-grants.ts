import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Grants after the award: each award becomes a grant with the reports of its competition's schedule;
 * one history table for the steps of grants and of their reports.
 */
export class Grants1765500000000 implements MigrationInterface {
  name = 'Grants1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE competitions ADD COLUMN report_schedule jsonb NOT NULL DEFAULT '[]'`);
    // Existing competitions get the default schedule: an interim report six months and a final report
    // twelve months after the earliest project start (the local date of the submission deadline).
    await q.query(`
      UPDATE competitions SET report_schedule = jsonb_build_array(
        jsonb_build_object('code', 'interim', 'title', 'Промежуточный отчёт', 'titleEn', 'Interim report',
          'dueDate', to_char((submission_deadline AT TIME ZONE timezone)::date + interval '6 months', 'YYYY-MM-DD')),
        jsonb_build_object('code', 'final', 'title', 'Итоговый отчёт', 'titleEn', 'Final report',
          'dueDate', to_char((submission_deadline AT TIME ZONE timezone)::date + interval '12 months', 'YYYY-MM-DD')))`);

    await q.query(`
      CREATE TABLE grants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications(id),
        competition_id uuid NOT NULL REFERENCES competitions(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        registration_number varchar(48) NOT NULL,
        title text NOT NULL,
        amount numeric(14,2) NOT NULL CHECK (amount > 0),
        co_financing_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (co_financing_amount >= 0),
        project_start date,
        project_end date,
        status varchar(24) NOT NULL DEFAULT 'awaiting_agreement'
          CHECK (status IN ('awaiting_agreement','active','completed','terminated')),
        agreement_number varchar(100),
        agreement_date date,
        termination_reason text,
        completed_at timestamptz,
        terminated_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_grants_application UNIQUE (application_id),
        CONSTRAINT ck_grants_agreement CHECK (status = 'awaiting_agreement' OR status = 'terminated' OR agreement_number IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX ix_grants_competition_status ON grants (competition_id, status)`);
    await q.query(`CREATE INDEX ix_grants_organization ON grants (organization_id)`);

    await q.query(`
      CREATE TABLE grant_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grant_id uuid NOT NULL REFERENCES grants(id),
        code varchar(64) NOT NULL,
        title text NOT NULL,
        title_en text,
        due_date date NOT NULL,
        position int NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending','draft','submitted','returned','accepted')),
        narrative text,
        results jsonb NOT NULL DEFAULT '[]',
        expenditures jsonb NOT NULL DEFAULT '[]',
        first_submitted_at timestamptz,
        submitted_at timestamptz,
        accepted_at timestamptz,
        review_comment text,
        reviewed_by uuid REFERENCES users(id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_grant_reports_code UNIQUE (grant_id, code)
      )`);
    // Reminder planning and reconciliation look for reports still to be submitted by due date.
    await q.query(
      `CREATE INDEX ix_grant_reports_open_due ON grant_reports (due_date) WHERE status IN ('pending','draft')`,
    );

    await q.query(`
      CREATE TABLE grant_events (
        id bigserial PRIMARY KEY,
        grant_id uuid NOT NULL REFERENCES grants(id),
        report_code varchar(64),
        from_status varchar(24),
        to_status varchar(24) NOT NULL,
        actor_id uuid REFERENCES users(id),
        actor_role varchar(16) NOT NULL,
        comment text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_grant_events_grant ON grant_events (grant_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE grant_events`);
    await q.query(`DROP TABLE grant_reports`);
    await q.query(`DROP TABLE grants`);
    await q.query(`ALTER TABLE competitions DROP COLUMN report_schedule`);
  }
}
