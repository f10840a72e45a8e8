import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePort } from './support/serve-process.js';

/**
 * The real `huzhu start` on the embedded PostgreSQL: data survives a SIGKILL and a restart, and a
 * second process on the same data directory is refused at once with a clear message.
 */
const BIN = path.resolve(import.meta.dirname, '../bin/huzhu.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'huzhu-proc-'));
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 2000));
  rmSync(dataDir, { recursive: true, force: true });
});

function start(port: number): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HUZHU_DATA_DIR: dataDir,
    PORT: String(port),
    HUZHU_LOG_LEVEL: 'silent',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [BIN, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      resolve(code);
    });
  });
  return { child, output: () => text, exited };
}

async function waitForHealth(port: number, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error('server did not start');
}

async function login(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'huzhu2026demo' }),
  });
  return ((await response.json()) as { token: string }).token;
}

it('keeps data across a SIGKILL and refuses a second process on the same data directory', async () => {
  const port = await freePort();
  const first = start(port);
  await waitForHealth(port);
  expect(first.output()).toContain('演示账号');
  const token = await login(port);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const regions = (await (
    await fetch(`http://127.0.0.1:${port}/api/v1/regions?q=修齐镇`, { headers })
  ).json()) as { items: { id: number }[] };
  const created = await fetch(`http://127.0.0.1:${port}/api/v1/regions`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ code: '500229101299', name: '持久村', parentId: regions.items[0]?.id }),
  });
  expect(created.status).toBe(201);

  // A second start on the same data directory fails at once, naming the reason.
  const second = start(await freePort());
  expect(await second.exited).not.toBe(0);
  expect(second.output()).toMatch(/数据目录 .* 正被另一个 Huzhu 进程/);

  first.child.kill('SIGKILL');
  await first.exited;

  const again = start(port);
  await waitForHealth(port);
  const token2 = await login(port);
  const found = (await (
    await fetch(`http://127.0.0.1:${port}/api/v1/regions?q=持久村`, {
      headers: { authorization: `Bearer ${token2}` },
    })
  ).json()) as { items: { name: string }[] };
  expect(found.items.map((r) => r.name)).toEqual(['持久村']);
  again.child.kill('SIGTERM');
  expect(await again.exited).toBe(0);
}, 180_000);
