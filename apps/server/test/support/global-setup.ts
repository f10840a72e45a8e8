import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded.js';
import { loadMigrations, migrate } from '../../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A connection string to a maintenance database on the test PostgreSQL server. */
    testAdminUrl: string;
    /** The migrated template every test file copies. */
    testTemplate: string;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Tests run on a real PostgreSQL: HUZHU_TEST_DATABASE_URL when set, else an embedded one started
 * here. A template database is migrated once (named by the migrations' hash); each test file then
 * copies it with CREATE DATABASE … TEMPLATE, which is fast.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let embedded: EmbeddedDatabase | null = null;
  let tempDir: string | null = null;
  let adminUrl = process.env.HUZHU_TEST_DATABASE_URL ?? '';
  if (adminUrl === '') {
    tempDir = mkdtempSync(path.join(tmpdir(), 'huzhu-test-pg-'));
    embedded = await startEmbeddedPostgres(tempDir);
    adminUrl = withDatabase(embedded.connectionString, 'postgres');
  }
  const migrations = loadMigrations();
  const hash = createHash('sha256')
    .update(migrations.map((m) => m.sql).join('\n'))
    .digest('hex')
    .slice(0, 12);
  const template = `huzhu_tpl_${hash}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
  if (exists.rowCount === 0) {
    const building = `${template}_build_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${building}`);
    await admin.query(`CREATE DATABASE ${building}`);
    const pool = new pg.Pool({ connectionString: withDatabase(adminUrl, building), max: 1 });
    await migrate(pool, migrations);
    await pool.end();
    try {
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    } catch {
      // Another run built it meanwhile.
      await admin.query(`DROP DATABASE IF EXISTS ${building}`);
    }
  }
  await admin.end();
  project.provide('testAdminUrl', adminUrl);
  project.provide('testTemplate', template);
  return async () => {
    await embedded?.stop();
    if (tempDir !== null) rmSync(tempDir, { recursive: true, force: true });
  };
}
