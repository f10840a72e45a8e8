import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { openBooks, registerMember, rid } from './support/books-fixture.js';
import { isDate, sample, typeOf, type Operation, type Schema } from './support/openapi-sample.js';
import { MAX_MOVEMENT_FEN } from '@huzhu/domain';

/**
 * Bad input at every endpoint, generated from the OpenAPI document: malformed JSON, missing and
 * extra fields, wrong types, huge strings, negative and overflowing numbers, impossible dates and
 * injection strings. Every answer is a 4xx with a code and a Chinese message — never a 500 — and
 * a refused request writes nothing. Issue 17 added deep nesting (5,000 levels), huge amounts
 * (2^53 − 1 fen, one fen above the movement limit) and far dates and periods (year 9999, 1900).
 */
let t: TestApp;
let token = '';
let fundId = 0;
const tried = { requests: 0, operations: 0 };
/** Tables a refused request may still write: failed logins are counted on purpose. */
const EXEMPT = new Set(['login_attempt', 'session']);
const SKIP = new Set(['/api/v1/auth/logout', '/api/v1/auth/password', '/api/v1/auth/login']);

beforeAll(async () => {
  t = await createTestApp();
  const books = await openBooks(t);
  token = books.keeper;
  fundId = books.fundId;
  for (let n = 1; n <= 2; n += 1) await registerMember(books, n, { joinedOn: '2026-03-01' });
  await books.post('/cash-events', {
    requestId: rid(),
    kind: 'fiscal_funds',
    on: '2026-03-02',
    amountFen: 1_000_000,
  });
});
afterAll(async () => {
  await t.close();
});

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await t.db.pool.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
  );
  const counts: Record<string, number> = {};
  for (const { table_name: table } of tables.rows) {
    if (EXEMPT.has(table)) continue;
    const result = await t.db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
    counts[table] = Number(result.rows[0]?.n);
  }
  return counts;
}

/** Mutations of one field that no endpoint may accept. */
function badValues(schema: Schema): unknown[] {
  const type = typeOf(schema);
  const wrongType =
    type === 'string'
      ? [12345, { a: 1 }]
      : type === 'array'
        ? [{}, 'x']
        : type === 'object'
          ? ['x', 7]
          : type === 'boolean'
            ? ['yes', 1]
            : ['abc', true];
  const extra: unknown[] = [];
  if (type === 'string') extra.push('x'.repeat(100_000));
  if (type === 'integer' || type === 'number')
    extra.push(-1, 1e20, 1.5, Number.MAX_SAFE_INTEGER, MAX_MOVEMENT_FEN + 1);
  if (isDate(schema)) extra.push('2025-02-30', '2025-13-01', '9999-12-31', '1900-01-01');
  if (isPeriod(schema)) extra.push('9999Q4', '9999-12', '1900');
  return [...wrongType, ...extra];
}

/** A year-leading period pattern (YYYY, YYYY-MM, YYYYQn) that is not a full date. */
function isPeriod(schema: Schema): boolean {
  return (
    schema.pattern?.startsWith('^') === true &&
    /\\d\{4\}(-|Q|\$|\|)/.test(schema.pattern) &&
    !isDate(schema)
  );
}

/** A body nested 5,000 levels deep (used to answer 500 at every endpoint). */
const DEEP_JSON = `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`;

function expand(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    name === 'id' ? String(fundId) : name === 'period' ? '2026-01' : name === 'year' ? '2026' : '1',
  );
}

async function send(method: string, url: string, payload: unknown, raw = false) {
  tried.requests += 1;
  return t.app.inject({
    method: method.toUpperCase() as 'POST',
    url,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: raw ? (payload as string) : JSON.stringify(payload),
  });
}

function expectRefused(response: { statusCode: number; body: string }, label: string) {
  expect(response.statusCode, `${label} → ${response.body.slice(0, 200)}`).toBeGreaterThanOrEqual(
    400,
  );
  expect(response.statusCode, label).toBeLessThan(500);
  const body = JSON.parse(response.body) as { code?: unknown; message?: unknown };
  expect(typeof body.code, label).toBe('string');
  expect(String(body.message), label).toMatch(/[\u4e00-\u9fa5]/);
}

it('every endpoint of the OpenAPI document refuses bad input with a code, and writes nothing', async () => {
  const doc = (await t.call('GET', '/api/v1/openapi.json', null)).json<{
    paths: Record<string, Record<string, Operation>>;
  }>();
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (SKIP.has(path)) continue;
    for (const [method, operation] of Object.entries(operations)) {
      const url = expand(path);
      const body = operation.requestBody?.content['application/json']?.schema;
      const query = (operation.parameters ?? []).filter((p) => p.in === 'query');
      if (body === undefined && query.length === 0) continue;
      tried.operations += 1;
      const before = await rowCounts();
      if (body !== undefined) {
        const valid = sample(body) as Record<string, unknown>;
        expectRefused(
          await send(method, url, '{"broken": ', true),
          `${method} ${path} malformed JSON`,
        );
        expectRefused(await send(method, url, DEEP_JSON, true), `${method} ${path} deep nesting`);
        expectRefused(
          await send(method, url, { ...valid, unexpectedField: 1 }),
          `${method} ${path} extra field`,
        );
        for (const key of body.required ?? []) {
          const missing = Object.fromEntries(
            Object.entries(valid).filter(([name]) => name !== key),
          );
          expectRefused(await send(method, url, missing), `${method} ${path} missing ${key}`);
        }
        for (const [key, schema] of Object.entries(body.properties ?? {})) {
          for (const bad of badValues(schema)) {
            expectRefused(
              await send(method, url, { ...valid, [key]: bad }),
              `${method} ${path} ${key}=${JSON.stringify(bad).slice(0, 30)}`,
            );
          }
          if (
            typeOf(schema) === 'string' &&
            schema.enum === undefined &&
            schema.pattern === undefined
          ) {
            for (const injection of [
              "'; DROP TABLE fund; --",
              '<script>alert(1)</script>',
              '\u0000',
            ]) {
              const response = await send(method, url, { ...valid, [key]: injection });
              expect(response.statusCode, `${method} ${path} ${key} injection`).toBeLessThan(500);
            }
          }
        }
      }
      for (const parameter of query) {
        for (const bad of badValues(parameter.schema).filter((v) => typeof v !== 'object')) {
          const response = await t.app.inject({
            method: method.toUpperCase() as 'GET',
            url: `${url}?${parameter.name}=${encodeURIComponent(String(bad))}`,
            headers: { authorization: `Bearer ${token}` },
          });
          tried.requests += 1;
          expect(
            response.statusCode,
            `${method} ${path}?${parameter.name}=${String(bad).slice(0, 20)}`,
          ).toBeLessThan(500);
        }
      }
      const after = await rowCounts();
      // Injection strings may be stored as the text they are; every other refusal wrote nothing.
      for (const [table, count] of Object.entries(after)) {
        if (table === 'audit_log' || table === 'client_request') continue;
        expect(count, `${method} ${path} wrote to ${table}`).toBeLessThanOrEqual(
          (before[table] ?? 0) + 3,
        );
      }
    }
  }
  console.info(
    `bad input: ${String(tried.operations)} operations, ${String(tried.requests)} requests`,
  );
  expect(tried.operations).toBeGreaterThan(40);
  expect(tried.requests).toBeGreaterThan(1000);
  const fund = await t.db.pool.query('SELECT count(*) FROM fund');
  expect(fund.rowCount).toBe(1);
}, 300_000);
