import { randomUUID } from 'node:crypto';
import { Column, DataSource, Entity, PrimaryGeneratedColumn, QueryFailedError } from 'typeorm';
import { AppConfig } from '@grants/config';
import { dropDatabase, ensureDatabase } from './ensure-database';
import { hydrated } from './hydrate';
import { columnsOf, preparedQuery } from './prepared';

@Entity({ name: 'things' })
class Thing {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'timestamptz', name: 'made_at' }) madeAt!: Date;
}

/** Prepared statements on a real PostgreSQL: one parse per connection, rows as manager.query gives them. */
describe('preparedQuery', () => {
  const url = new URL(AppConfig.fromEnvironment().values.DATABASE_URL);
  url.pathname = `/grants_prepared_${randomUUID().slice(0, 8)}`;
  let ds: DataSource;
  let id: string;

  beforeAll(async () => {
    await ensureDatabase(url.toString());
    ds = new DataSource({
      type: 'postgres',
      url: url.toString(),
      entities: [Thing],
      extra: { max: 2 },
    });
    await ds.initialize();
    // A table of this spec's own database, for the entity above; the product's tables come from migrations.
    await ds.query(
      `CREATE TABLE things (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), title text NOT NULL, made_at timestamptz NOT NULL)`,
    );
    [{ id }] = await ds.query(`INSERT INTO things (title, made_at) VALUES ('Устав', now()) RETURNING id`);
  });
  afterAll(async () => {
    await ds?.destroy();
    await dropDatabase(url.toString());
  });

  it('prepares a text once on a connection, by one name everywhere, and answers as manager.query does', async () => {
    const text = `SELECT ${columnsOf(ds.manager, Thing, 't')} FROM things t WHERE t.id = $1`;
    await ds.transaction(async (manager) => {
      const first = await preparedQuery(manager, text, [id]);
      const again = await preparedQuery(manager, text, [id]);
      expect(again).toEqual(first);
      expect(first).toEqual(await manager.query(text, [id]));
      expect(hydrated(manager, Thing, first[0])).toMatchObject({ id, title: 'Устав', madeAt: expect.any(Date) });
      const prepared = await manager.query(`SELECT name FROM pg_prepared_statements WHERE statement = $1`, [text]);
      expect(prepared).toEqual([{ name: expect.stringMatching(/^g_[0-9a-f]{24}$/) }]);
    });
    // Outside a transaction: a connection of the pool, the same answer.
    expect(await preparedQuery(ds.manager, text, [id])).toHaveLength(1);
  });

  it('keeps working when a migration adds a column, where a prepared SELECT * stops', async () => {
    const listed = `SELECT ${columnsOf(ds.manager, Thing, 't')} FROM things t WHERE t.id = $1`;
    const star = `SELECT t.* FROM things t WHERE t.id = $1`;
    await ds.transaction(async (manager) => {
      await preparedQuery(manager, listed, [id]);
      await preparedQuery(manager, star, [id]);
      await manager.query(`ALTER TABLE things ADD COLUMN note text`);
      expect(await preparedQuery(manager, listed, [id])).toHaveLength(1);
      await expect(preparedQuery(manager, star, [id])).rejects.toThrow('cached plan must not change result type');
    });
  });

  it('fails as manager.query fails: a QueryFailedError carrying the driver error', async () => {
    const error = await preparedQuery(ds.manager, `SELECT 1 / $1::int AS x`, [0]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect((error as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('22012');
  });

  it('names entity columns with a prefix for a row holding two entities', () => {
    expect(columnsOf(ds.manager, Thing, 'c', 'c__')).toBe(
      'c."id" AS "c__id", c."title" AS "c__title", c."made_at" AS "c__made_at"',
    );
    const entity = hydrated(
      ds.manager,
      Thing,
      { c__id: id, c__title: 'x', c__made_at: new Date(0), id: 'other' },
      'c__',
    );
    expect(entity).toMatchObject({ id, title: 'x', madeAt: new Date(0) });
  });
});
