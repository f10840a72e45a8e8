import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import { seedDemoOrganisation, DEMO_PASSWORD } from '../../src/demo/demo-organisation.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  clock: { now: Date };
  /** Logs in and returns a bearer token. */
  login(username: string, password?: string): Promise<string>;
  call(
    method: string,
    url: string,
    token: string | null,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** An in-process app on a fresh database holding the demo organisation. */
export async function createTestApp(options: { demo?: boolean } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  if (options.demo !== false) await seedDemoOrganisation(db.db);
  const clock = { now: new Date('2026-11-27T02:00:00Z') };
  const config = { ...loadConfig({}), sessionTtlMinutes: 60 };
  const app = await buildApp({ db: db.db, config, now: () => clock.now });
  await app.ready();
  const call = (method: string, url: string, token: string | null, body?: unknown) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: token === null ? {} : { authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    app,
    db,
    clock,
    call,
    login: async (username, password = DEMO_PASSWORD) => {
      const response = await call('POST', '/api/v1/auth/login', null, { username, password });
      if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.body}`);
      return response.json<{ token: string }>().token;
    },
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** Rows in a table, to prove a rejected request wrote nothing. */
export async function countRows(db: TestDatabase, table: string): Promise<number> {
  const result = await db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(result.rows[0]?.n);
}
