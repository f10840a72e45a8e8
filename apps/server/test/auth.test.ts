import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('login and sessions', () => {
  it('logs in with a demo login and returns the user with their region', async () => {
    const response = await t.call('POST', '/api/v1/auth/login', null, {
      username: 'bookkeeper',
      password: 'huzhu2026demo',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      user: { role: string; region: { name: string; level: string } };
    }>();
    expect(body.user.role).toBe('bookkeeper');
    expect(body.user.region).toMatchObject({ name: '东河村', level: 'village' });
    expect(response.headers['set-cookie']).toMatch(/huzhu_session=.*HttpOnly.*SameSite=Strict/i);
  });

  it('refuses a wrong password and an unknown user with the same code and Chinese message', async () => {
    const wrong = await t.call('POST', '/api/v1/auth/login', null, {
      username: 'cashier',
      password: 'nope12345678',
    });
    const unknown = await t.call('POST', '/api/v1/auth/login', null, {
      username: 'nobody',
      password: 'nope12345678',
    });
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'login_failed', message: '用户名或密码错误' });
    }
  });

  it('throttles a username after five failures, even with the right password', async () => {
    for (let i = 0; i < 5; i += 1) {
      await t.call('POST', '/api/v1/auth/login', null, {
        username: 'supervisor',
        password: `wrong-${i}-pass`,
      });
    }
    const response = await t.call('POST', '/api/v1/auth/login', null, {
      username: 'supervisor',
      password: 'huzhu2026demo',
    });
    expect(response.statusCode).toBe(429);
    expect(response.json()).toMatchObject({ code: 'login_throttled' });
  });

  it('rejects malformed JSON, unknown fields, missing fields, wrong types and over-long strings without writing', async () => {
    const before = await countRows(t.db, 'login_attempt');
    const bad = [
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"username": "a",',
      }),
      await t.call('POST', '/api/v1/auth/login', null, { username: 'a', password: 'b', extra: 1 }),
      await t.call('POST', '/api/v1/auth/login', null, { username: 'a' }),
      await t.call('POST', '/api/v1/auth/login', null, { username: 5, password: 'b' }),
      await t.call('POST', '/api/v1/auth/login', null, {
        username: 'x'.repeat(5000),
        password: 'b',
      }),
    ];
    expect(bad.map((r) => r.statusCode)).toEqual([400, 400, 400, 400, 400]);
    expect(bad.map((r) => r.json<{ code: string }>().code)).toEqual([
      'malformed_json',
      'validation_failed',
      'validation_failed',
      'validation_failed',
      'validation_failed',
    ]);
    for (const r of bad) expect(r.json<{ message: string }>().message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await countRows(t.db, 'login_attempt')).toBe(before);
  });

  it('requires a session, and the CSRF token for cookie sessions that change state', async () => {
    expect((await t.call('GET', '/api/v1/regions', null)).json()).toMatchObject({
      code: 'auth_required',
    });
    const login = await t.call('POST', '/api/v1/auth/login', null, {
      username: 'admin',
      password: 'huzhu2026demo',
    });
    const { csrfToken, token } = login.json<{ csrfToken: string; token: string }>();
    const cookie = `huzhu_session=${token}`;
    const body = { code: '500229101203', name: '新村', parentId: 0 };
    const parent = await t.call('GET', '/api/v1/regions?q=修齐镇', token);
    body.parentId = parent.json<{ items: { id: number }[] }>().items[0]?.id ?? 0;
    const withoutCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/regions',
      headers: { cookie },
      payload: body,
    });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.json()).toMatchObject({ code: 'csrf_token_invalid' });
    const withCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/regions',
      headers: { cookie, 'x-csrf-token': csrfToken },
      payload: body,
    });
    expect(withCsrf.statusCode).toBe(201);
    expect(withCsrf.json()).toMatchObject({ level: 'village', name: '新村' });
  });

  it('expires an unused session and answers session_expired', async () => {
    const token = await t.login('auditor');
    expect((await t.call('GET', '/api/v1/auth/me', token)).statusCode).toBe(200);
    const saved = t.clock.now;
    t.clock.now = new Date(saved.getTime() + 61 * 60_000);
    const expired = await t.call('GET', '/api/v1/regions', token);
    t.clock.now = saved;
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'session_expired' });
  });

  it('logs out: the token stops working', async () => {
    const token = await t.login('city');
    await t.call('POST', '/api/v1/auth/logout', token);
    expect((await t.call('GET', '/api/v1/regions', token)).statusCode).toBe(401);
  });

  it('enforces the password rule on change and records the change in the audit log', async () => {
    const token = await t.login('board');
    const weak = await t.call('POST', '/api/v1/auth/password', token, {
      currentPassword: 'huzhu2026demo',
      newPassword: 'short',
    });
    expect(weak.json()).toMatchObject({ code: 'password_too_weak' });
    const ok = await t.call('POST', '/api/v1/auth/password', token, {
      currentPassword: 'huzhu2026demo',
      newPassword: 'NewPassw0rd2026',
    });
    expect(ok.statusCode).toBe(204);
    await t.login('board', 'NewPassw0rd2026');
    const audit = await t.call('GET', '/api/v1/audit?command=auth.change_password', token);
    expect(audit.json<{ items: { username: string }[] }>().items[0]?.username).toBe('board');
  });

  it('answers unknown API routes with a coded 404', async () => {
    const response = await t.call('GET', '/api/v1/nothing-here', null);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'route_not_found' });
  });

  it('publishes an OpenAPI document generated from the schemas', async () => {
    const response = await t.call('GET', '/api/v1/openapi.json', null);
    const doc = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/regions', '/api/v1/funds/{id}']),
    );
  });
});
