export * from './data-source-options';
export * from './snake-naming.strategy';
export * from './ensure-database';
export * from './migrate';
export * from './database.module';
export * from './pg-errors';
export * from './select-by-id';
