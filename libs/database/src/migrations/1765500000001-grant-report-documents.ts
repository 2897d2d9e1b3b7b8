import { MigrationInterface, QueryRunner } from 'typeorm';

/** Files of grant reports, stored and checked like application documents. */
export class GrantReportDocuments1765500000001 implements MigrationInterface {
  name = 'GrantReportDocuments1765500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE grant_report_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES grant_reports(id),
        grant_id uuid NOT NULL REFERENCES grants(id),
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        size bigint NOT NULL CHECK (size > 0),
        content_type varchar(100) NOT NULL,
        sha256 varchar(64) NOT NULL,
        storage_key text NOT NULL UNIQUE,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        uploaded_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX ix_grant_report_documents_report ON grant_report_documents (report_id, uploaded_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE grant_report_documents`);
  }
}
