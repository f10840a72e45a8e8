import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Issue 17.5: a village's bookkeeper used to acknowledge and resolve its own fund's warnings. */
let t: TestApp;
let warningId = 0;

beforeAll(async () => {
  t = await createTestApp();
  const result = await t.db.pool.query<{ id: number }>(
    `INSERT INTO fund_warning (fund_id, code, severity, message, evidence, status)
     SELECT id, 'overdue_rate_high', 'high', '逾期率过高', '{}', 'open' FROM fund LIMIT 1
     RETURNING id`,
  );
  warningId = result.rows[0]?.id ?? 0;
});
afterAll(async () => {
  await t.close();
});

async function act(username: string, action: string): Promise<{ status: number; code?: string }> {
  const response = await t.call(
    'POST',
    `/api/v1/warnings/${String(warningId)}/actions`,
    await t.login(username),
    { action, note: '已核实' },
  );
  return {
    status: response.statusCode,
    ...(response.statusCode === 204 ? {} : { code: response.json<{ code: string }>().code }),
  };
}

it('the village refuses to handle its own warnings; the township and the county may', async () => {
  for (const username of ['bookkeeper', 'cashier', 'board', 'supervisor']) {
    for (const action of ['acknowledge', 'resolve']) {
      expect(await act(username, action), `${username} ${action}`).toEqual({
        status: 403,
        code: 'warning_action_not_for_village',
      });
    }
  }
  const status = async () =>
    (
      await t.db.pool.query<{ status: string }>('SELECT status FROM fund_warning WHERE id = $1', [
        warningId,
      ])
    ).rows[0]?.status;
  expect(await status()).toBe('open');
  expect(await act('township', 'acknowledge')).toEqual({ status: 204 });
  expect(await act('county', 'resolve')).toEqual({ status: 204 });
  expect(await status()).toBe('resolved');
});
