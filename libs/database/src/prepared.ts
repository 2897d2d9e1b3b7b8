import { createHash } from 'node:crypto';
import { EntityManager, EntityTarget, ObjectLiteral, QueryFailedError } from 'typeorm';

/** Texts prepared at most: past it a text runs unnamed, so a text built with values in it cannot grow every connection's cache. */
const MAX_PREPARED_TEXTS = 500;
const names = new Map<string, string>();

/** One text, one name on every connection: the name is its SHA-1 (the pg client keeps a name bound to one text). */
function statementName(text: string): string | undefined {
  const known = names.get(text);
  if (known || names.size >= MAX_PREPARED_TEXTS) return known;
  const name = `g_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  names.set(text, name);
  return name;
}

interface PgQueryable {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs `text` as a named prepared statement on the manager's connection (its transaction's, else one from the
 * pool): PostgreSQL parses it once per connection and, after a few runs, keeps one plan for it, where
 * `manager.query` has it parsed and planned on every call. For hot statements whose text the code fixes,
 * values always as parameters. The rows as pg types them, like `manager.query` for a SELECT; a failure is a
 * TypeORM QueryFailedError, like `manager.query`'s.
 *
 * A prepared statement keeps the row type it was planned with: select listed columns (`columnsOf`), never
 * `*`, so a migration that adds a column leaves a running api's statements valid.
 */
export async function preparedQuery<T = Record<string, unknown>>(
  manager: EntityManager,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const target: PgQueryable = manager.queryRunner
    ? await manager.queryRunner.connect()
    : (manager.connection.driver as unknown as { master: PgQueryable }).master;
  try {
    const result = await target.query({ name: statementName(text), text, values });
    return result.rows as T[];
  } catch (error) {
    manager.connection.logger.logQueryError(error as Error, text, values, manager.queryRunner);
    throw new QueryFailedError(text, values, error as Error);
  }
}

const columnLists = new WeakMap<object, Map<string, string>>();

/**
 * The entity's columns as a select list (`a."id", a."status", …`): its row hydrates as `SELECT a.*` would.
 * With `prefix`, each is named `prefix + column` (`c."id" AS "c__id"`), for `hydrated(…, prefix)`.
 */
export function columnsOf<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  alias: string,
  prefix = '',
): string {
  const metadata = manager.connection.getMetadata(target);
  let lists = columnLists.get(metadata);
  if (!lists) columnLists.set(metadata, (lists = new Map()));
  const key = `${alias}\0${prefix}`;
  let list = lists.get(key);
  if (!list) {
    list = metadata.columns
      .map((c) => `${alias}."${c.databaseName}"${prefix ? ` AS "${prefix}${c.databaseName}"` : ''}`)
      .join(', ');
    lists.set(key, list);
  }
  return list;
}
