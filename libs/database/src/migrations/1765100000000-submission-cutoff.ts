import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The arrival of an admin's close request: submits received at or after it are refused, the ones received
 * before it are still taken, and the close itself runs SUBMIT_GRACE_MS later. The deadline stays as it was.
 */
export class SubmissionCutoff1765100000000 implements MigrationInterface {
  name = 'SubmissionCutoff1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE competitions ADD COLUMN submission_cutoff_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE competitions DROP COLUMN submission_cutoff_at`);
  }
}
