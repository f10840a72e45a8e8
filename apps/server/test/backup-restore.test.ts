import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../src/app/backup/backup.js';
import { verifyChain } from '../src/db/repositories/seals.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';
import { approvedLoan, openBooks, registerMember, rid } from './support/books-fixture.js';

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'huzhu-backup-'));
let t: TestApp;
let target: TestDatabase;

/** Every table's row count and a digest of its rows in key order: equal digests, equal data. */
async function fingerprint(db: TestDatabase): Promise<Record<string, string>> {
  const tables = await db.pool.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_migration' ORDER BY 1",
  );
  const result: Record<string, string> = {};
  for (const { table_name: table } of tables.rows) {
    const digest = await db.pool.query<{ n: string; h: string | null }>(
      `SELECT count(*) AS n, md5(string_agg(row_to_json(t)::text, '|' ORDER BY row_to_json(t)::text)) AS h FROM "${table}" t`,
    );
    result[table] = `${digest.rows[0]?.n ?? ''}:${digest.rows[0]?.h ?? ''}`;
  }
  return result;
}

beforeAll(async () => {
  t = await createTestApp();
  target = await createTestDatabase();
  const books = await openBooks(t);
  const m: number[] = [];
  for (let n = 1; n <= 4; n += 1)
    m.push(
      await registerMember(books, n, {
        joinedOn: '2026-03-01',
        category: n === 1 ? 'poor' : 'ordinary',
      }),
    );
  await books.post('/groups', { name: '一组', formedOn: '2026-03-02', memberIds: m });
  await books.post('/cash-events', {
    requestId: rid(),
    kind: 'fiscal_funds',
    on: '2026-03-03',
    amountFen: 15_000_000,
  });
  const loan = await approvedLoan(books, m[1] ?? 0, [m[2] ?? 0, m[3] ?? 0], {
    amountFen: 250_000,
    termMonths: 6,
    appliedOn: '2026-03-05',
  });
  await books.post(`/loans/${loan}/disburse`, {
    requestId: rid(),
    on: '2026-03-09',
    method: 'bank',
  });
  await books.post(`/loans/${loan}/repayments`, {
    requestId: rid(),
    on: '2026-05-09',
    amountFen: 60_000,
    method: 'cash',
  });
  await books.post('/quarterly-reports/submit', { period: '2026Q1' });
});
afterAll(async () => {
  await t.close();
  await target.drop();
  rmSync(dir, { recursive: true, force: true });
});

it('restores a backup into an empty database with every row equal to the original', async () => {
  const file = path.join(dir, 'books.jsonl.gz');
  const backup = await backupDatabase(t.db.pool, file, new Date());
  expect(backup.rows).toBeGreaterThan(100);
  const restored = await restoreDatabase(target.pool, file);
  expect(restored.rows).toBe(backup.rows);
  expect(await fingerprint(target)).toEqual(await fingerprint(t.db));
  const fund = await target.pool.query<{ id: number }>(
    "SELECT id FROM fund WHERE name = '东河村扶贫互助社'",
  );
  const chain = await verifyChain(target.db, fund.rows[0]?.id ?? 0);
  expect(chain.problems).toEqual([]);
  expect(chain.sealed).toBeGreaterThan(5);
  // New rows after a restore get new ids (sequences moved past the restored ones).
  await target.pool.query("INSERT INTO audit_log (command) VALUES ('after.restore')");
});

it('refuses to restore over existing data, writing nothing', async () => {
  const file = path.join(dir, 'again.jsonl.gz');
  await backupDatabase(t.db.pool, file, new Date());
  const before = await fingerprint(target);
  await expect(restoreDatabase(target.pool, file)).rejects.toThrow(/不是空库/);
  expect(await fingerprint(target)).toEqual(before);
});

it('huzhu backup writes a file the CLI reports on', async () => {
  const file = path.join(dir, 'cli.jsonl.gz');
  const bin = path.resolve(import.meta.dirname, '../bin/huzhu.js');
  const { stdout } = await run(process.execPath, [bin, 'backup', '--out', file], {
    env: { ...process.env, DATABASE_URL: t.db.url, HUZHU_LOG_LEVEL: 'silent' },
  });
  expect(stdout).toMatch(/已备份 \d+ 张表、\d+ 行/);
});
