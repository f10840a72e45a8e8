import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MOVEMENT_FEN } from '@huzhu/domain';
import { createTestApp, type TestApp } from './support/test-app.js';
import { openBooks, rid, type Books } from './support/books-fixture.js';

/**
 * Issue 17.1: one cash event of 9,007,199,254,740,991 fen used to be accepted, and from then on
 * the fund's reports and indicators and the county's and city's monitoring answered 500 for good.
 * Every amount is now bounded (API and database), and no stored row — not even one written behind
 * the application, beyond every limit — makes a report answer 500.
 */
let t: TestApp;
let books: Books;
let county = '';
let city = '';
const HUGE = Number.MAX_SAFE_INTEGER;

beforeAll(async () => {
  t = await createTestApp();
  books = await openBooks(t);
  county = await t.login('county');
  city = await t.login('city');
});
afterAll(async () => {
  await t.close();
});

function cashEvent(amountFen: number, on = '2026-03-02') {
  return books.post('/cash-events', { requestId: rid(), kind: 'fiscal_funds', on, amountFen });
}

/** Rewrites the amount of every line of a voucher behind the application's back. */
async function poisonVoucher(voucherId: number, amountFen: bigint): Promise<void> {
  const client = await t.db.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE voucher_line DISABLE TRIGGER USER');
    await client.query(
      'ALTER TABLE voucher_line DROP CONSTRAINT IF EXISTS voucher_line_amount_within_limit',
    );
    await client.query('UPDATE voucher_line SET amount_fen = $1 WHERE voucher_id = $2', [
      amountFen.toString(),
      voucherId,
    ]);
    await client.query('ALTER TABLE voucher_line ENABLE TRIGGER USER');
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

/** Every report and indicator endpoint of the fund, its county and its city. */
function reportUrls(fundId: number): { url: string; token: 'keeper' | 'county' | 'city' }[] {
  const fund = `/api/v1/funds/${String(fundId)}`;
  const range = 'from=2026-01-01&through=2026-10-31';
  const fundReports = [
    `trial-balance?${range}`,
    'balance-sheet?asOf=2026-10-31',
    `activity?${range}`,
    `cash-journal?${range}`,
    `bank-journal?${range}`,
    'loan-register?asOf=2026-10-31',
    'public-notice?asOf=2026-10-31',
  ].map((r) => ({ url: `${fund}/reports/${r}`, token: 'keeper' as const }));
  const regional = [
    '/api/v1/indicators?period=2026Q3',
    '/api/v1/indicators/table?period=2026Q3&source=books',
    '/api/v1/monitoring-report?period=2026Q3&source=books',
    '/api/v1/report-status?period=2026Q3',
    '/api/v1/warnings',
  ];
  return [
    ...fundReports,
    { url: `${fund}/indicators?period=2026Q3`, token: 'keeper' },
    { url: `${fund}/indicators?period=2026`, token: 'keeper' },
    ...regional.map((url) => ({ url, token: 'county' as const })),
    ...regional.map((url) => ({ url, token: 'city' as const })),
  ];
}

/** Calls every report endpoint; returns the status counts and asserts no 5xx and a named code. */
async function callEveryReport(): Promise<Record<string, number>> {
  const tokens = { keeper: books.keeper, county, city };
  const statuses: Record<string, number> = {};
  for (const { url, token } of reportUrls(books.fundId)) {
    const response = await t.call('GET', url, tokens[token]);
    statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
    expect(response.statusCode, `${url} → ${response.body.slice(0, 200)}`).toBeLessThan(500);
    if (response.statusCode >= 400) {
      const body = response.json<{ code: string; message: string }>();
      expect(body.code, url).toBe('books_amount_out_of_range');
      expect(body.message, url).toMatch(/[\u4e00-\u9fa5]/);
    }
  }
  return statuses;
}

describe('amount limits', () => {
  it('refuses the amount that broke the reports, and anything above one movement, with a code', async () => {
    for (const amount of [HUGE, MAX_MOVEMENT_FEN + 1]) {
      const refused = await cashEvent(amount);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('amount_exceeds_limit');
      expect(String(refused.body.message)).toMatch(/1亿元/);
    }
    const voucher = await books.post('/vouchers', {
      requestId: rid(),
      date: '2026-03-02',
      memo: '超限分录',
      lines: [
        { accountCode: '1001', side: 'debit', amountFen: HUGE },
        { accountCode: '310201', side: 'credit', amountFen: HUGE },
      ],
    });
    expect(voucher.body.code).toBe('amount_exceeds_limit');
    const limit = await cashEvent(MAX_MOVEMENT_FEN);
    expect(limit.status, JSON.stringify(limit.body)).toBe(200);
  });

  it('the database refuses a line above the limit written behind the application', async () => {
    const posted = await cashEvent(100);
    const voucherId = Number(posted.body.voucherId);
    await expect(
      t.db.pool.query(
        `INSERT INTO voucher_line (voucher_id, line_no, fund_id, account_code, side, amount_fen)
         VALUES ($1, 99, $2, '1001', 'debit', $3)`,
        [voucherId, books.fundId, String(HUGE)],
      ),
    ).rejects.toMatchObject({ code: '23514' });
  });
});

describe('a stored amount beyond every limit', () => {
  const vouchers: number[] = [];
  beforeAll(async () => {
    for (const on of ['2026-03-03', '2026-04-01', '2026-04-02', '2026-04-03']) {
      const posted = await cashEvent(12_345, on);
      vouchers.push(Number(posted.body.voucherId));
    }
  });

  it('reports answer a result or a named refusal, never 500 — one line of 2^53 − 1 fen', async () => {
    expect(await callEveryReport()).toEqual({ 200: reportUrls(books.fundId).length });
    const [poisoned = 0] = vouchers;
    await poisonVoucher(poisoned, BigInt(HUGE));
    const statuses = await callEveryReport();
    console.info('reports over a poisoned line:', JSON.stringify(statuses));
    // Reversing the voucher is refused with the limit's code (its lines are beyond the limit).
    const reversed = await books.post(`/vouchers/${String(poisoned)}/reverse`, {
      requestId: rid(),
      on: '2026-03-04',
      reason: '冲销超限凭证',
    });
    expect(reversed.status).toBeLessThan(500);
    expect(['amount_exceeds_limit', 'books_amount_out_of_range']).toContain(reversed.body.code);
    await callEveryReport();
  });

  it('lines each within the safe range but summing beyond 2^53 give no 500 either', async () => {
    const [repaired = 0, ...rest] = vouchers;
    await poisonVoucher(repaired, 12_345n);
    expect(await callEveryReport()).toEqual({ 200: reportUrls(books.fundId).length });
    for (const id of rest) await poisonVoucher(id, 4_000_000_000_000_000n);
    console.info('reports over lines summing past 2^53:', JSON.stringify(await callEveryReport()));
  });
});
