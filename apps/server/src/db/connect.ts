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
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  pool.on('error', (error) => {
    // An idle client lost its connection (server restart); the pool replaces it.
    console.error('数据库连接错误：', error.message);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    close: () => db.destroy(),
  };
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
