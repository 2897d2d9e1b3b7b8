import { EntityMetadata } from 'typeorm';

// Column types whose value pg already parses into what TypeORM would hydrate (no transformer, no date strings).
const PLAIN_TYPES = new Set(['uuid', 'varchar', 'text', 'int', 'int4', 'integer', 'numeric', 'jsonb', 'timestamptz']);

/**
 * `SELECT "column" AS "property", … FROM "table" WHERE "id" = $1` for an entity, so a hot read by primary
 * key runs as one plain query whose row is already the entity's shape. Throws for columns that would need
 * TypeORM's hydration.
 */
export function selectByIdSql(metadata: EntityMetadata): string {
  const columns = metadata.columns.map((c) => {
    const type = typeof c.type === 'string' ? c.type : '';
    if (c.transformer || c.isArray || !PLAIN_TYPES.has(type)) {
      throw new Error(`selectByIdSql: ${metadata.name}.${c.propertyName} (${String(c.type)}) needs TypeORM hydration`);
    }
    return `"${c.databaseName}" AS "${c.propertyName}"`;
  });
  const [primary] = metadata.primaryColumns;
  return `SELECT ${columns.join(', ')} FROM "${metadata.tableName}" WHERE "${primary.databaseName}" = $1`;
}
