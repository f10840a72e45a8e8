import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type pg from 'pg';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The numbered SQL files under db/migrations, in order. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      sql: readFileSync(path.join(dir, file), 'utf8'),
    }));
}

export class SchemaTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly codeVersion: number,
  ) {
    super(
      `数据库结构版本 ${databaseVersion} 比程序支持的版本 ${codeVersion} 新，请升级程序后再启动。` +
        ` (database schema ${databaseVersion} is newer than this code's ${codeVersion})`,
    );
  }
}

/**
 * Applies pending migrations, each in its own transaction, recording each one. Serialised with an
 * advisory lock so two processes never migrate at once. Refuses a database newer than the code.
 */
export async function migrate(
  pool: pg.Pool,
  migrations: Migration[] = loadMigrations(),
): Promise<{ applied: string[] }> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(4827301)');
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migration (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = await client.query<{ version: number }>('SELECT version FROM schema_migration');
    const doneVersions = new Set(done.rows.map((row) => row.version));
    const codeVersion = Math.max(0, ...migrations.map((m) => m.version));
    const databaseVersion = Math.max(0, ...doneVersions);
    if (databaseVersion > codeVersion) throw new SchemaTooNewError(databaseVersion, codeVersion);
    for (const migration of migrations) {
      if (doneVersions.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migration (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
        await client.query('COMMIT');
        applied.push(migration.name);
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(4827301)').catch(() => undefined);
    client.release();
  }
  return { applied };
}
