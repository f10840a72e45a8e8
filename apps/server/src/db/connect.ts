import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { AmountOutOfRangeError } from '@huzhu/domain';
import type { Database } from './schema.js';

// `date` stays the 'YYYY-MM-DD' string it is; a JS Date would be local midnight (wrong day).
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** Opens a pool and a Kysely instance over `connectionString`. */
export function connect(connectionString: string, maxConnections = 10): DbHandle {
  // A dead server must fail a request quickly (503), not hold it until the client gives up.
  const pool = new pg.Pool({
    connectionString,
    max: maxConnections,
    connectionTimeoutMillis: 5000,
  });
  pool.on('error', (error) => {
    // An idle client lost its connection (server restart); the pool replaces it.
    console.error('数据库连接错误：', error.message);
  });
  pool.on('connect', (client) => {
    // A checked-out client whose backend is terminated between two queries emits 'error' with no
    // pool listener attached: without this handler that is an uncaught exception and the process
    // dies. The next query on it fails (503) and the pool discards it on release.
    client.on('error', (error) => {
      console.error('数据库连接中断：', error.message);
    });
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    close: () => db.destroy(),
  };
}

const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// 57P01 admin_shutdown (pg_terminate_backend, fast shutdown), 57P02 crash_shutdown, 57P03
// cannot_connect_now (starting up or shutting down), 53300 too_many_connections.
const UNAVAILABLE_SQLSTATE = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|terminating connection/i;

/**
 * Whether `error` means the database is away (down, restarting, our connection killed) rather
 * than a bug: the request is answered 503 `database_unavailable` and may be retried as it is.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 4 || error === null || typeof error !== 'object') return false;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string') {
    if (UNAVAILABLE_ERRNO.has(code) || UNAVAILABLE_SQLSTATE.has(code)) return true;
    if (code.length === 5 && code.startsWith('08')) return true; // connection_exception class
  }
  if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1)))
    return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

/**
 * Converts an int8/numeric that pg returns as a string, asserting a safe integer; a larger one
 * (only data written behind the application) is an `AmountOutOfRangeError`, answered with a code.
 */
export function toSafeInt(value: string | number | bigint | null): number {
  if (value === null) return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (Number.isInteger(n) && !Number.isSafeInteger(n))
    throw new AmountOutOfRangeError(String(value));
  if (!Number.isSafeInteger(n)) throw new Error(`Not a safe integer: ${String(value)}`);
  return n;
}
