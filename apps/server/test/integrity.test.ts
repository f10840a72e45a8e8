import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { openBooks, registerMember, rid, type Books } from './support/books-fixture.js';

const run = promisify(execFile);
let t: TestApp;
let books: Books;
let auditor: string;

interface Report {
  intact: boolean;
  vouchers: number;
  sealed: number;
  problems: { kind: string; voucherNo: string | null }[];
}

async function integrity(): Promise<Report> {
  return (await t.call('GET', `/api/v1/funds/${books.fundId}/integrity`, auditor)).json<Report>();
}

/** Runs SQL behind the application's back, with the append-only guards switched off. */
async function tamper(statements: string): Promise<void> {
  const client = await t.db.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      'ALTER TABLE voucher DISABLE TRIGGER USER; ALTER TABLE voucher_line DISABLE TRIGGER USER',
    );
    await client.query(statements);
    await client.query(
      'ALTER TABLE voucher ENABLE TRIGGER USER; ALTER TABLE voucher_line ENABLE TRIGGER USER',
    );
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

beforeAll(async () => {
  t = await createTestApp();
  books = await openBooks(t);
  auditor = await t.login('auditor');
  for (let n = 1; n <= 3; n += 1) await registerMember(books, n, { joinedOn: '2026-05-01' });
  await books.post('/cash-events', {
    requestId: rid(),
    kind: 'fiscal_funds',
    on: '2026-05-02',
    amountFen: 15_000_000,
  });
  await books.post('/cash-events', {
    requestId: rid(),
    kind: 'expense',
    on: '2026-05-03',
    amountFen: 3_000,
    method: 'cash',
    memo: '印刷账簿',
  });
});
afterAll(async () => {
  await t.close();
});

describe('tamper evidence (凭证封记链)', () => {
  it('seals every voucher: an untouched ledger verifies', async () => {
    const report = await integrity();
    expect(report).toMatchObject({ intact: true, vouchers: 5, sealed: 5, problems: [] });
  });

  it('reports a line whose amount was changed in SQL', async () => {
    await tamper(
      `UPDATE voucher_line SET amount_fen = 300 WHERE fund_id = ${String(books.fundId)} AND account_code IN ('5201', '1001') AND amount_fen = 3000`,
    );
    const report = await integrity();
    expect(report.intact).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'voucher_edited', voucherNo: '2026-05-0005' }),
    ]);
  });

  it('reports a deleted voucher and one inserted without the application', async () => {
    await tamper(`
      DELETE FROM voucher_line WHERE voucher_id = (SELECT id FROM voucher WHERE fund_id = ${String(books.fundId)} AND number = 4);
      DELETE FROM voucher WHERE fund_id = ${String(books.fundId)} AND number = 4;
      INSERT INTO voucher (fund_id, period, number, date, kind, memo) VALUES (${String(books.fundId)}, '2026-05', 99, '2026-05-09', 'manual', '私自补记');
      INSERT INTO voucher_line (voucher_id, line_no, fund_id, account_code, side, amount_fen)
        SELECT id, 1, fund_id, '5201', 'debit', 100 FROM voucher WHERE number = 99 AND fund_id = ${String(books.fundId)}
        UNION ALL SELECT id, 2, fund_id, '1001', 'credit', 100 FROM voucher WHERE number = 99 AND fund_id = ${String(books.fundId)};`);
    const kinds = (await integrity()).problems.map((p) => p.kind).sort();
    expect(kinds).toEqual(['voucher_deleted', 'voucher_edited', 'voucher_unsealed']);
  });

  it('huzhu verify prints the problems and exits 1', async () => {
    const code =
      (
        await t.db.pool.query<{ code: string }>('SELECT code FROM fund WHERE id = $1', [
          books.fundId,
        ])
      ).rows[0]?.code ?? '';
    const bin = path.resolve(import.meta.dirname, '../bin/huzhu.js');
    const result = await run(process.execPath, [bin, 'verify', '--fund', code], {
      env: { ...process.env, DATABASE_URL: t.db.url, HUZHU_LOG_LEVEL: 'silent' },
    }).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (error: unknown) => error as { code: number; stdout: string; stderr: string },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('核验未通过');
    expect(result.stdout).toContain('没有封记');
  });
});
