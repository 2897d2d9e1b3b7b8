import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registration-number counters move out of the competitions row into a row of their own, so the
 * deadline rush serialises only on the counter for the last statements of each submit, while the
 * competition row stays share-locked (a close or an extension still waits for in-flight submits).
 */
export class CompetitionSequences1764700000000 implements MigrationInterface {
  name = 'CompetitionSequences1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE competition_sequences (
        competition_id uuid PRIMARY KEY REFERENCES competitions(id),
        last_sequence int NOT NULL CHECK (last_sequence > 0)
      )`);
    await q.query(
      `INSERT INTO competition_sequences (competition_id, last_sequence) SELECT id, last_sequence FROM competitions WHERE last_sequence > 0`,
    );
    await q.query(`ALTER TABLE competitions DROP COLUMN last_sequence`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE competitions ADD COLUMN last_sequence int NOT NULL DEFAULT 0`);
    await q.query(
      `UPDATE competitions c SET last_sequence = s.last_sequence FROM competition_sequences s WHERE s.competition_id = c.id`,
    );
    await q.query(`DROP TABLE competition_sequences`);
  }
}
