import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { isUniqueViolation } from '@grants/database';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from '../notifications/outbox.service';
import { notFound } from '../shared/domain-error';
import { Page, pageOf } from '../shared/pagination';
import { Actor, Role } from '../shared/roles';
import { AppConfig } from '@grants/config';
import { EMAIL_VERIFICATION_TTL_MS, insertAccountToken } from './account-token';
import { canonicalEmail } from './email';
import { CreateUserDto } from './dto/create-user.dto';
import { UserResponse } from './dto/user.response';
import { emailTaken } from './identity.errors';
import { hashPassword } from './password';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async get(id: string): Promise<UserResponse> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound('User');
    return UserResponse.from(user);
  }

  /** Admins create staff: consultants, experts and other admins. */
  async create(actor: Actor, dto: CreateUserDto): Promise<UserResponse> {
    const email = canonicalEmail(dto.email);
    const passwordHash = await hashPassword(dto.password);
    const user = await this.dataSource
      .transaction(async (manager) => {
        if (await manager.exists(User, { where: { email } })) throw emailTaken();
        const created = await manager.save(
          manager.create(User, {
            email,
            passwordHash,
            fullName: dto.fullName,
            role: dto.role,
            locale: dto.locale ?? 'ru',
            organizationId: null,
          }),
        );
        const verify = await insertAccountToken(
          manager,
          this.config.values.JWT_SECRET,
          'email_verification',
          EMAIL_VERIFICATION_TTL_MS,
          { userId: created.id },
        );
        await this.outbox.write(manager, [
          {
            userId: created.id,
            template: 'account.registered',
            payload: { fullName: created.fullName, role: created.role, email: created.email, verifyTokenId: verify.id },
            dedupeKey: `account.registered:${created.id}`,
          },
        ]);
        await this.audit.record(manager, actor, 'user.create', `user:${created.id}`, { role: created.role });
        return created;
      })
      .catch((error) => {
        if (isUniqueViolation(error, 'uq_users_email')) throw emailTaken();
        throw error;
      });
    return UserResponse.from(user);
  }

  async list(q: { role?: string; page: number; pageSize: number }): Promise<Page<UserResponse>> {
    const [rows, total] = await this.users.findAndCount({
      where: q.role ? { role: q.role as Role } : {},
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return pageOf(rows.map(UserResponse.from), total, q);
  }

  /**
   * Creates the first admin from configuration when no admin exists. An advisory lock
   * makes two replicas starting at once create it only once.
   */
  async ensureFirstAdmin(configuredEmail: string, password: string): Promise<boolean> {
    const email = canonicalEmail(configuredEmail);
    const passwordHash = await hashPassword(password);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(7020252)');
      if (await manager.exists(User, { where: { role: 'admin' } })) return false;
      if (await manager.exists(User, { where: { email } })) {
        this.logger.warn(`ADMIN_EMAIL ${email} belongs to a non-admin user; no admin created`);
        return false;
      }
      await manager.insert(User, {
        email,
        passwordHash,
        fullName: 'Администратор',
        role: 'admin',
        locale: 'ru',
        organizationId: null,
      });
      this.logger.log(`Created the first admin ${email}`);
      return true;
    });
  }
}
