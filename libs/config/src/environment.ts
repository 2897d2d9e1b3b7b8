import { plainToInstance, Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  ValidateIf,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  Validate,
  validateSync,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
// The pure checksum function only (no other imports), so the config does not load the domain.
import { isValidInn } from '../../domain/src/shared/inn';

const BOOLEANS: Record<string, boolean> = { true: true, '1': true, false: false, '0': false };
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' || typeof value === 'boolean' ? value : (BOOLEANS[String(value)] ?? value);
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

@ValidatorConstraint({ name: 'isInn' })
class IsInnConstraint implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'string' && isValidInn(value);
  }
  defaultMessage() {
    return 'FUNDER_INN must be a 10-digit INN with a valid checksum';
  }
}

/** The one description of the process environment. Nothing else reads process.env. */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/grants';

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  // Braces allowed: a Redis Cluster needs a hash tag such as {grants} so a queue's keys share a slot.
  @Matches(/^[A-Za-z0-9_.:{}-]{1,64}$/, { message: 'QUEUE_PREFIX must be 1-64 letters, digits or _.:{}-' })
  QUEUE_PREFIX = 'grants';

  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsString()
  @IsNotEmpty()
  MAIL_FROM = 'Ресурсный центр <grants@localhost>';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HEALTH_PORT = 3001;

  /**
   * The worker's CPU niceness (0 normal … 19 lowest; raised from the start, never lowered): on a host
   * shared with the api, mails and reports yield the CPU to the requests people are waiting for (a
   * deadline rush's submits), and catch up a few seconds later.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(19)
  WORKER_NICE = 10;

  @Matches(/^https?:\/\/.+/, { message: 'APP_URL must be an http(s) URL' })
  APP_URL = 'http://localhost:3000';

  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'JWT_SECRET must be at least 16 characters' })
  JWT_SECRET?: string;

  @IsString()
  @Matches(/^\d+[smhd]?$/, { message: 'JWT_EXPIRES_IN must look like 3600, 30m, 12h or 7d' })
  JWT_EXPIRES_IN = '12h';

  @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL = 'admin@grants.local';

  @IsString()
  @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters' })
  ADMIN_PASSWORD = 'admin-password';

  /**
   * Comma-separated origins (`https://host[:port]`) allowed to call the api from a browser; empty: CORS
   * off (the portal is served on the api's own origin).
   */
  @Matches(/^(\s*https?:\/\/[^\s/,*]+\s*(,\s*https?:\/\/[^\s/,*]+\s*)*)?$/, {
    message: 'CORS_ORIGINS must be empty or comma-separated origins such as https://portal.example.org',
  })
  CORS_ORIGINS = '';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Behind a reverse proxy: `true`, a hop count or the proxy's addresses; X-Forwarded-* count only then. */
  @IsString()
  @Matches(/^(false|true|\d+|[0-9a-fA-F.:/,\s]+)$/, {
    message: 'TRUST_PROXY must be false, true, a hop count or comma-separated proxy addresses',
  })
  TRUST_PROXY = 'false';

  /** How long a replica trusts its cached session version of a user (ms): revocation reaches it within this. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60000)
  SESSION_CACHE_MS = 30000;

  /** Failed logins per email within 15 minutes before further tries are refused (429). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 5;

  /** Requests to login, register and password reset per client address within AUTH_CLIENT_WINDOW_S (0 = off). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  AUTH_CLIENT_LIMIT = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_CLIENT_WINDOW_S = 60;

  /** Cron pattern of the yearly statistics compile for the previous year (in STATS_TZ). */
  @IsString()
  @IsNotEmpty()
  STATS_CRON = '0 3 15 1 *';

  @IsString()
  STATS_TZ = 'Asia/Krasnoyarsk';

  /** How often the worker reconciles competition deadlines with the database (ms); tests use ~500. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  DEADLINE_RECONCILE_MS = 60000;

  /**
   * For tests and demos only (0 in production): the grant report jobs plan and check their times as if
   * the clock were this many ms ahead, so a reminder due in days fires in seconds as a real delayed job.
   */
  @Transform(toInt)
  @IsInt()
  REPORT_CLOCK_SHIFT_MS = 0;

  /** First retry delay of a mail; BullMQ doubles it on each of the 6 attempts (tests shorten it). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  NOTIFICATION_BACKOFF_MS = 2000;

  /** Parallel SMTP sends per worker process (each holds one database connection while it sends). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  NOTIFICATION_CONCURRENCY = 10;

  /** How soon a send job of a dead worker is taken over (BullMQ lock duration and stalled check). */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  NOTIFICATION_LOCK_MS = 30000;

  /** Period of the outbox sweep that relays rows the LISTEN wake-up missed. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  OUTBOX_SWEEP_MS = 5000;

  /** A row queued longer than this whose job is gone from Redis is relayed again. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  OUTBOX_STUCK_MS = 60000;

  /**
   * How long after the deadline submission is closed (ms): a submit received before the deadline but
   * still queued behind the rush is judged by its arrival, and the close waits for it this long.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600000)
  SUBMIT_GRACE_MS = 10000;

  /** Submits in flight per api process beyond which a new one is answered 503 with Retry-After at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SUBMIT_MAX_IN_FLIGHT = 1000;

  /** How often the api reads the database clock to keep its offset fresh (ms). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  CLOCK_SYNC_MS = 2000;

  /** Largest error allowed between an arrival stamp and the database clock (ms); beyond it submits get 503. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  CLOCK_MAX_ERROR_MS = 50;

  /** The 360Giving prefix of grant identifiers (`<prefix>-<registration number>`), as 360Giving issues it. */
  @Matches(/^360G-[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/, {
    message: 'GRANTS_360_PREFIX must be 360G- followed by letters, digits and single hyphens',
  })
  GRANTS_360_PREFIX = '360G-RC-LESOSIBIRSK';

  /** The Resource Center's INN: its 360Giving org-id is RU-INN-<FUNDER_INN>, as for recipients. */
  @Validate(IsInnConstraint)
  FUNDER_INN = '2454001009';

  /** The license of the published 360Giving data (the package's `license`, a URI). */
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'GRANTS_360_LICENSE must be an http(s) URL' },
  )
  GRANTS_360_LICENSE = 'https://creativecommons.org/licenses/by/4.0/';

  /** Where uploaded documents live: `local` (a directory) or `s3` (any S3-compatible store). */
  @IsIn(['local', 's3'])
  STORAGE_DRIVER: 'local' | 's3' = 'local';

  /** The local driver's directory (created at start-up); several api replicas need a shared volume here. */
  @IsString()
  @IsNotEmpty()
  STORAGE_DIR = './var/uploads';

  /** The S3 endpoint (MinIO, Yandex Object Storage: https://storage.yandexcloud.net); empty means AWS. */
  @ValidateIf((e: EnvironmentVariables) => e.S3_ENDPOINT !== '')
  @Matches(/^https?:\/\/.+/, { message: 'S3_ENDPOINT must be an http(s) URL' })
  S3_ENDPOINT = '';

  @IsString()
  @IsNotEmpty()
  S3_REGION = 'us-east-1';

  @ValidateIf((e: EnvironmentVariables) => e.STORAGE_DRIVER === 's3')
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a bucket name (required for s3)' })
  S3_BUCKET = '';

  @ValidateIf((e: EnvironmentVariables) => e.STORAGE_DRIVER === 's3')
  @IsString()
  @IsNotEmpty({ message: 'S3_ACCESS_KEY_ID is required for STORAGE_DRIVER=s3' })
  S3_ACCESS_KEY_ID = '';

  @ValidateIf((e: EnvironmentVariables) => e.STORAGE_DRIVER === 's3')
  @IsString()
  @IsNotEmpty({ message: 'S3_SECRET_ACCESS_KEY is required for STORAGE_DRIVER=s3' })
  S3_SECRET_ACCESS_KEY = '';

  /** Path-style URLs (`endpoint/bucket/key`), which MinIO and most self-hosted stores need. */
  @Transform(toBool)
  @IsIn([true, false], { message: 'S3_FORCE_PATH_STYLE must be true or false' })
  S3_FORCE_PATH_STYLE = false;

  /** Largest accepted upload, in megabytes. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(2048)
  UPLOAD_MAX_MB = 20;

  /** The built portal (Vite output) the api serves at `/`; relative to the working directory. Absent: API only. */
  @IsString()
  @IsNotEmpty()
  WEB_DIR = 'dist/web';

  @IsString()
  FUNDER_NAME = 'Ресурсный центр поддержки общественных инициатив г. Лесосибирска';
}

export type AppConfigValues = Required<EnvironmentVariables> & { JWT_SECRET: string };

export class ConfigError extends Error {}

/** Validates an environment (defaults applied); throws a ConfigError naming every bad variable. */
export function validateEnvironment(env: Record<string, string | undefined>): AppConfigValues {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(EnvironmentVariables, defined, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  const messages = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`));
  if (!config.JWT_SECRET) {
    if (config.NODE_ENV === 'production') messages.push('JWT_SECRET: required in production');
    else config.JWT_SECRET = 'development-only-jwt-secret';
  }
  if (config.NODE_ENV === 'production' && config.REPORT_CLOCK_SHIFT_MS !== 0)
    messages.push('REPORT_CLOCK_SHIFT_MS: must be 0 in production');
  if (messages.length) throw new ConfigError(`Invalid environment:\n  ${messages.join('\n  ')}`);
  return config as AppConfigValues;
}
