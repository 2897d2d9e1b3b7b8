import { MigrationInterface, QueryRunner } from 'typeorm';

/** The whole product schema: identity, competitions, applications, consultations, reviews, outbox, statistics, audit. */
export class InitialSchema1764100000000 implements MigrationInterface {
  name = 'InitialSchema1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);

    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        full_name text NOT NULL,
        short_name text,
        inn varchar(10) NOT NULL,
        ogrn varchar(13),
        municipality text,
        email text,
        phone text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_organizations_inn UNIQUE (inn)
      )`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        full_name text NOT NULL,
        role varchar(16) NOT NULL CHECK (role IN ('applicant','consultant','expert','admin')),
        locale varchar(2) NOT NULL DEFAULT 'ru' CHECK (locale IN ('ru','en')),
        organization_id uuid REFERENCES organizations(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((role = 'applicant') = (organization_id IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_users_email ON users (lower(email))`);
    await q.query(`CREATE INDEX ix_users_role ON users (role)`);
    await q.query(`CREATE INDEX ix_users_organization ON users (organization_id)`);

    await q.query(`
      CREATE TABLE competitions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        short_code varchar(16) NOT NULL,
        title text NOT NULL,
        description text,
        year int NOT NULL,
        funding_source text,
        currency varchar(3) NOT NULL DEFAULT 'RUB',
        total_budget numeric(14,2) NOT NULL CHECK (total_budget > 0),
        max_grant_amount numeric(14,2) NOT NULL CHECK (max_grant_amount > 0),
        min_co_financing_percent numeric(5,2) NOT NULL DEFAULT 0,
        directions jsonb NOT NULL,
        criteria jsonb NOT NULL,
        experts_per_application int NOT NULL DEFAULT 2,
        divergence_threshold numeric(5,2) NOT NULL DEFAULT 30,
        min_score_to_award numeric(7,2),
        timezone text NOT NULL DEFAULT 'Asia/Krasnoyarsk',
        submission_opens_at timestamptz NOT NULL,
        submission_deadline timestamptz NOT NULL,
        review_deadline timestamptz NOT NULL,
        status varchar(24) NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft','open','review','results_announced','archived','cancelled')),
        cancel_reason text,
        last_sequence int NOT NULL DEFAULT 0,
        published_at timestamptz,
        closed_at timestamptz,
        announced_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_competitions_short_code UNIQUE (short_code),
        CHECK (submission_opens_at < submission_deadline AND submission_deadline < review_deadline)
      )`);
    await q.query(`CREATE INDEX ix_competitions_status ON competitions (status)`);
    await q.query(`CREATE INDEX ix_competitions_year ON competitions (year)`);

    await q.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        competition_id uuid NOT NULL REFERENCES competitions(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        created_by uuid NOT NULL REFERENCES users(id),
        title text NOT NULL,
        summary text,
        direction varchar(64),
        requested_amount numeric(14,2),
        co_financing_amount numeric(14,2),
        project_start date,
        project_end date,
        goals text,
        expected_results jsonb NOT NULL DEFAULT '[]',
        budget_lines jsonb NOT NULL DEFAULT '[]',
        geography text,
        status varchar(24) NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft','submitted','under_review','reviewed','awarded','not_awarded','withdrawn','not_submitted','ineligible')),
        registration_number varchar(48),
        sequence int,
        submitted_at timestamptz,
        content_hash varchar(64),
        consultant_assisted boolean NOT NULL DEFAULT false,
        score numeric(7,2),
        awarded_amount numeric(14,2),
        ineligible_reason text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_applications_registration_number UNIQUE (registration_number),
        CONSTRAINT uq_applications_sequence UNIQUE (competition_id, sequence)
      )`);
    await q.query(`CREATE INDEX ix_applications_competition_status ON applications (competition_id, status)`);
    await q.query(`CREATE INDEX ix_applications_organization ON applications (organization_id)`);

    await q.query(`
      CREATE TABLE application_snapshots (
        application_id uuid PRIMARY KEY REFERENCES applications(id),
        content jsonb NOT NULL,
        content_hash varchar(64) NOT NULL,
        submitted_at timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE application_events (
        id bigserial PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES applications(id),
        from_status varchar(24),
        to_status varchar(24) NOT NULL,
        actor_id uuid REFERENCES users(id),
        actor_role varchar(16) NOT NULL,
        reason text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_application_events_application ON application_events (application_id, id)`);

    await q.query(`
      CREATE TABLE consultations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        requested_by uuid NOT NULL REFERENCES users(id),
        question text NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'requested' CHECK (status IN ('requested','in_progress','completed')),
        consultant_id uuid REFERENCES users(id),
        comment text,
        verdict varchar(16) CHECK (verdict IN ('ready','needs_changes')),
        remarks jsonb NOT NULL DEFAULT '[]',
        requested_at timestamptz NOT NULL DEFAULT now(),
        taken_at timestamptz,
        completed_at timestamptz,
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX ix_consultations_status ON consultations (status, requested_at)`);
    await q.query(`CREATE INDEX ix_consultations_application ON consultations (application_id)`);
    await q.query(`CREATE INDEX ix_consultations_organization ON consultations (organization_id)`);

    await q.query(`
      CREATE TABLE expert_conflicts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        expert_id uuid NOT NULL REFERENCES users(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_expert_conflicts UNIQUE (expert_id, organization_id)
      )`);

    await q.query(`
      CREATE TABLE reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications(id),
        competition_id uuid NOT NULL REFERENCES competitions(id),
        expert_id uuid NOT NULL REFERENCES users(id),
        status varchar(16) NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned','in_progress','submitted','declined')),
        scores jsonb NOT NULL DEFAULT '{}',
        comment text,
        total numeric(7,2),
        decline_reason text,
        is_extra boolean NOT NULL DEFAULT false,
        due_at timestamptz NOT NULL,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        version int NOT NULL DEFAULT 1,
        CONSTRAINT uq_reviews_application_expert UNIQUE (application_id, expert_id)
      )`);
    await q.query(`CREATE INDEX ix_reviews_expert ON reviews (expert_id, status)`);
    await q.query(`CREATE INDEX ix_reviews_competition ON reviews (competition_id, status)`);
    await q.query(`CREATE INDEX ix_reviews_application ON reviews (application_id)`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid REFERENCES users(id),
        email text NOT NULL,
        locale varchar(2) NOT NULL DEFAULT 'ru',
        template varchar(64) NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        dedupe_key text NOT NULL,
        decision_key text,
        subject text,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','queued','sent','failed','voided')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        message_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        queued_at timestamptz,
        sent_at timestamptz,
        CONSTRAINT uq_notifications_dedupe UNIQUE (dedupe_key)
      )`);
    await q.query(
      `CREATE INDEX ix_notifications_pending ON notifications (created_at) WHERE status IN ('pending','queued')`,
    );
    await q.query(`CREATE INDEX ix_notifications_user ON notifications (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX ix_notifications_status ON notifications (status)`);
    await q.query(
      `CREATE INDEX ix_notifications_decision ON notifications (decision_key) WHERE decision_key IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE statistics_snapshots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year int NOT NULL,
        compiled_at timestamptz NOT NULL DEFAULT now(),
        job_id text,
        figures jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_statistics_snapshots_year ON statistics_snapshots (year, compiled_at DESC)`);

    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        actor_id uuid REFERENCES users(id),
        action varchar(64) NOT NULL,
        target text,
        details jsonb,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_audit_log_at ON audit_log (at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'statistics_snapshots',
      'notifications',
      'reviews',
      'expert_conflicts',
      'consultations',
      'application_events',
      'application_snapshots',
      'applications',
      'competitions',
      'users',
      'organizations',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
