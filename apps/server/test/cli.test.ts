import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';
import { seedChongqing } from '../src/db/seed/seed-regions.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../bin/huzhu.js');
const dir = mkdtempSync(path.join(tmpdir(), 'huzhu-cli-'));
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedChongqing(db.db);
});
afterAll(async () => {
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

function huzhu(args: string[], input?: string) {
  const child = run(process.execPath, [BIN, ...args], {
    env: { ...process.env, DATABASE_URL: db.url, HUZHU_LOG_LEVEL: 'silent' },
  });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  return child;
}

it('migrate reports an up-to-date database', async () => {
  const { stdout } = await huzhu(['migrate']);
  expect(stdout).toContain('数据库已是最新');
});

it('region import loads a CSV and user add creates a user who can be found in the database', async () => {
  const file = path.join(dir, 'regions.csv');
  writeFileSync(
    file,
    '代码,名称,上级代码\n500229120000,明中乡,500229000000\n500229120201,龙王村,500229120000\n',
  );
  const imported = await huzhu(['region', 'import', file]);
  expect(imported.stdout).toContain('新增 2 条');
  const added = await huzhu(
    [
      'user',
      'add',
      '--username',
      'lw_keeper',
      '--name',
      '龙王村会计',
      '--role',
      'bookkeeper',
      '--region',
      '500229120201',
    ],
    'Longwang2026pw\n',
  );
  expect(added.stdout).toContain('已新增用户 lw_keeper');
  const row = await db.pool.query<{ role: string }>(
    "SELECT role FROM app_user WHERE username = 'lw_keeper'",
  );
  expect(row.rows[0]?.role).toBe('bookkeeper');
});

it('refuses a weak password with its code and Chinese message, and a bad file, exiting non-zero', async () => {
  await expect(
    huzhu([
      'user',
      'add',
      '--username',
      'weak',
      '--name',
      '弱',
      '--role',
      'auditor',
      '--region',
      '500000000000',
      '--password',
      'abc',
    ]),
  ).rejects.toMatchObject({
    code: 1,
    stderr: expect.stringContaining('password_too_weak') as unknown,
  });
  const bad = path.join(dir, 'bad.csv');
  writeFileSync(bad, '代码,名称,上级代码\n123,坏,500229000000\n');
  await expect(huzhu(['region', 'import', bad])).rejects.toMatchObject({
    stderr: expect.stringContaining('region_import_invalid') as unknown,
  });
});
