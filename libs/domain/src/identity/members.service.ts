import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from '../notifications/outbox.service';
import { Organization } from '../organizations/organization.entity';
import { OrganizationResponse } from '../organizations/organization.response';
import { UpdateOrganizationDto } from '../organizations/update-organization.dto';
import { notFound } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import { AccountsService, INVITATION_TTL_MS } from './accounts.service';
import { InvitationResponse, MembersResponse } from './dto/account.dto';
import { canonicalEmail } from './email';
import { emailTaken, lastMember } from './identity.errors';
import { SessionsService } from './sessions.service';
import { User } from './user.entity';

/** An organization's details and people: its own applicants and admins manage them. */
@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  /** Own applicants and admins; anyone else (another NGO) gets a 404, as for any resource out of scope. */
  private visible(actor: Actor, organizationId: string): boolean {
    return actor.role === 'admin' || (actor.role === 'applicant' && actor.organizationId === organizationId);
  }

  async update(actor: Actor, id: string, dto: UpdateOrganizationDto): Promise<OrganizationResponse> {
    if (!this.visible(actor, id)) throw notFound('Organization');
    const org = await this.dataSource.transaction(async (manager) => {
      const org = await manager.findOne(Organization, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw notFound('Organization');
      const changes: Partial<Organization> = {};
      for (const key of ['fullName', 'shortName', 'ogrn', 'municipality', 'email', 'phone'] as const) {
        if (dto[key] !== undefined) (changes as Record<string, unknown>)[key] = dto[key];
      }
      if (Object.keys(changes).length) await manager.update(Organization, { id }, changes);
      await this.audit.record(manager, actor, 'organization.update', `organization:${id}`, { ...changes });
      return manager.findOneByOrFail(Organization, { id });
    });
    return OrganizationResponse.from(org);
  }

  async members(actor: Actor, id: string): Promise<MembersResponse> {
    if (!this.visible(actor, id) || !(await this.dataSource.getRepository(Organization).existsBy({ id })))
      throw notFound('Organization');
    const users = await this.dataSource.getRepository(User).find({
      where: { organizationId: id, active: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const invitations: { email: string; created_at: Date; expires_at: Date }[] = await this.dataSource.query(
      `SELECT email, created_at, expires_at FROM account_tokens
       WHERE kind = 'invitation' AND organization_id = $1 AND used_at IS NULL AND expires_at > now()
       ORDER BY created_at, id`,
      [id],
    );
    return {
      members: users.map((u) => ({
        id: u.id,
        fullName: u.fullName,
        email: u.email,
        emailVerified: !!u.emailVerifiedAt,
      })),
      invitations: invitations.map((i) => ({
        email: i.email,
        invitedAt: i.created_at.toISOString(),
        expiresAt: i.expires_at.toISOString(),
      })),
    };
  }

  /** Invites a colleague by mail; a new invitation of the same address replaces the pending one. */
  async invite(actor: Actor, id: string, rawEmail: string): Promise<InvitationResponse> {
    if (actor.role !== 'applicant' || actor.organizationId !== id) throw notFound('Organization');
    const email = canonicalEmail(rawEmail);
    return this.dataSource.transaction(async (manager) => {
      const org = await manager.findOneBy(Organization, { id });
      const inviter = await manager.findOneBy(User, { id: actor.id });
      if (!org || !inviter) throw notFound('Organization');
      if (await manager.exists(User, { where: { email } })) throw emailTaken();
      await manager.query(
        `UPDATE account_tokens SET used_at = now()
         WHERE kind = 'invitation' AND organization_id = $1 AND email = $2 AND used_at IS NULL`,
        [id, email],
      );
      const token = await this.accounts.createToken(manager, 'invitation', INVITATION_TTL_MS, {
        organizationId: id,
        email,
        createdBy: actor.id,
      });
      await this.outbox.write(manager, [
        {
          userId: null,
          to: { email, locale: inviter.locale },
          template: 'organization.invitation',
          payload: {
            organizationName: org.fullName,
            inviterName: inviter.fullName,
            tokenId: token.id,
            expiresAt: token.expiresAt.toISOString(),
          },
          dedupeKey: `organization.invitation:${token.id}`,
        },
      ]);
      return { email, invitedAt: new Date().toISOString(), expiresAt: token.expiresAt.toISOString() };
    });
  }

  /** Deactivates a member (its sessions end); the last active member stays. */
  async remove(actor: Actor, id: string, userId: string): Promise<void> {
    if (!this.visible(actor, id)) throw notFound('Organization');
    await this.dataSource.transaction(async (manager) => {
      // The organization's row serialises concurrent removals, so two members cannot remove each other.
      const org = await manager.findOne(Organization, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw notFound('Organization');
      const member = await manager.findOneBy(User, { id: userId, organizationId: id, active: true });
      if (!member) throw notFound('Member');
      const active = await manager.count(User, { where: { organizationId: id, active: true } });
      if (active <= 1) throw lastMember();
      await manager.update(User, { id: userId }, { active: false });
      await this.sessions.revokeAll(manager, userId);
      await this.audit.record(manager, actor, 'organization.member_remove', `user:${userId}`, { organizationId: id });
    });
    this.sessions.forget(userId);
  }
}
