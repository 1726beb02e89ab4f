import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { ConfigError } from './config-error';
import { EnvReader } from './env-readers';

export type RuntimeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Per-connection limits of the app's pool (server mode), so an outage or a held lock fails fast instead of hanging. */
export interface DatabaseTimeouts {
  /** Server-side statement_timeout; 0 = none. */
  readonly statementMs: number;
  /** Server-side lock_timeout: how long a statement waits for a row or table lock; 0 = none. */
  readonly lockMs: number;
  /** Server-side idle_in_transaction_session_timeout; 0 = none. */
  readonly idleInTransactionMs: number;
  /** Client-side: opening a connection, or waiting for a free one in the pool. */
  readonly connectMs: number;
  /** Client-side: a statement the server does not answer at all (paused, partitioned); 0 = none. */
  readonly queryMs: number;
}

/** The one typed configuration object. Built once at boot from the environment. */
export interface AppConfig {
  readonly env: RuntimeEnv;
  readonly version: string;
  readonly host: string;
  readonly port: number;
  /** Absent: the embedded PGlite database in `dataDir` is used. */
  readonly databaseUrl: string | undefined;
  /** Owner role for migrations in server mode; defaults to `databaseUrl`. */
  readonly migrationDatabaseUrl: string | undefined;
  readonly dataDir: string;
  readonly dbPoolSize: number;
  readonly dbTimeouts: DatabaseTimeouts;
  readonly migrateOnStart: boolean;
  readonly seedDemoData: boolean;
  readonly redisUrl: string | undefined;
  readonly logLevel: LogLevel;
  readonly apiDocs: boolean;
  readonly bodyLimitBytes: number;
  readonly webDistDir: string;
  readonly trustProxy: boolean;
  /** Audit: PEM Ed25519 private key signing checkpoints; generated into dataDir (0600) when unset outside production server mode. */
  readonly auditSigningKeyFile: string | undefined;
  /** Audit: seconds between signed checkpoints; 0 turns the timer off (the default under NODE_ENV=test). */
  readonly auditCheckpointIntervalSeconds: number;
  /** Audit: how many hash-chain streams concurrent transactions spread over. */
  readonly auditChainStreams: number;
  /** Identity (libs/api/identity): PEM file with the ES256 key signing access tokens; generated into dataDir when unset outside production server mode. */
  readonly jwtPrivateKeyFile: string | undefined;
  /** Identity: base64 of 32 bytes, the AES-256-GCM key for TOTP secrets at rest; generated like the JWT key. */
  readonly mfaEncryptionKey: string | undefined;
  readonly accessTokenTtlSeconds: number;
  readonly sessionIdleSeconds: number;
  readonly sessionAbsoluteSeconds: number;
  /** The browser origin (scheme://host[:port]) the app is served from; unset: same host as the request. */
  readonly publicOrigin: string | undefined;
  readonly loginRateLimitPerMinute: number;
  readonly passwordHashConcurrency: number;
  /** Records: base64 of 32 bytes, the AES-256-GCM key for patient fields at rest (SSN); generated into dataDir when unset outside production server mode. */
  readonly recordsEncryptionKey: string | undefined;
  /** Compliance: seconds between scheduled anomaly scans; 0 turns the timer off (the default under NODE_ENV=test). */
  readonly anomalyScanIntervalSeconds: number;
  /** Compliance: a scan looks only at events older than this, so transactions still open are not missed. */
  readonly anomalyScanSettleSeconds: number;
  /** Compliance: hours between full chain verifications run by the scheduled scan; 0 never. */
  readonly anomalyChainVerifyHours: number;
  /** Compliance: exports one user may start per hour. */
  readonly exportsPerHour: number;
  /** Audit retention: months a month of events stays in the hot database after it ends (HIPAA: six years). */
  readonly auditRetentionMonths: number;
  /** Bearer token the monitoring system presents at /api/metrics; unset: the endpoint does not exist. */
  readonly metricsToken: string | undefined;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export function databaseMode(config: AppConfig): 'embedded' | 'server' {
  return config.databaseUrl ? 'server' : 'embedded';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const r = new EnvReader(env);
  const runtime = r.oneOf<RuntimeEnv>('NODE_ENV', ['development', 'production', 'test'], 'development');
  const databaseUrl = r.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const embedded = databaseUrl === undefined;
  const config: AppConfig = {
    env: runtime,
    version: r.string('CHARTDESK_VERSION', env['npm_package_version'] ?? '0.0.0'),
    host: r.string('HOST', '127.0.0.1'),
    port: r.int('PORT', 3000, 0, 65535),
    databaseUrl,
    migrationDatabaseUrl: r.url('DATABASE_MIGRATION_URL', ['postgres:', 'postgresql:']),
    dataDir: resolve(r.string('CHARTDESK_DATA_DIR', '.chartdesk')),
    dbPoolSize: r.int('DB_POOL_SIZE', 10, 1, 200),
    dbTimeouts: readDatabaseTimeouts(r, runtime),
    migrateOnStart: r.bool('MIGRATE_ON_START', embedded),
    seedDemoData: r.bool('SEED_DEMO_DATA', embedded),
    redisUrl: r.url('REDIS_URL', ['redis:', 'rediss:']),
    logLevel: r.oneOf<LogLevel>(
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      runtime === 'test' ? 'warn' : 'info',
    ),
    apiDocs: r.bool('API_DOCS', runtime !== 'production'),
    bodyLimitBytes: r.int('BODY_LIMIT_BYTES', 1_048_576, 1024, 64 * 1_048_576),
    webDistDir: resolve(r.string('WEB_DIST_DIR', 'dist/apps/web/browser')),
    trustProxy: r.bool('TRUST_PROXY', false),
    auditSigningKeyFile: r.optionalString('AUDIT_SIGNING_KEY_FILE'),
    auditCheckpointIntervalSeconds: r.int('AUDIT_CHECKPOINT_INTERVAL_SECONDS', runtime === 'test' ? 0 : 60, 0, 86_400),
    auditChainStreams: r.int('AUDIT_CHAIN_STREAMS', 64, 1, 1024),
    jwtPrivateKeyFile: r.optionalString('JWT_PRIVATE_KEY_FILE'),
    mfaEncryptionKey: r.optionalString('MFA_ENCRYPTION_KEY'),
    accessTokenTtlSeconds: r.int('ACCESS_TOKEN_TTL_SECONDS', 600, 30, 3600),
    sessionIdleSeconds: r.int('SESSION_IDLE_SECONDS', 900, 20, 3600),
    sessionAbsoluteSeconds: r.int('SESSION_ABSOLUTE_SECONDS', 43_200, 60, 86_400),
    publicOrigin: r.url('PUBLIC_ORIGIN', ['https:', 'http:']),
    loginRateLimitPerMinute: r.int('LOGIN_RATE_LIMIT_PER_MINUTE', 30, 1, 10_000),
    // One core stays free for the event loop while argon2id runs on the others.
    passwordHashConcurrency: r.int(
      'PASSWORD_HASH_CONCURRENCY',
      Math.max(1, Math.min(4, availableParallelism() - 1)),
      1,
      64,
    ),
    recordsEncryptionKey: r.optionalString('RECORDS_ENCRYPTION_KEY'),
    anomalyScanIntervalSeconds: r.int('ANOMALY_SCAN_INTERVAL_SECONDS', runtime === 'test' ? 0 : 300, 0, 86_400),
    anomalyScanSettleSeconds: r.int('ANOMALY_SCAN_SETTLE_SECONDS', 30, 0, 3600),
    anomalyChainVerifyHours: r.int('ANOMALY_CHAIN_VERIFY_HOURS', 24, 0, 720),
    exportsPerHour: r.int('EXPORTS_PER_HOUR', 20, 1, 10_000),
    metricsToken: r.optionalString('METRICS_TOKEN'),
    auditRetentionMonths: r.int('AUDIT_RETENTION_MONTHS', 72, 1, 1200),
  };
  checkIdentityKeys(config, r.problems);
  if (runtime === 'production' && !embedded && !config.auditSigningKeyFile) {
    r.problems.push('AUDIT_SIGNING_KEY_FILE is required in production with DATABASE_URL');
  }
  checkRecordsSettings(config, r.problems);
  if (config.metricsToken !== undefined && config.metricsToken.length < 32) {
    r.problems.push('METRICS_TOKEN must be at least 32 characters (e.g. openssl rand -hex 32)');
  }
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}

function readDatabaseTimeouts(r: EnvReader, runtime: RuntimeEnv): DatabaseTimeouts {
  // Tests share two busy cores: a slow statement there is load, not an outage (fault tests set their own).
  const statementMs = r.int('DB_STATEMENT_TIMEOUT_MS', runtime === 'test' ? 30_000 : 4000, 0, 3_600_000);
  const lockMs = r.int('DB_LOCK_TIMEOUT_MS', 2000, 0, 3_600_000);
  const timeouts = {
    statementMs,
    lockMs,
    idleInTransactionMs: r.int('DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000, 0, 3_600_000),
    connectMs: r.int('DB_CONNECT_TIMEOUT_MS', 3000, 100, 600_000),
    // Just above the server's own limit, so a live server always answers first.
    queryMs: r.int('DB_QUERY_TIMEOUT_MS', statementMs === 0 ? 0 : statementMs + 500, 0, 3_600_000),
  };
  if (statementMs > 0 && lockMs > statementMs) {
    r.problems.push('DB_LOCK_TIMEOUT_MS must not exceed DB_STATEMENT_TIMEOUT_MS (a lock wait is part of a statement)');
  }
  if (statementMs > 0 && timeouts.queryMs > 0 && timeouts.queryMs <= statementMs) {
    r.problems.push('DB_QUERY_TIMEOUT_MS must exceed DB_STATEMENT_TIMEOUT_MS, so a live server answers first');
  }
  return timeouts;
}

/** Production against a shared server needs the same keys on every instance, so they must be configured. */
function checkIdentityKeys(config: AppConfig, problems: string[]): void {
  if (config.mfaEncryptionKey !== undefined && Buffer.from(config.mfaEncryptionKey, 'base64').length !== 32) {
    problems.push('MFA_ENCRYPTION_KEY must be the base64 encoding of exactly 32 bytes');
  }
  if (config.env === 'production' && config.databaseUrl !== undefined) {
    if (!config.jwtPrivateKeyFile) problems.push('JWT_PRIVATE_KEY_FILE is required in production with DATABASE_URL');
    if (!config.mfaEncryptionKey) problems.push('MFA_ENCRYPTION_KEY is required in production with DATABASE_URL');
  }
}

/** The records key follows the identity keys' rule; the audit bypass exists only for benchmarks. */
function checkRecordsSettings(config: AppConfig, problems: string[]): void {
  if (config.recordsEncryptionKey !== undefined && Buffer.from(config.recordsEncryptionKey, 'base64').length !== 32) {
    problems.push('RECORDS_ENCRYPTION_KEY must be the base64 encoding of exactly 32 bytes');
  }
  if (config.env === 'production' && config.databaseUrl !== undefined && !config.recordsEncryptionKey) {
    problems.push('RECORDS_ENCRYPTION_KEY is required in production with DATABASE_URL');
  }
}
