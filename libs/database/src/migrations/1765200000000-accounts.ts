import { MigrationInterface, QueryRunner } from 'typeorm';

/** Canonical form of an email; keep identical to canonicalEmail() in libs/domain (a migration cannot import it). */
const canonical = (email: string) => email.trim().toLowerCase().normalize('NFC');

/**
 * Accounts: active flag, email confirmation, a session version that revokes older tokens, one-time
 * tokens (password reset, email confirmation, invitations) stored as hashes, and emails stored in
 * their canonical form with a plain unique index (lookups compare the canonical strings exactly).
 */
export class Accounts1765200000000 implements MigrationInterface {
  name = 'Accounts1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN active boolean NOT NULL DEFAULT true,
        ADD COLUMN email_verified_at timestamptz,
        ADD COLUMN session_version int NOT NULL DEFAULT 0`);
    const rows: { id: string; email: string }[] = await q.query(`SELECT id, email FROM users`);
    for (const row of rows) {
      const email = canonical(row.email);
      if (email !== row.email) await q.query(`UPDATE users SET email = $1 WHERE id = $2`, [email, row.id]);
    }
    await q.query(`DROP INDEX uq_users_email`);
    await q.query(`CREATE UNIQUE INDEX uq_users_email ON users (email)`);

    await q.query(`
      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(24) NOT NULL CHECK (kind IN ('password_reset','email_verification','invitation')),
        token_hash text NOT NULL,
        user_id uuid REFERENCES users(id),
        organization_id uuid REFERENCES organizations(id),
        email text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT uq_account_tokens_hash UNIQUE (token_hash),
        CHECK (kind = 'invitation' OR user_id IS NOT NULL),
        CHECK (kind <> 'invitation' OR (organization_id IS NOT NULL AND email IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ix_account_tokens_user ON account_tokens (user_id, kind) WHERE used_at IS NULL`);
    await q.query(
      `CREATE INDEX ix_account_tokens_invitations ON account_tokens (organization_id, email) WHERE kind = 'invitation' AND used_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_tokens`);
    await q.query(`DROP INDEX uq_users_email`);
    await q.query(`CREATE UNIQUE INDEX uq_users_email ON users (lower(email))`);
    await q.query(`ALTER TABLE users DROP COLUMN active, DROP COLUMN email_verified_at, DROP COLUMN session_version`);
  }
}
