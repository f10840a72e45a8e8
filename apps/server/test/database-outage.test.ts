import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';
import { callApi, freePort, loginToken, startServeProcess } from './support/serve-process.js';
import { DEMO_PASSWORD, seedDemoOrganisation } from '../src/demo/demo-organisation.js';

/**
 * The database connection drops under load: every backend of the server is killed with
 * pg_terminate_backend again and again while four clients post. The process stays up, every
 * answer is 200 or 503 `database_unavailable` (never a 500, never a dropped connection), a
 * client retrying a 503 with the same requestId ends with exactly one posting, and every
 * acknowledged posting is in the books, which balance.
 */
const POSTINGS = 60;
const AMOUNT_FEN = 211;
let db: TestDatabase;
let server: ChildProcess | null = null;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoOrganisation(db.db);
});
afterAll(async () => {
  if (server !== null && server.exitCode === null) server.kill('SIGKILL');
  await db.drop();
});

/** Kills every backend of the test database except the killer's own, every `everyMs`. */
function keepKillingBackends(database: string, everyMs: number) {
  const admin = new pg.Client({ connectionString: inject('testAdminUrl') });
  const state = { running: true };
  let kills = 0;
  const done = (async () => {
    await admin.connect();
    while (state.running) {
      const killed = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [database],
      );
      kills += killed.rowCount ?? 0;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
    await admin.end();
  })();
  return {
    stop: async () => {
      state.running = false;
      await done;
      return kills;
    },
  };
}

it('answers 503 and reconnects while its backends are killed, keeping every acknowledged posting', async () => {
  const port = await freePort();
  server = await startServeProcess(db.url, port);
  const token = await loginToken(port, 'bookkeeper', DEMO_PASSWORD);
  const fundId =
    ((await callApi(port, token, 'GET', '/funds')).body.items as { id: number }[])[0]?.id ?? 0;
  const statuses: Record<string, number> = {};
  const acknowledged = new Set<string>();
  let next = 0;
  const killer = keepKillingBackends(db.name, 250);
  const clients = Array.from({ length: 4 }, async () => {
    for (;;) {
      if (next >= POSTINGS) return;
      next += 1;
      const request = {
        requestId: randomUUID(),
        kind: 'bank_interest',
        on: '2026-06-21',
        amountFen: AMOUNT_FEN,
      };
      // A 503 is retried with the same requestId until it is acknowledged.
      for (let attempt = 0; attempt < 100; attempt += 1) {
        const answer = await callApi(
          port,
          token,
          'POST',
          `/funds/${String(fundId)}/cash-events`,
          request,
        );
        const key =
          answer.status === 503 ? `503 ${String(answer.body.code)}` : String(answer.status);
        statuses[key] = (statuses[key] ?? 0) + 1;
        if (answer.status === 200) {
          acknowledged.add(request.requestId);
          break;
        }
        if (answer.status !== 503) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  });
  await Promise.all(clients);
  const kills = await killer.stop();
  console.log(`database-outage: ${String(kills)} backends killed; answers`, statuses);

  expect(server.exitCode, 'the server process is still running').toBeNull();
  expect(kills).toBeGreaterThan(5);
  expect(Object.keys(statuses).sort()).toEqual(
    Object.keys(statuses)
      .filter((k) => k === '200' || k === '503 database_unavailable')
      .sort(),
  );
  expect(
    statuses['503 database_unavailable'] ?? 0,
    'some requests met a killed connection',
  ).toBeGreaterThan(0);
  expect(acknowledged.size).toBe(POSTINGS);

  const health = await fetch(`http://127.0.0.1:${String(port)}/api/v1/health`);
  expect(health.status).toBe(200);
  expect(((await health.json()) as { database: string }).database).toBe('up');

  const interest = await db.pool.query<{ n: string; total: string }>(
    "SELECT count(*) AS n, sum(amount_fen) AS total FROM voucher_line WHERE account_code = '4901' AND fund_id = $1",
    [fundId],
  );
  expect(Number(interest.rows[0]?.n)).toBe(POSTINGS);
  expect(Number(interest.rows[0]?.total)).toBe(POSTINGS * AMOUNT_FEN);
  const stored = await db.pool.query<{ request_id: string }>(
    "SELECT request_id FROM client_request WHERE command = 'cash_event'",
  );
  const storedIds = new Set(stored.rows.map((r) => r.request_id));
  for (const id of acknowledged) expect(storedIds.has(id)).toBe(true);
  const totals = await db.pool.query<{ d: string; c: string }>(
    "SELECT sum(amount_fen) FILTER (WHERE side = 'debit') AS d, sum(amount_fen) FILTER (WHERE side = 'credit') AS c FROM voucher_line",
  );
  expect(totals.rows[0]?.d).toBe(totals.rows[0]?.c);
  server.kill('SIGTERM');
}, 240_000);
