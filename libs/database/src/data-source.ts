import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AppConfig } from '@grants/config';
import { dataSourceOptions } from './data-source-options';

/** For the TypeORM CLI (`npm run db:migration:generate`). */
export default new DataSource(dataSourceOptions(AppConfig.fromEnvironment().values.DATABASE_URL));
