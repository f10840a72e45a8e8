import { chmodSync, cpSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { packagedPostgresDir } from '../src/db/postgres-process.js';
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

/**
 * A fresh clone inside a directory only root may enter (mode 700, like root's home), started as
 * root: PostgreSQL runs as the `postgres` user, who cannot reach the binaries or the data there.
 * It comes up all the same (binaries copied, data directory linked to the shared directory), and
 * where even the shared directory is out of reach it stops with a message naming it.
 */
it.runIf(process.getuid?.() === 0)(
  'starts as root from a mode-700 directory, or names the directory it cannot reach',
  async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'huzhu-private-'));
    const shared = mkdtempSync(path.join(tmpdir(), 'huzhu-shared-'));
    try {
      chmodSync(outside, 0o700);
      chmodSync(shared, 0o755);
      const clone = path.join(outside, 'clone');
      const binaries = path.join(clone, 'node_modules', 'postgres');
      cpSync(await packagedPostgresDir(), binaries, { recursive: true, verbatimSymlinks: true });
      const dataDir = path.join(clone, 'data');

      process.env.HUZHU_PG_SHARED_DIR = path.join(outside, 'also-private');
      await expect(
        startEmbeddedPostgres(dataDir, undefined, { postgresDir: binaries }),
      ).rejects.toThrow(`postgres 用户无法访问共享目录 ${path.join(outside, 'also-private')}`);

      process.env.HUZHU_PG_SHARED_DIR = shared;
      const first = await startEmbeddedPostgres(dataDir, undefined, { postgresDir: binaries });
      const pool = new pg.Pool({ connectionString: first.connectionString });
      await pool.query('CREATE TABLE kept (v text)');
      await pool.query("INSERT INTO kept VALUES ('私有目录')");
      await pool.end();
      await first.stop();
      expect(realpathSync(path.join(dataDir, 'pg')).startsWith(shared)).toBe(true);
      expect(readdirSync(shared).some((name) => name.startsWith('postgres-'))).toBe(true);

      const second = await startEmbeddedPostgres(dataDir, undefined, { postgresDir: binaries });
      const again = new pg.Pool({ connectionString: second.connectionString });
      expect((await again.query<{ v: string }>('SELECT v FROM kept')).rows).toEqual([
        { v: '私有目录' },
      ]);
      await again.end();
      await second.stop();
    } finally {
      delete process.env.HUZHU_PG_SHARED_DIR;
      rmSync(outside, { recursive: true, force: true });
      rmSync(shared, { recursive: true, force: true });
    }
  },
  120_000,
);
