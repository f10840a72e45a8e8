import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/** `huzhu serve` as a child process on a given database, and plain HTTP calls to it. */
const BIN = path.resolve(import.meta.dirname, '../../bin/huzhu.js');

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  });
}

/** Starts `huzhu serve` on `databaseUrl` and waits until /health answers 200. */
export async function startServeProcess(databaseUrl: string, port: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HUZHU_LOG_LEVEL: 'silent',
  };
  const child = spawn(process.execPath, [BIN, 'serve'], { env, stdio: 'ignore' });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${String(child.exitCode)}`);
    try {
      if ((await fetch(`http://127.0.0.1:${String(port)}/api/v1/health`)).ok) return child;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
}

export async function callApi(
  port: number,
  token: string,
  method: string,
  url: string,
  body?: unknown,
): Promise<ApiAnswer> {
  const response = await fetch(`http://127.0.0.1:${String(port)}/api/v1${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function loginToken(port: number, username: string, password: string) {
  const response = await fetch(`http://127.0.0.1:${String(port)}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return ((await response.json()) as { token: string }).token;
}
