import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource, Raw, Repository } from 'typeorm';
import { isUniqueViolation } from '@grants/database';
import { InjectRedis } from '@grants/queue';
import { OutboxService } from '../notifications/outbox.service';
import { Organization } from '../organizations/organization.entity';
import { Actor } from '../shared/roles';
import { AuthResponse, UserResponse } from './dto/user.response';
import { LoginDto, RegisterDto } from './dto/register.dto';
import { badCredentials, emailTaken, innTaken, tooManyLogins } from './identity.errors';
import { dummyHash, hashPassword, verifyPassword } from './password';
import { User } from './user.entity';

const MAX_FAILED_LOGINS = 5;
const FAILED_LOGIN_WINDOW_S = 15 * 60;

export interface TokenClaims {
  sub: string;
  role: Actor['role'];
  org: string | null;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRedis() private readonly redis: Redis,
    private readonly jwt: JwtService,
    private readonly outbox: OutboxService,
  ) {}

  /** Creates the organization, its first applicant and the welcome mail in one transaction. */
  async register(dto: RegisterDto): Promise<AuthResponse> {
    const passwordHash = await hashPassword(dto.password);
    const user = await this.dataSource
      .transaction(async (manager) => {
        if (await manager.exists(User, { where: { email: emailMatch(dto.email) } })) throw emailTaken();
        if (await manager.exists(Organization, { where: { inn: dto.organization.inn } })) throw innTaken();
        const org = await manager.save(
          manager.create(Organization, {
            fullName: dto.organization.fullName,
            shortName: dto.organization.shortName ?? null,
            inn: dto.organization.inn,
            ogrn: dto.organization.ogrn ?? null,
            municipality: dto.organization.municipality ?? null,
            email: dto.organization.email ?? null,
            phone: dto.organization.phone ?? null,
          }),
        );
        const created = await manager.save(
          manager.create(User, {
            email: dto.email,
            passwordHash,
            fullName: dto.fullName,
            role: 'applicant',
            locale: dto.locale ?? 'ru',
            organizationId: org.id,
          }),
        );
        await this.outbox.write(manager, [
          {
            userId: created.id,
            template: 'account.registered',
            payload: { fullName: created.fullName, organizationName: org.fullName, email: created.email },
            dedupeKey: `account.registered:${created.id}`,
          },
        ]);
        return created;
      })
      .catch((error) => {
        // Two registrations racing past the checks: the unique indexes decide.
        if (isUniqueViolation(error, 'uq_users_email')) throw emailTaken();
        if (isUniqueViolation(error, 'uq_organizations_inn')) throw innTaken();
        throw error;
      });
    return this.issue(user);
  }

  async login(dto: LoginDto): Promise<AuthResponse> {
    const key = `login-fail:${dto.email.trim().toLowerCase()}`;
    const failures = Number(await this.redis.get(key).catch(() => 0)) || 0;
    if (failures >= MAX_FAILED_LOGINS) throw tooManyLogins();
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email: dto.email.trim() })
      .getOne();
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), dto.password);
    if (!user || !ok) {
      await this.redis
        .multi()
        .incr(key)
        .expire(key, FAILED_LOGIN_WINDOW_S, 'NX')
        .exec()
        .catch((e) => this.logger.warn(`Login throttling unavailable: ${e.message}`));
      throw badCredentials();
    }
    await this.redis.del(key).catch(() => undefined);
    return this.issue(user);
  }

  verify(token: string): TokenClaims {
    return this.jwt.verify<TokenClaims>(token);
  }

  issue(user: User): AuthResponse {
    const claims: TokenClaims = { sub: user.id, role: user.role, org: user.organizationId };
    return { accessToken: this.jwt.sign(claims), user: UserResponse.from(user) };
  }
}

/** Case-insensitive email match for find options. */
export const emailMatch = (email: string) => Raw((alias) => `lower(${alias}) = lower(:email)`, { email: email.trim() });
