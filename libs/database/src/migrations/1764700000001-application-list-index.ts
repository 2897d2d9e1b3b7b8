import { MigrationInterface, QueryRunner } from 'typeorm';

/** Lists of a competition's applications page by creation time without sorting the whole competition. */
export class ApplicationListIndex1764700000001 implements MigrationInterface {
  name = 'ApplicationListIndex1764700000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_applications_competition_created ON applications (competition_id, created_at DESC, id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_applications_competition_created`);
  }
}
