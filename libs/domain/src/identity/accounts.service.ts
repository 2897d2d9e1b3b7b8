import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@grants/config';
import { isUniqueViolation } from '@grants/database';
import { InjectRedis, withinTimeout } from '@grants/queue';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from '../notifications/outbox.service';
import { Organization } from '../organizations/organization.entity';
import { notFound } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import { AccountTokenKind, EMAIL_VERIFICATION_TTL_MS, insertAccountToken, tokenHash } from './account-token';
import { AuthService } from './auth.service';
import {
  AcceptInvitationDto,
  ChangePasswordDto,
  PasswordResetConfirmDto,
  UpdateProfileDto,
  UpdateUserDto,
} from './dto/account.dto';
import { AuthResponse, UserResponse } from './dto/user.response';
import { canonicalEmail } from './email';
import { emailTaken, tokenInvalid, wrongPassword } from './identity.errors';
import { dummyHash, hashPassword, verifyPassword } from './password';
import { SessionsService } from './sessions.service';
import { User } from './user.entity';

const HOUR_MS = 3600_000;
export const RESET_TTL_MS = HOUR_MS;
export const INVITATION_TTL_MS = 7 * 24 * HOUR_MS;
/** Reset mails per email address per hour; further requests answer the same 202 and send nothing. */
const RESET_MAILS_PER_HOUR = 3;

type TokenKind = AccountTokenKind;

interface TokenRow {
  id: string;
  user_id: string | null;
  organization_id: string | null;
  email: string | null;
}

/** Password reset, email confirmation, profile, password change and the admin's account changes. */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  createToken(
    manager: EntityManager,
    kind: AccountTokenKind,
    ttlMs: number,
    fields: { userId?: string; organizationId?: string; email?: string; createdBy?: string },
  ): Promise<{ id: string; expiresAt: Date }> {
    return insertAccountToken(manager, this.config.values.JWT_SECRET, kind, ttlMs, fields);
  }

  /** Marks an unused, unexpired token of this kind used (once, atomically); null when there is none. */
  async consumeToken(manager: EntityManager, kind: TokenKind, token: string): Promise<TokenRow | null> {
    const [rows]: [TokenRow[], number] = await manager.query(
      `UPDATE account_tokens SET used_at = now()
       WHERE token_hash = $1 AND kind = $2 AND used_at IS NULL AND expires_at > now()
       RETURNING id, user_id, organization_id, email`,
      [tokenHash(token), kind],
    );
    return rows[0] ?? null;
  }

  /**
   * Always the same 202 answer. Unknown, inactive or throttled addresses do the same lookup and a
   * password-hash's worth of work, so neither the answer nor its time tells whether an account exists.
   */
  async requestPasswordReset(rawEmail: string): Promise<void> {
    const email = canonicalEmail(rawEmail);
    const user = await this.dataSource.getRepository(User).findOneBy({ email });
    const allowed = user?.active ? await this.underResetLimit(email) : false;
    if (!user || !allowed) {
      // Stands in for the insert + mail of a real request.
      await verifyPassword(await dummyHash(), rawEmail);
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      const { id, expiresAt } = await this.createToken(manager, 'password_reset', RESET_TTL_MS, { userId: user.id });
      await this.outbox.write(manager, [
        {
          userId: user.id,
          template: 'account.password_reset',
          payload: { fullName: user.fullName, tokenId: id, expiresAt: expiresAt.toISOString() },
          dedupeKey: `account.password_reset:${id}`,
        },
      ]);
    });
    await verifyPassword(await dummyHash(), rawEmail);
  }

  async confirmPasswordReset(dto: PasswordResetConfirmDto): Promise<AuthResponse> {
    const passwordHash = await hashPassword(dto.password);
    const user = await this.dataSource.transaction(async (manager) => {
      const row = await this.consumeToken(manager, 'password_reset', dto.token);
      const user = row?.user_id ? await manager.findOneBy(User, { id: row.user_id }) : null;
      if (!user || !user.active) throw tokenInvalid();
      await manager.query(
        `UPDATE users SET password_hash = $1, email_verified_at = COALESCE(email_verified_at, now()) WHERE id = $2`,
        [passwordHash, user.id],
      );
      // The other reset links of this user die with the old password.
      await manager.query(
        `UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND kind = 'password_reset' AND used_at IS NULL`,
        [user.id],
      );
      user.sessionVersion = await this.sessions.revokeAll(manager, user.id);
      user.emailVerifiedAt ??= new Date();
      return user;
    });
    this.sessions.forget(user.id);
    return this.auth.issue(user);
  }

  async verifyEmail(token: string): Promise<UserResponse> {
    const user = await this.dataSource.transaction(async (manager) => {
      const row = await this.consumeToken(manager, 'email_verification', token);
      if (!row?.user_id) throw tokenInvalid();
      await manager.query(`UPDATE users SET email_verified_at = COALESCE(email_verified_at, now()) WHERE id = $1`, [
        row.user_id,
      ]);
      return manager.findOneByOrFail(User, { id: row.user_id });
    });
    return UserResponse.from(user);
  }

  /** A new confirmation mail, at most one a minute; nothing when the address is confirmed already. */
  async resendVerification(actor: Actor): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: actor.id });
    if (!user || user.emailVerifiedAt) return;
    const first = await withinTimeout(
      this.redis.set(`verify-resend:${user.id}`, '1', 'EX', 60, 'NX'),
      2000,
      'Redis',
    ).catch(() => 'OK');
    if (first !== 'OK') return;
    await this.dataSource.transaction(async (manager) => {
      const { id } = await this.createToken(manager, 'email_verification', EMAIL_VERIFICATION_TTL_MS, {
        userId: user.id,
      });
      await this.outbox.write(manager, [
        {
          userId: user.id,
          template: 'account.email_verification',
          payload: { fullName: user.fullName, email: user.email, tokenId: id },
          dedupeKey: `account.email_verification:${id}`,
        },
      ]);
    });
  }

  async updateProfile(actor: Actor, dto: UpdateProfileDto): Promise<UserResponse> {
    const repo = this.dataSource.getRepository(User);
    const changes = {
      ...(dto.fullName !== undefined && { fullName: dto.fullName }),
      ...(dto.locale && { locale: dto.locale }),
    };
    if (Object.keys(changes).length) await repo.update({ id: actor.id }, changes);
    const user = await repo.findOneBy({ id: actor.id });
    if (!user) throw notFound('User');
    return UserResponse.from(user);
  }

  /** Changes the password; every token of the user stops working. Returns a fresh session. */
  async changePassword(actor: Actor, dto: ChangePasswordDto): Promise<AuthResponse> {
    const current = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: actor.id })
      .getOne();
    if (!current) throw notFound('User');
    if (!(await verifyPassword(current.passwordHash, dto.currentPassword))) throw wrongPassword();
    const passwordHash = await hashPassword(dto.newPassword);
    const user = await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: actor.id }, { passwordHash });
      const user = await manager.findOneByOrFail(User, { id: actor.id });
      user.sessionVersion = await this.sessions.revokeAll(manager, actor.id);
      return user;
    });
    this.sessions.forget(actor.id);
    return this.auth.issue(user);
  }

  /** Admin: name, language and the active flag of any user; deactivation ends its sessions. */
  async updateUser(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserResponse> {
    if (dto.active === false && id === actor.id) {
      throw new UnprocessableEntityException({
        message: 'An admin cannot deactivate itself',
        code: 'INVALID_TRANSITION',
      });
    }
    const user = await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('User');
      const changes: Partial<User> = {};
      if (dto.fullName !== undefined) changes.fullName = dto.fullName;
      if (dto.locale !== undefined) changes.locale = dto.locale;
      if (dto.active !== undefined) changes.active = dto.active;
      if (Object.keys(changes).length) await manager.update(User, { id }, changes);
      if (dto.active === false && user.active) await this.sessions.revokeAll(manager, id);
      await this.audit.record(
        manager,
        actor,
        dto.active === false && user.active ? 'user.deactivate' : 'user.update',
        `user:${id}`,
        {
          ...changes,
        },
      );
      return manager.findOneByOrFail(User, { id });
    });
    this.sessions.forget(id);
    return UserResponse.from(user);
  }

  /** Creates the applicant an invitation is for; the email counts as confirmed (the link came to it). */
  async acceptInvitation(dto: AcceptInvitationDto): Promise<AuthResponse> {
    const passwordHash = await hashPassword(dto.password);
    const user = await this.dataSource
      .transaction(async (manager) => {
        const row = await this.consumeToken(manager, 'invitation', dto.token);
        if (!row?.organization_id || !row.email) throw tokenInvalid();
        if (!(await manager.exists(Organization, { where: { id: row.organization_id } }))) throw tokenInvalid();
        if (await manager.exists(User, { where: { email: row.email } })) throw emailTaken();
        const created = await manager.save(
          manager.create(User, {
            email: row.email,
            passwordHash,
            fullName: dto.fullName,
            role: 'applicant',
            locale: dto.locale ?? 'ru',
            organizationId: row.organization_id,
            emailVerifiedAt: new Date(),
          }),
        );
        // Other pending invitations of this address to this organization are spent too.
        await manager.query(
          `UPDATE account_tokens SET used_at = now()
           WHERE kind = 'invitation' AND organization_id = $1 AND email = $2 AND used_at IS NULL`,
          [row.organization_id, row.email],
        );
        return created;
      })
      .catch((error) => {
        if (isUniqueViolation(error, 'uq_users_email')) throw emailTaken();
        throw error;
      });
    return this.auth.issue(user);
  }

  private async underResetLimit(email: string): Promise<boolean> {
    const key = `reset-mail:${email}`;
    try {
      const result = await withinTimeout(this.redis.multi().incr(key).expire(key, 3600, 'NX').exec(), 2000, 'Redis');
      return Number(result?.[0]?.[1] ?? 0) <= RESET_MAILS_PER_HOUR;
    } catch {
      return true;
    }
  }
}
