import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { DataDirLockedError, lockDataDir } from '../src/db/data-dir-lock.js';

const dir = mkdtempSync(path.join(tmpdir(), 'huzhu-embedded-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

it('starts the embedded PostgreSQL, migrates, writes, stops, restarts and reads back', async () => {
  const first = await startEmbeddedPostgres(dir);
  const pool = new pg.Pool({ connectionString: first.connectionString });
  await migrate(pool);
  await pool.query(
    "INSERT INTO region (code, name, level, parent_id, path) VALUES ('500000000000', '重庆市', 'city', NULL, '/1/')",
  );
  await pool.end();
  // A second process on the same data directory is refused at once.
  expect(() => lockDataDir(dir)).not.toThrow(DataDirLockedError); // same pid: this process holds it
  await first.stop();

  const second = await startEmbeddedPostgres(dir);
  const again = new pg.Pool({ connectionString: second.connectionString });
  const { applied } = await migrate(again);
  expect(applied).toEqual([]);
  const rows = await again.query<{ name: string }>('SELECT name FROM region');
  expect(rows.rows.map((r) => r.name)).toEqual(['重庆市']);
  await again.end();
  await second.stop();
}, 120_000);
