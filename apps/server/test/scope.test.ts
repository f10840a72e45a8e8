import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Walks the whole route table as a user of another village and of another county: no endpoint
 * returns the foreign data, and a foreign id answers 404 (existence is not revealed).
 */
let t: TestApp;
const foreign = {
  regionIds: [] as number[],
  fundIds: [] as number[],
  userIds: [] as number[],
  markers: [] as string[],
};

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
  // Something for the audit log to hold in the foreign subtree.
  const wuxi = await t.login('wuxi_keeper', 'Wuxi2026pass');
  await t.call('GET', '/api/v1/auth/me', wuxi);
});
afterAll(async () => {
  await t.close();
});

function expand(url: string, id: number): string {
  return url.replace(/:id\b/g, String(id)).replace(/\*$/, '');
}

describe.each([
  ['a village bookkeeper of another county', 'bookkeeper'],
  ['a county officer of another county', 'county'],
  ['a township officer of another county', 'township'],
])('as %s', (_label, username) => {
  it('no endpoint in the route table leaks the foreign subtree', async () => {
    const token = await t.login(username);
    // Logging out or changing one's own password would end the walk; they touch no foreign data.
    const selfOnly = ['/api/v1/auth/logout', '/api/v1/auth/password', '/api/v1/openapi.json'];
    const routes = t.app.routeTable.filter(
      (r) => r.url.startsWith('/api/v1/') && !selfOnly.includes(r.url),
    );
    expect(routes.length).toBeGreaterThan(10);
    const ids = [...foreign.regionIds, ...foreign.fundIds, ...foreign.userIds];
    let calls = 0;
    for (const route of routes) {
      const targets = route.url.includes(':id') ? ids : [0];
      for (const id of targets) {
        const url = expand(route.url, id);
        const bodies =
          route.method === 'GET'
            ? [undefined]
            : [{}, { parentId: id, regionId: id, villageId: id, name: 'x', code: '500238103299' }];
        for (const body of bodies) {
          const query =
            route.method === 'GET' && !route.url.includes(':id')
              ? `?parentId=${foreign.regionIds[0]}&regionId=${foreign.regionIds[0]}`
              : '';
          const response = await t.call(route.method, url + query, token, body);
          calls += 1;
          expect(response.statusCode, `${route.method} ${url}`).not.toBe(500);
          for (const marker of foreign.markers)
            expect(response.body, `${route.method} ${url}${query}`).not.toContain(marker);
          if (route.url.includes(':id') && route.method === 'GET') {
            expect([403, 404], `${route.method} ${url}`).toContain(response.statusCode);
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(30);
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
