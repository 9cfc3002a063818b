/**
 * Service configuration, read once from environment variables and validated at start-up.
 * Every bad or missing value is reported with the variable's name and what it should be.
 */
import { resolve } from 'node:path';
import { HAS_VISIBLE_TEXT } from '../text.js';
import { databaseUrlProblem } from './database-url.js';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.js';

export interface AppConfig {
  port: number;
  host: string;
  /** Whose X-Forwarded-For names the client (Fastify's trustProxy): TRUST_PROXY, default `loopback` (trust-proxy.ts). */
  trustProxy: TrustProxy;
  /** PostgreSQL connection string; absent means the embedded PGlite database in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  jwtSecret: string;
  jwtTtlSeconds: number;
  /**
   * The admin created on the first start (no user yet). Its password may be left out on later starts (the compose
   * file's `.env` need not keep it); a first start without it is refused (UsersService.onApplicationBootstrap).
   */
  bootstrapAdmin?: { username: string; password?: string };
  loginRateLimit: { limit: number; ttlMs: number };
  uploadMaxBytes: number;
  uploadMaxRows: number;
  /** Uploads with more bytes than this are processed in the background. */
  uploadBackgroundBytes: number;
  schedulerEnabled: boolean;
  /**
   * On PostgreSQL, a month's allocation asked for by hand and the year's projection run in a worker thread of their
   * own (src/funding/worker): ALLOCATION_WORKER, default true. Ignored on the embedded database, which one thread holds.
   */
  allocationWorker: boolean;
  logLevel: string;
  /** A request whose body stops arriving for this long is answered 408 (src/common/http/request-timeouts.ts). */
  requestIdleSeconds: number;
  /**
   * Tests only: cheaper argon2 parameters for the passwords they create (each test user cost about 0.8 s to
   * hash and log in with argon2's defaults, which the service always uses: nothing in the environment sets this).
   */
  passwordHashing?: { memoryCost: number; timeCost: number; parallelism: number };
  /** Tests only: a module the funding worker's thread imports first (the specs' TypeScript hooks). */
  workerImport?: string;
  /** Tests only: start the embedded database from a dumped, already-migrated data directory. */
  pgliteLoadDataDir?: Blob;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

/** Where the data lives: all the migration and audit-verify CLIs need (no JWT secret). */
export type DatabaseConfig = Pick<AppConfig, 'databaseUrl' | 'dataDir'>;

function databasePart(env: Env, problems: string[]): DatabaseConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  const urlProblem = databaseUrl && databaseUrlProblem(databaseUrl);
  if (urlProblem) problems.push(urlProblem);
  return { databaseUrl, dataDir: resolve(env.DATA_DIR || './data') };
}

/** Only the database settings (DATABASE_URL, DATA_DIR), validated like `loadConfig`. */
export function loadDatabaseConfig(env: Env = process.env): DatabaseConfig {
  const problems: string[] = [];
  const config = databasePart(env, problems);
  if (problems.length) throw new ConfigError(problems);
  return config;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true/false, 1/0 or yes/no (got "${raw}")`);
    return fallback;
  };

  const { databaseUrl, dataDir } = databasePart(env, problems);

  const jwtSecret = env.JWT_SECRET ?? '';
  if (jwtSecret.length < 32) {
    problems.push('JWT_SECRET is required and must be at least 32 characters (e.g. `openssl rand -hex 32`)');
  }

  const username = env.ADMIN_USERNAME || undefined;
  const password = env.ADMIN_PASSWORD || undefined;
  if (password && !username) {
    problems.push('ADMIN_PASSWORD is set without ADMIN_USERNAME: set both on the first start (the admin created then)');
  }
  if (password && password.length < 12) {
    problems.push('ADMIN_PASSWORD must be at least 12 characters');
  } else if (password && !HAS_VISIBLE_TEXT.test(password)) {
    problems.push('ADMIN_PASSWORD must not be spaces alone (the users API refuses such a password too)');
  }
  if (username && !/^[a-z0-9._-]{3,40}$/.test(username)) {
    problems.push('ADMIN_USERNAME must be 3-40 characters of a-z, 0-9, ".", "_" or "-"');
  }

  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`);
  }

  const config: AppConfig = {
    port: int('PORT', 3000, 1, 65535),
    host: env.HOST || '0.0.0.0',
    trustProxy: parseTrustProxy(env.TRUST_PROXY, problems),
    databaseUrl,
    dataDir,
    jwtSecret,
    jwtTtlSeconds: int('JWT_TTL_SECONDS', 8 * 3600, 60, 7 * 24 * 3600),
    bootstrapAdmin: username ? { username, password } : undefined,
    loginRateLimit: {
      limit: int('LOGIN_RATE_LIMIT', 5, 1, 1000),
      ttlMs: int('LOGIN_RATE_WINDOW_SECONDS', 60, 1, 86400) * 1000,
    },
    uploadMaxBytes: int('UPLOAD_MAX_MB', 60, 1, 2048) * 1024 * 1024,
    uploadMaxRows: int('UPLOAD_MAX_ROWS', 1_000_000, 1, 10_000_000),
    uploadBackgroundBytes: int('UPLOAD_BACKGROUND_KB', 512, 0, 10_000_000) * 1024,
    schedulerEnabled: bool('SCHEDULER_ENABLED', true),
    allocationWorker: bool('ALLOCATION_WORKER', true),
    logLevel,
    requestIdleSeconds: int('REQUEST_IDLE_SECONDS', 30, 1, 600),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
