import { EntityMetadata } from 'typeorm';
import { selectByIdSql } from './select-by-id';

const column = (propertyName: string, databaseName: string, type: unknown) => ({ propertyName, databaseName, type });

const metadataOf = (columns: ReturnType<typeof column>[]) =>
  ({ name: 'Thing', tableName: 'things', columns, primaryColumns: [columns[0]] }) as unknown as EntityMetadata;

describe('selectByIdSql', () => {
  it('selects every column under its property name by primary key', () => {
    const sql = selectByIdSql(
      metadataOf([
        column('id', 'id', 'uuid'),
        column('shortCode', 'short_code', 'varchar'),
        column('version', 'version', 'int4'),
      ]),
    );
    expect(sql).toBe(
      'SELECT "id" AS "id", "short_code" AS "shortCode", "version" AS "version" FROM "things" WHERE "id" = $1',
    );
  });

  it('refuses a column that pg would not parse as TypeORM hydrates it', () => {
    expect(() =>
      selectByIdSql(metadataOf([column('id', 'id', 'uuid'), column('startsOn', 'starts_on', 'date')])),
    ).toThrow('Thing.startsOn (date) needs TypeORM hydration');
  });
});
