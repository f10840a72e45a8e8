import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

it('the audit log is append-only in the database itself', async () => {
  await db.pool.query("INSERT INTO audit_log (command) VALUES ('test.event')");
  await expect(db.pool.query("UPDATE audit_log SET command = 'changed'")).rejects.toThrow(
    /append-only/,
  );
  await expect(db.pool.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  await expect(db.pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  const rows = await db.pool.query<{ command: string }>('SELECT command FROM audit_log');
  expect(rows.rows.map((r) => r.command)).toEqual(['test.event']);
});
