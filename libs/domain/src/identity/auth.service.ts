import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource, Repository } from 'typeorm';
import { AppConfig } from '@grants/config';
import { isUniqueViolation } from '@grants/database';
import { InjectRedis, withinTimeout } from '@grants/queue';
import { OutboxService } from '../notifications/outbox.service';
import { Organization } from '../organizations/organization.entity';
import { Actor } from '../shared/roles';
import { AuthResponse, UserResponse } from './dto/user.response';
import { LoginDto, RegisterDto } from './dto/register.dto';
import { EMAIL_VERIFICATION_TTL_MS, insertAccountToken } from './account-token';
import { canonicalEmail } from './email';
import { badCredentials, emailTaken, innTaken, tooManyAuthRequests, tooManyLogins } from './identity.errors';
import { dummyHash, hashPassword, verifyPassword } from './password';
import { SessionsService } from './sessions.service';
import { User } from './user.entity';

const FAILED_LOGIN_WINDOW_S = 15 * 60;
const REDIS_TIMEOUT_MS = 2000;

export interface TokenClaims {
  sub: string;
  role: Actor['role'];
  org: string | null;
  /** The user's session version when the token was issued. */
  ver?: number;
  exp?: number;
  iat?: number;
}

/** Which throttle a request counts against: the auth endpoints share one per-client budget. */
export type AuthEndpoint = 'login' | 'register' | 'password-reset';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRedis() private readonly redis: Redis,
    private readonly jwt: JwtService,
    private readonly outbox: OutboxService,
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
  ) {}

  /** Creates the organization, its first applicant and the welcome mail in one transaction. */
  async register(dto: RegisterDto): Promise<AuthResponse> {
    const email = canonicalEmail(dto.email);
    const passwordHash = await hashPassword(dto.password);
    const user = await this.dataSource
      .transaction(async (manager) => {
        if (await manager.exists(User, { where: { email } })) throw emailTaken();
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
            email,
            passwordHash,
            fullName: dto.fullName,
            role: 'applicant',
            locale: dto.locale ?? 'ru',
            organizationId: org.id,
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
            payload: {
              fullName: created.fullName,
              organizationName: org.fullName,
              email: created.email,
              verifyTokenId: verify.id,
            },
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

  /**
   * The attempt is counted before the password is checked, in one atomic step, so parallel guesses
   * cannot all pass a counter read before any of them increments it. A successful login clears it.
   */
  async login(dto: LoginDto): Promise<AuthResponse> {
    const email = canonicalEmail(dto.email);
    const key = `login-fail:${email}`;
    const attempts = await this.count(key, FAILED_LOGIN_WINDOW_S);
    if (attempts > this.config.values.LOGIN_MAX_FAILURES) throw tooManyLogins();
    const mark = this.sessions.mark();
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), dto.password);
    if (!user || !ok || !user.active) throw badCredentials();
    // The token's first request (the portal asks /me at once) is checked against the row just read.
    this.sessions.prime(user.id, { version: user.sessionVersion, active: user.active }, mark);
    await this.redis.del(key).catch(() => undefined);
    return this.issue(user);
  }

  /** Counts a request of one client against the auth endpoints' shared budget (AUTH_CLIENT_LIMIT per window). */
  async throttleClient(client: string): Promise<void> {
    const limit = this.config.values.AUTH_CLIENT_LIMIT;
    if (limit <= 0) return;
    const count = await this.count(`auth-client:${client}`, this.config.values.AUTH_CLIENT_WINDOW_S);
    if (count > limit) throw tooManyAuthRequests();
  }

  /** Every token of the user issued before now stops working. */
  async logoutEverywhere(actor: Actor): Promise<void> {
    await this.dataSource.transaction((manager) => this.sessions.revokeAll(manager, actor.id));
    this.sessions.forget(actor.id);
  }

  /** Signature and expiry only (synchronous); authenticate() also checks revocation. */
  verify(token: string): TokenClaims {
    return this.jwt.verify<TokenClaims>(token);
  }

  /** The actor of a token, or null when it is invalid, expired or revoked (or its user is gone or inactive). */
  async authenticate(token: string): Promise<Actor | null> {
    let claims: TokenClaims;
    try {
      claims = this.jwt.verify<TokenClaims>(token);
    } catch {
      return null;
    }
    if (!(await this.sessions.isValid(claims.sub, claims.ver ?? 0))) return null;
    return { id: claims.sub, role: claims.role, organizationId: claims.org };
  }

  issue(user: User): AuthResponse {
    const claims: TokenClaims = {
      sub: user.id,
      role: user.role,
      org: user.organizationId,
      ver: user.sessionVersion ?? 0,
    };
    return { accessToken: this.jwt.sign(claims), user: UserResponse.from(user) };
  }

  /** INCR and EXPIRE in one MULTI: the count of this window, including this call. Redis away: not throttled. */
  private async count(key: string, windowS: number): Promise<number> {
    try {
      const result = await withinTimeout(
        this.redis.multi().incr(key).expire(key, windowS, 'NX').exec(),
        REDIS_TIMEOUT_MS,
        'Redis',
      );
      const [error, value] = result?.[0] ?? [];
      if (error) throw error;
      return Number(value) || 0;
    } catch (e) {
      this.logger.warn(`Login throttling unavailable: ${(e as Error).message}`);
      return 0;
    }
  }
}
