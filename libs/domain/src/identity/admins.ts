import { EntityManager } from 'typeorm';

/** Every admin's user id, oldest first: the recipients of operator mails. */
export async function adminIds(manager: EntityManager): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM users WHERE role = 'admin' ORDER BY created_at, id`,
  );
  return rows.map((r) => r.id);
}
