import 'reflect-metadata';
import { AppConfig } from '@grants/config';
import { migrateDatabase } from '../migrate';

async function main() {
  const { DATABASE_URL } = AppConfig.fromEnvironment().values;
  const applied = await migrateDatabase(DATABASE_URL);
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database is up to date');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
