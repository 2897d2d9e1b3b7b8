import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Competitions list the document types they ask for; applications hold their attached files (the
 * bytes live in the file store under `storage_key`, never under the client's file name).
 */
export class Documents1765300000000 implements MigrationInterface {
  name = 'Documents1765300000000';

  async up(q: QueryRunner): Promise<void> {
    // Competitions created before documents existed ask for the default types, none of them required:
    // their rules do not change under the applicants' feet.
    await q.query(`
      ALTER TABLE competitions ADD COLUMN document_types jsonb NOT NULL DEFAULT '[
        {"code": "charter", "title": "Устав организации", "titleEn": "Charter of the organization", "required": false},
        {"code": "budget", "title": "Смета проекта", "titleEn": "Project budget", "required": false},
        {"code": "letters", "title": "Письма поддержки", "titleEn": "Letters of support", "required": false},
        {"code": "other", "title": "Иные документы", "titleEn": "Other documents", "required": false}
      ]'::jsonb`);
    // Rows written by hand (SQL fixtures, data imports) ask for no documents; the service always sets the list.
    await q.query(`ALTER TABLE competitions ALTER COLUMN document_types SET DEFAULT '[]'::jsonb`);
    await q.query(`
      CREATE TABLE application_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications(id),
        type varchar(64) NOT NULL,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        size bigint NOT NULL CHECK (size > 0),
        content_type varchar(200) NOT NULL,
        sha256 char(64) NOT NULL,
        storage_key varchar(512) NOT NULL UNIQUE,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ix_application_documents_application ON application_documents (application_id, uploaded_at, id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE application_documents`);
    await q.query(`ALTER TABLE competitions DROP COLUMN document_types`);
  }
}
