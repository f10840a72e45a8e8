import { afterAll, beforeAll, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let county: string;
let fundId = 0;
let countyId = 0;

beforeAll(async () => {
  t = await createTestApp();
  county = await t.login('county');
  fundId =
    (await t.call('GET', '/api/v1/funds', county)).json<{ items: { id: number }[] }>().items[0]
      ?.id ?? 0;
  countyId =
    (await t.call('GET', '/api/v1/regions', county)).json<{ items: { id: number }[] }>().items[0]
      ?.id ?? 0;
});
afterAll(async () => {
  await t.close();
});

it('records a fund’s satisfaction survey; counts must add up', async () => {
  const before = await countRows(t.db, 'satisfaction_survey');
  const bad = await t.call('PUT', `/api/v1/funds/${fundId}/surveys/2026`, county, {
    respondents: 30,
    satisfied: 20,
    neutral: 5,
    dissatisfied: 4,
  });
  expect(bad.json()).toMatchObject({ code: 'survey_counts_invalid' });
  expect(await countRows(t.db, 'satisfaction_survey')).toBe(before);
  const ok = await t.call('PUT', `/api/v1/funds/${fundId}/surveys/2026`, county, {
    respondents: 30,
    satisfied: 24,
    neutral: 5,
    dissatisfied: 1,
    opinions: '希望提高借款额度',
  });
  expect(ok.statusCode).toBe(204);
  const list = await t.call('GET', `/api/v1/funds/${fundId}/surveys`, county);
  expect(list.json()).toEqual({
    items: [
      {
        year: 2026,
        respondents: 30,
        satisfied: 24,
        neutral: 5,
        dissatisfied: 1,
        opinions: '希望提高借款额度',
      },
    ],
  });
});

it('records typical cases for the county’s annual summary', async () => {
  const created = await t.call('POST', `/api/v1/regions/${countyId}/typical-cases`, county, {
    year: 2026,
    fundId,
    title: '东河村以养殖带动脱贫',
    body: '全村 30 户借款发展生猪养殖，按期还款率 100%。',
  });
  expect(created.statusCode).toBe(201);
  const list = await t.call('GET', `/api/v1/regions/${countyId}/typical-cases?year=2026`, county);
  expect(list.json<{ items: { title: string; fundName: string }[] }>().items).toEqual([
    expect.objectContaining({ title: '东河村以养殖带动脱贫', fundName: '东河村扶贫互助社' }),
  ]);
  const keeper = await t.login('bookkeeper');
  const refused = await t.call('POST', `/api/v1/regions/${countyId}/typical-cases`, keeper, {
    year: 2026,
    title: 'x',
    body: 'y',
  });
  expect(refused.statusCode).toBe(404);
});
