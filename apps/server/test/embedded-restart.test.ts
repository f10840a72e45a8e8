import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { DEMO_PASSWORD, seedDemoOrganisation } from '../src/demo/demo-organisation.js';
import { buildApp } from '../src/http/app.js';
import { migrateRuntime, openRuntime, type Runtime } from '../src/runtime.js';

/**
 * The embedded PostgreSQL stops under a running server (its postmaster shut down from outside):
 * the server stays up, answers 503 `database_unavailable` and /health `database: down` meanwhile,
 * the runtime starts PostgreSQL again, and the server recovers with every acknowledged posting.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'huzhu-restart-'));
let runtime: Runtime | null = null;
afterAll(async () => {
  await runtime?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('answers 503 while the embedded PostgreSQL is down, then recovers', async () => {
  const config = loadConfig({ HUZHU_DATA_DIR: dataDir, HUZHU_LOG_LEVEL: 'silent' });
  runtime = await openRuntime(config, () => undefined);
  await migrateRuntime(runtime);
  await seedDemoOrganisation(runtime.database.db);
  const app = await buildApp({ db: runtime.database.db, config, now: () => new Date() });
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'bookkeeper', password: DEMO_PASSWORD },
  });
  const headers = { authorization: `Bearer ${login.json<{ token: string }>().token}` };
  const funds = await app.inject({ method: 'GET', url: '/api/v1/funds', headers });
  const fundId = funds.json<{ items: { id: number }[] }>().items[0]?.id ?? 0;
  const post = (requestId: string) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/funds/${String(fundId)}/cash-events`,
      headers,
      payload: { requestId, kind: 'bank_interest', on: '2026-06-21', amountFen: 500 },
    });
  expect((await post(randomUUID())).statusCode).toBe(200);

  const pgDir = runtime.embedded?.pgDir ?? '';
  const pid = Number(readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  process.kill(pid, 'SIGINT'); // PostgreSQL's fast shutdown, as `pg_ctl stop` does

  const seen: string[] = [];
  const duringOutage = randomUUID();
  let outagePosting: number | null = null;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const health = await app.inject({ method: 'GET', url: '/api/v1/health' });
    const state = `${String(health.statusCode)} ${health.json<{ database: string }>().database}`;
    if (seen.at(-1) !== state) seen.push(state);
    if (state === '503 down' && outagePosting === null) {
      const answer = await post(duringOutage);
      outagePosting = answer.statusCode;
      expect(answer.json<{ code: string }>().code).toBe('database_unavailable');
    }
    if (state === '200 up' && seen.includes('503 down')) break;
    if (Date.now() > deadline) throw new Error(`no recovery: ${seen.join(' → ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(outagePosting).toBe(503);
  expect(seen.at(-1)).toBe('200 up');
  // The posting refused during the outage goes through on retry, once.
  expect((await post(duringOutage)).statusCode).toBe(200);
  expect((await post(duringOutage)).statusCode).toBe(200);
  const interest = await runtime.database.pool.query<{ n: string }>(
    "SELECT count(*) AS n FROM voucher_line WHERE account_code = '4901' AND fund_id = $1",
    [fundId],
  );
  expect(Number(interest.rows[0]?.n)).toBe(2);
  await app.close();
}, 120_000);
