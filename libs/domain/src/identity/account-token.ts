import { createHash, createHmac, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

/**
 * One-time tokens of mail links (password reset, email confirmation, invitation). The token is derived
 * from its row id with an HMAC under the server secret, so neither the database nor the outbox payload
 * (which holds only the id) ever contains a usable token; the row stores the token's SHA-256.
 */
export function accountToken(id: string, secret: string): string {
  const mac = createHmac('sha256', secret).update(`account-token:${id}`).digest('base64url');
  return `${id.replace(/-/g, '')}.${mac}`;
}

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A new token row's id and the hash to store. */
export function newAccountToken(secret: string): { id: string; hash: string } {
  const id = randomUUID();
  return { id, hash: tokenHash(accountToken(id, secret)) };
}

export type AccountTokenKind = 'password_reset' | 'email_verification' | 'invitation';

export const EMAIL_VERIFICATION_TTL_MS = 7 * 24 * 3600_000;

/** Writes a token row in the caller's transaction; returns its id (the mail derives the token from it). */
export async function insertAccountToken(
  manager: EntityManager,
  secret: string,
  kind: AccountTokenKind,
  ttlMs: number,
  fields: { userId?: string; organizationId?: string; email?: string; createdBy?: string },
): Promise<{ id: string; expiresAt: Date }> {
  const { id, hash } = newAccountToken(secret);
  const expiresAt = new Date(Date.now() + ttlMs);
  await manager.query(
    `INSERT INTO account_tokens (id, kind, token_hash, user_id, organization_id, email, created_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      kind,
      hash,
      fields.userId ?? null,
      fields.organizationId ?? null,
      fields.email ?? null,
      fields.createdBy ?? null,
      expiresAt,
    ],
  );
  return { id, expiresAt };
}
