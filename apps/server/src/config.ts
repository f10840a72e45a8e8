import path from 'node:path';

export interface Config {
  /** A PostgreSQL server to use; when absent, the embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  host: string;
  port: number;
  /** How long a login session lasts without use, in minutes. */
  sessionTtlMinutes: number;
  /** Directory of the built web app (served at /). */
  webDist: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** Send `Secure` cookies (set when serving over HTTPS behind a proxy). */
  secureCookies: boolean;
}

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`配置 ${name} 须为正整数，实际为 "${value}"`);
  return n;
}

/** Reads the configuration from the environment (see README's configuration table). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const logLevel = env.HUZHU_LOG_LEVEL ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'silent'].includes(logLevel)) {
    throw new Error(`配置 HUZHU_LOG_LEVEL 无效: ${logLevel}`);
  }
  return {
    databaseUrl:
      env.DATABASE_URL !== undefined && env.DATABASE_URL !== '' ? env.DATABASE_URL : null,
    dataDir: path.resolve(env.HUZHU_DATA_DIR ?? path.join(REPO_ROOT, 'data')),
    host: env.HOST ?? '127.0.0.1',
    port: intFrom(env.PORT, 8080, 'PORT'),
    sessionTtlMinutes: intFrom(env.HUZHU_SESSION_TTL_MINUTES, 480, 'HUZHU_SESSION_TTL_MINUTES'),
    webDist: path.resolve(env.HUZHU_WEB_DIST ?? path.join(REPO_ROOT, 'apps/web/dist')),
    logLevel: logLevel as Config['logLevel'],
    secureCookies: env.HUZHU_SECURE_COOKIES === '1',
  };
}
