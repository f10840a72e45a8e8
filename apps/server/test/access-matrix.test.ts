import { afterAll, beforeAll, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp } from './support/test-app.js';
import { approvedLoan, openBooks, registerMember, rid } from './support/books-fixture.js';
import { sample, type Operation } from './support/openapi-sample.js';

/**
 * Every endpoint × every role, inside the role's own scope: no answer is a 500, and the auditor
 * (read-only) changes nothing at all — every state-changing request is refused and no row moves.
 */
const ROLES = [
  'admin',
  'city',
  'county',
  'township',
  'bookkeeper',
  'cashier',
  'board',
  'supervisor',
  'auditor',
];
const SELF = new Set(['/api/v1/auth/logout', '/api/v1/auth/password', '/api/v1/auth/login']);
let t: TestApp;
const ids: Record<string, string> = {};
let calls = 0;

beforeAll(async () => {
  t = await createTestApp();
  const books = await openBooks(t);
  const m: number[] = [];
  for (let n = 1; n <= 3; n += 1)
    m.push(await registerMember(books, n, { joinedOn: '2026-01-05' }));
  await books.post('/groups', { name: '一组', formedOn: '2026-01-06', memberIds: m });
  const fiscal = await books.post('/cash-events', {
    requestId: rid(),
    kind: 'fiscal_funds',
    on: '2026-01-10',
    amountFen: 15_000_000,
  });
  const loan = await approvedLoan(books, m[0] ?? 0, [m[1] ?? 0, m[2] ?? 0], {
    amountFen: 100_000,
    appliedOn: '2026-01-12',
  });
  const report = await books.post('/quarterly-reports/submit', { period: '2026Q1' });
  Object.assign(ids, {
    id: String(books.fundId),
    memberId: String(m[0]),
    loanId: String(loan),
    voucherId: String(fiscal.body.voucherId),
    reportId: String(report.body.id),
    period: '2026-01',
    year: '2026',
    report: 'trial-balance',
  });
});
afterAll(async () => {
  await t.close();
});

function expand(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => ids[name] ?? '1');
}

it('answers every role on every endpoint without a 500; the auditor changes nothing', async () => {
  const doc = (await t.call('GET', '/api/v1/openapi.json', null)).json<{
    paths: Record<string, Record<string, Operation>>;
  }>();
  for (const role of ROLES) {
    const token = await t.login(role);
    const before = role === 'auditor' ? await rowCounts() : null;
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (SELF.has(path)) continue;
      for (const [method, operation] of Object.entries(operations)) {
        const body = operation.requestBody?.content['application/json']?.schema;
        const response = await t.call(
          method.toUpperCase(),
          expand(path),
          token,
          body === undefined ? undefined : sample(body),
        );
        calls += 1;
        expect(
          response.statusCode,
          `${role} ${method} ${path}: ${response.body.slice(0, 200)}`,
        ).toBeLessThan(500);
        if (role === 'auditor' && method !== 'get') {
          expect(
            response.statusCode,
            `auditor ${method} ${path} was accepted`,
          ).toBeGreaterThanOrEqual(400);
        }
      }
    }
    if (before !== null) expect(await rowCounts()).toEqual(before);
  }
  expect(calls).toBeGreaterThan(9 * 70);
}, 300_000);

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await t.db.pool.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('login_attempt', 'session', 'fund_warning', 'fund_warning_event', 'fund')",
  );
  const counts: Record<string, number> = {};
  for (const { table_name: table } of tables.rows) counts[table] = await countRows(t.db, table);
  return counts;
}
