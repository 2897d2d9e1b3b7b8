import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { ensureDatabase } from './ensure-database';

/** Creates the database if needed and applies pending migrations; returns the names applied. */
export async function migrateDatabase(url: string): Promise<string[]> {
  await ensureDatabase(url);
  const dataSource = new DataSource(dataSourceOptions(url, { extra: { max: 1 } }));
  await dataSource.initialize();
  try {
    // One migrator at a time, even with several replicas starting together.
    await dataSource.query('SELECT pg_advisory_lock(7020251)');
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.query('SELECT pg_advisory_unlock(7020251)');
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
