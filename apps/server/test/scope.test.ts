import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { idCard, rid } from './support/books-fixture.js';

/**
 * Walks the whole route table as a user of another village and of another county: no endpoint
 * returns the foreign data, and a foreign id answers 404 (existence is not revealed).
 */
let t: TestApp;
const foreign = {
  regionIds: [] as number[],
  fundIds: [] as number[],
  userIds: [] as number[],
  memberIds: [] as number[],
  loanIds: [] as number[],
  voucherIds: [] as number[],
  reportIds: [] as number[],
  warningIds: [] as number[],
  markers: [] as string[],
};
let ownFundId = 0;

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login('admin');
  // A foreign county subtree: 巫溪县's township and villages, their funds and a user there.
  const regions = await t.call('GET', '/api/v1/regions?q=尖山镇', admin);
  const township = regions.json<{ items: { id: number }[] }>().items[0];
  if (township === undefined) throw new Error('demo township missing');
  const villages = await t.call('GET', `/api/v1/regions?parentId=${township.id}`, admin);
  const villageItems = villages.json<{ items: { id: number; name: string; fundId: number }[] }>()
    .items;
  const user = await t.call('POST', '/api/v1/users', admin, {
    username: 'wuxi_keeper',
    displayName: '巫溪外村会计',
    role: 'bookkeeper',
    regionId: villageItems[0]?.id,
    password: 'Wuxi2026pass',
  });
  foreign.regionIds.push(township.id, ...villageItems.map((v) => v.id));
  foreign.fundIds.push(...villageItems.map((v) => v.fundId));
  foreign.userIds.push(user.json<{ id: number }>().id);
  foreign.markers.push('尖山镇', '宝坪村', '双河村', '巫溪外村会计', '宝坪村扶贫互助社');
  // Books in the foreign fund: members, a group, a loan application, a voucher.
  const wuxi = await t.login('wuxi_keeper', 'Wuxi2026pass');
  const fundId = villageItems[0]?.fundId ?? 0;
  const base = `/api/v1/funds/${fundId}`;
  for (const [n, name] of [
    [901, '外村会员甲'],
    [902, '外村会员乙'],
    [903, '外村会员丙'],
  ] as const) {
    const member = await t.call('POST', `${base}/members`, wuxi, {
      requestId: rid(),
      headName: name,
      idCardNo: idCard(n),
      householdSize: 3,
      category: 'ordinary',
      joinedOn: '2026-01-05',
      shares: 1,
      method: 'cash',
    });
    foreign.memberIds.push(member.json<{ id: number }>().id);
  }
  await t.call('POST', `${base}/groups`, wuxi, {
    name: '外村小组',
    formedOn: '2026-01-06',
    memberIds: foreign.memberIds,
  });
  const voucher = await t.call('POST', `${base}/cash-events`, wuxi, {
    requestId: rid(),
    kind: 'fiscal_funds',
    on: '2026-01-10',
    amountFen: 15_000_000,
    memo: '外村财政资金',
  });
  foreign.voucherIds.push(voucher.json<{ voucherId: number }>().voucherId);
  const loan = await t.call('POST', `${base}/loans`, wuxi, {
    requestId: rid(),
    memberId: foreign.memberIds[0],
    amountFen: 100_000,
    termMonths: 6,
    purpose: '种植',
    appliedOn: '2026-02-01',
  });
  foreign.loanIds.push(loan.json<{ id: number }>().id);
  foreign.markers.push('外村会员甲', '外村小组', '外村财政资金');
  const report = await t.call('POST', `${base}/quarterly-reports/submit`, wuxi, {
    period: '2026Q1',
  });
  foreign.reportIds.push(report.json<{ id: number }>().id);
  const warnings = await t.call('GET', '/api/v1/warnings?status=active', wuxi);
  foreign.warningIds.push(...warnings.json<{ items: { id: number }[] }>().items.map((w) => w.id));
  expect(foreign.warningIds.length).toBeGreaterThan(0);
  // The probes below only mean something if the foreign books really exist.
  for (const id of [
    ...foreign.memberIds,
    ...foreign.loanIds,
    ...foreign.voucherIds,
    ...foreign.reportIds,
  ]) {
    expect(Number.isInteger(id) && id > 0).toBe(true);
  }
  ownFundId =
    (await t.call('GET', '/api/v1/funds', await t.login('bookkeeper'))).json<{
      items: { id: number }[];
    }>().items[0]?.id ?? 0;
});
afterAll(async () => {
  await t.close();
});

/** Every way to fill a route's parameters with foreign ids (and the own fund with foreign children). */
function expansions(url: string): string[] {
  const params = [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? '');
  if (params.length === 0) return [url];
  const values: Record<string, string[]> = {
    memberId: foreign.memberIds.map(String),
    loanId: foreign.loanIds.map(String),
    voucherId: foreign.voucherIds.map(String),
    reportId: foreign.reportIds.map(String),
    warningId: foreign.warningIds.map(String),
    period: ['2026-01'],
    report: ['trial-balance', 'loan-register', 'member-statement'],
  };
  const onlyId = params.length === 1;
  const ids = onlyId
    ? [...foreign.regionIds, ...foreign.fundIds, ...foreign.userIds].map(String)
    : [...foreign.fundIds.map(String), String(ownFundId)];
  let urls = [url];
  for (const param of params) {
    const options = param === 'id' ? ids : (values[param] ?? ['1']);
    urls = urls.flatMap((u) => options.map((v) => u.replace(`:${param}`, v)));
  }
  // The own fund with only unscoped values (period, report name) is in scope: not a probe.
  return urls.filter(
    (u) =>
      !(
        params.every((p) => p === 'id' || p === 'period' || p === 'report') &&
        u.includes(`/funds/${ownFundId}/`)
      ),
  );
}

describe.each([
  ['a village bookkeeper of another county', 'bookkeeper'],
  ['a county officer of another county', 'county'],
  ['a township officer of another county', 'township'],
  ['a village cashier of another county', 'cashier'],
  ['a board member of another county', 'board'],
  ['a supervisory board member of another county', 'supervisor'],
])('as %s', (_label, username) => {
  it('no endpoint in the route table leaks the foreign subtree', async () => {
    const token = await t.login(username);
    // Logging out or changing one's own password would end the walk; they touch no foreign data.
    const selfOnly = ['/api/v1/auth/logout', '/api/v1/auth/password', '/api/v1/openapi.json'];
    const routes = t.app.routeTable.filter(
      (r) => r.url.startsWith('/api/v1/') && !selfOnly.includes(r.url),
    );
    expect(routes.length).toBeGreaterThan(30);
    let calls = 0;
    const someForeign = foreign.regionIds[0] ?? 0;
    const probeBody = {
      parentId: someForeign,
      regionId: someForeign,
      villageId: someForeign,
      memberId: foreign.memberIds[0],
      memberIds: foreign.memberIds,
      name: 'x',
      code: '500238103299',
      on: '2026-03-01',
      appliedOn: '2026-03-01',
      amountFen: 100,
      termMonths: 6,
      purpose: '种植',
      method: 'cash',
      shares: 1,
    };
    for (const route of routes) {
      for (const url of expansions(route.url)) {
        const bodies =
          route.method === 'GET' ? [undefined] : [{}, { ...probeBody, requestId: rid() }];
        for (const body of bodies) {
          const query =
            route.method === 'GET'
              ? `?parentId=${someForeign}&regionId=${someForeign}&memberId=${foreign.memberIds[0] ?? 0}&on=2026-03-01&asOf=2026-03-01`
              : '';
          const response = await t.call(route.method, url + query, token, body);
          calls += 1;
          const label = `${route.method} ${url}${query}`;
          expect(response.statusCode, label).not.toBe(500);
          for (const marker of foreign.markers) expect(response.body, label).not.toContain(marker);
          if (route.url.includes(':') && route.method === 'GET') {
            expect([400, 403, 404], label).toContain(response.statusCode);
          }
          if (route.method !== 'GET')
            expect(response.statusCode, label).toBeGreaterThanOrEqual(400);
        }
      }
    }
    expect(calls).toBeGreaterThan(100);
  });
});

describe('listing inside scope', () => {
  it('a village user sees only their own village as the root of the tree', async () => {
    const token = await t.login('bookkeeper');
    const roots = (await t.call('GET', '/api/v1/regions', token)).json<{
      items: { name: string }[];
    }>();
    expect(roots.items.map((r) => r.name)).toEqual(['东河村']);
    const funds = (await t.call('GET', '/api/v1/funds', token)).json<{
      items: { name: string }[];
    }>();
    expect(funds.items.map((f) => f.name)).toEqual(['东河村扶贫互助社']);
  });

  it('a county officer sees the county and its funds only', async () => {
    const token = await t.login('county');
    const funds = (await t.call('GET', '/api/v1/funds', token)).json<{
      items: { county: { name: string } }[];
      total: number;
    }>();
    expect(funds.total).toBe(4);
    expect(new Set(funds.items.map((f) => f.county.name))).toEqual(new Set(['城口县']));
  });
});
