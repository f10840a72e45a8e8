import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';
import { seedDemoOrganisation } from '../src/demo/demo-organisation.js';
import { freePort } from './support/serve-process.js';

/**
 * Crash safety: the server is killed (SIGKILL) in the middle of a stream of postings. After a
 * restart every acknowledged posting is there, no voucher is partial, the ledger balances, and
 * retrying every request (acknowledged or not) applies each exactly once.
 */
const BIN = path.resolve(import.meta.dirname, '../bin/huzhu.js');
const POSTINGS = 120;
const AMOUNT_FEN = 137;
let db: TestDatabase;
const children: ChildProcess[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  // The demo organisation only (no demo books): `serve` then runs on a known, empty ledger.
  await seedDemoOrganisation(db.db);
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await db.drop();
});

async function startServer(port: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: db.url,
    PORT: String(port),
    HUZHU_LOG_LEVEL: 'silent',
  };
  const child = spawn(process.execPath, [BIN, 'serve'], { env, stdio: 'ignore' });
  children.push(child);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${String(port)}/api/v1/health`)).ok) return child;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('server did not start');
}

async function api(port: number, token: string, method: string, url: string, body?: unknown) {
  const response = await fetch(`http://127.0.0.1:${String(port)}/api/v1${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

it('loses no acknowledged posting and applies retries exactly once after a SIGKILL', async () => {
  const port = await freePort();
  let server = await startServer(port);
  const login = await fetch(`http://127.0.0.1:${String(port)}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bookkeeper', password: 'huzhu2026demo' }),
  });
  const token = ((await login.json()) as { token: string }).token;
  const fundId =
    ((await api(port, token, 'GET', '/funds')).body.items as { id: number }[])[0]?.id ?? 0;
  const requests = Array.from({ length: POSTINGS }, () => ({
    requestId: randomUUID(),
    kind: 'bank_interest',
    on: '2026-06-21',
    amountFen: AMOUNT_FEN,
  }));
  const acknowledged = new Set<string>();
  let sent = 0;
  // Four clients post concurrently; the server is killed once a third has been acknowledged.
  const killed = new Promise<void>((resolve) => {
    const clients = Array.from({ length: 4 }, async () => {
      for (;;) {
        const request = requests[sent];
        if (request === undefined) return;
        sent += 1;
        try {
          const response = await api(
            port,
            token,
            'POST',
            `/funds/${String(fundId)}/cash-events`,
            request,
          );
          if (response.status === 200) acknowledged.add(request.requestId);
        } catch {
          return; // the connection died with the server
        }
        if (acknowledged.size === POSTINGS / 3 && server.exitCode === null) {
          server.kill('SIGKILL');
          resolve();
        }
      }
    });
    void Promise.all(clients).then(() => {
      resolve();
    });
  });
  await killed;
  // Only a server we killed is waited for: a run that never reached the kill fails here, not hangs.
  expect(acknowledged.size, 'postings acknowledged before the kill').toBeGreaterThanOrEqual(
    POSTINGS / 3,
  );
  if (server.exitCode === null && server.signalCode === null) {
    await new Promise((resolve) => server.once('exit', resolve));
  }
  expect(acknowledged.size).toBeGreaterThanOrEqual(POSTINGS / 3);
  expect(sent).toBeLessThan(POSTINGS);

  server = await startServer(port);
  const stored = await db.pool.query<{ request_id: string }>(
    "SELECT request_id FROM client_request WHERE command = 'cash_event'",
  );
  const storedIds = new Set(stored.rows.map((r) => r.request_id));
  for (const id of acknowledged) expect(storedIds.has(id)).toBe(true);
  const unbalanced = await db.pool.query(
    "SELECT voucher_id FROM voucher_line GROUP BY voucher_id HAVING sum(CASE WHEN side = 'debit' THEN amount_fen ELSE -amount_fen END) <> 0 OR count(*) < 2",
  );
  expect(unbalanced.rowCount).toBe(0);

  // Retry everything: acknowledged requests answer their first result, the rest apply once.
  const token2 = (
    (await (
      await fetch(`http://127.0.0.1:${String(port)}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'bookkeeper', password: 'huzhu2026demo' }),
      })
    ).json()) as { token: string }
  ).token;
  for (const request of requests) {
    const response = await api(
      port,
      token2,
      'POST',
      `/funds/${String(fundId)}/cash-events`,
      request,
    );
    expect(response.status).toBe(200);
  }
  const interest = await db.pool.query<{ n: string; total: string }>(
    "SELECT count(*) AS n, sum(amount_fen) AS total FROM voucher_line WHERE account_code = '4901' AND fund_id = $1",
    [fundId],
  );
  expect(Number(interest.rows[0]?.n)).toBe(POSTINGS);
  expect(Number(interest.rows[0]?.total)).toBe(POSTINGS * AMOUNT_FEN);
  const totals = await db.pool.query<{ d: string; c: string }>(
    "SELECT sum(amount_fen) FILTER (WHERE side = 'debit') AS d, sum(amount_fen) FILTER (WHERE side = 'credit') AS c FROM voucher_line",
  );
  expect(totals.rows[0]?.d).toBe(totals.rows[0]?.c);
  server.kill('SIGTERM');
}, 240_000);
