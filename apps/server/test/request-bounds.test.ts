import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Issue 17.5 (parsing): deep nesting, far periods and an oversized header answer 4xx with a code. */
let t: TestApp;
let county = '';

beforeAll(async () => {
  t = await createTestApp();
  county = await t.login('county');
});
afterAll(async () => {
  await t.close();
});

function nested(levels: number): string {
  return `${'['.repeat(levels)}${']'.repeat(levels)}`;
}

it('refuses 5,000-level nested JSON with json_too_deep, signed in or not', async () => {
  for (const [url, token] of [
    ['/api/v1/auth/login', null],
    ['/api/v1/funds', county],
  ] as const) {
    const response = await t.app.inject({
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/json',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      payload: `{"a":${nested(5000)}}`,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<{ code: string }>().code).toBe('json_too_deep');
  }
  // Brackets inside strings do not count, and ordinary bodies still parse.
  const login = await t.call('POST', '/api/v1/auth/login', null, {
    username: '['.repeat(20),
    password: 'x',
  });
  expect(login.statusCode).toBe(401);
});

it('bounds periods and dates to 2000–2100 with date_out_of_range', async () => {
  for (const url of [
    '/api/v1/report-status?period=9999Q4',
    '/api/v1/indicators?period=9999Q4',
    '/api/v1/monitoring-report?period=1900Q1',
  ]) {
    const response = await t.call('GET', url, county);
    expect(response.statusCode, `${url} ${response.body}`).toBe(400);
    expect(response.json<{ code: string }>().code).toBe('date_out_of_range');
  }
});

it('answers a request header too large with 431 and { code, message }', async () => {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path: '/api/v1/health', headers: { 'x-big': 'a'.repeat(40_000) } },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
  expect(answer.status).toBe(431);
  const body = JSON.parse(answer.body) as { code: string; message: string };
  expect(body.code).toBe('request_header_too_large');
  expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
});

it('a page past the end reports the real total, not 0', async () => {
  for (const list of ['/api/v1/funds', '/api/v1/regions', '/api/v1/audit', '/api/v1/warnings']) {
    const first = (await t.call('GET', `${list}?page=1`, county)).json<{ total: number }>();
    const past = await t.call('GET', `${list}?page=1000`, county);
    expect(past.statusCode, `${list} ${past.body.slice(0, 200)}`).toBe(200);
    const body = past.json<{ items: unknown[]; total: number }>();
    expect(body.items, list).toEqual([]);
    expect(first.total, list).toBeGreaterThan(0);
    expect(body.total, list).toBe(first.total);
  }
});
