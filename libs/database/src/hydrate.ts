import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * An entity from a row of plain SQL (`SELECT t.* …`, keys are column names), converted as TypeORM converts
 * its own query results (dates, numerics, transformers): for hot paths whose query the query builder would
 * rebuild on every call. Keys that are no column of the entity are left out. With `prefix`, the entity's
 * columns are the keys `prefix + column` (one row holding two entities, `columnsOf(…, prefix)`).
 */
export function hydrated<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
  prefix = '',
): T {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    const key = prefix + column.databaseName;
    if (key in row) column.setEntityValue(entity, driver.prepareHydratedValue(row[key], column));
  }
  return entity;
}
