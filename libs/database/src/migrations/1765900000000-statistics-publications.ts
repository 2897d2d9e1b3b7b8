import { MigrationInterface, QueryRunner } from 'typeorm';

/** The public annual report of a year: the snapshot an admin published (a later publish replaces it). */
export class StatisticsPublications1765900000000 implements MigrationInterface {
  name = 'StatisticsPublications1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE statistics_publications (
        year int PRIMARY KEY,
        snapshot_id uuid NOT NULL REFERENCES statistics_snapshots(id),
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid REFERENCES users(id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE statistics_publications`);
  }
}
