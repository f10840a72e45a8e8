import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type DbHandle } from '../../apps/server/src/db/connect.js';
import { migrate } from '../../apps/server/src/db/migrate.js';
import { loaderConnection } from '../../apps/server/src/demo/simulator/loader.js';

/** The PostgreSQL server the benchmarks run on (a fresh database is created per run). */
export const BENCH_SERVER_URL =
  process.env.HUZHU_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export interface BenchDatabase {
  name: string;
  url: string;
  /** A pool at the server's defaults (synchronous_commit on: durable commits). */
  handle: DbHandle;
  /**
   * Another pool for bulk loading: synchronous_commit off for its sessions only (a crash could
   * lose the last few loaded transactions, never consistency). Every check still runs.
   */
  loader: DbHandle;
  drop(): Promise<void>;
}

/** Creates and migrates a fresh database `huzhu_bench_<label>_<random>`. */
export async function createBenchDatabase(label: string): Promise<BenchDatabase> {
  const name = `huzhu_bench_${label}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BENCH_SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(BENCH_SERVER_URL, name);
  const handle = connect(url, 10);
  await migrate(handle.pool);
  const loader = loaderConnection(url);
  return {
    name,
    url,
    handle,
    loader,
    drop: async () => {
      await loader.close();
      await handle.close();
      const client = new pg.Client({ connectionString: BENCH_SERVER_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A database kept by an earlier run (`--keep`), reused as it is (`drop` only closes it). */
export function openBenchDatabase(name: string): BenchDatabase {
  const url = withDatabase(BENCH_SERVER_URL, name);
  const handle = connect(url, 10);
  const loader = loaderConnection(url);
  return {
    name,
    url,
    handle,
    loader,
    drop: async () => {
      await loader.close();
      await handle.close();
    },
  };
}
