import {
  existsSync,
  readFileSync,
  writeFileSync,
  appendFileSync,
  mkdirSync,
  chmodSync,
  chownSync,
  statSync,
  rmSync,
  realpathSync,
} from 'node:fs';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import {
  packagedPostgresDir,
  runInitdb,
  startPostgres,
  type PostgresProcess,
  type RunAs,
} from './postgres-process.js';
import { postgresUser, reachableBinaries, reachableDataDir } from './postgres-root.js';
import pg from 'pg';
import { lockDataDir, processAlive } from './data-dir-lock.js';

export interface EmbeddedDatabase {
  connectionString: string;
  /** PostgreSQL's data directory (`<data dir>/pg`, possibly a link to the shared directory). */
  pgDir: string;
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

/** PostgreSQL settings: loopback only, no Unix socket, durable commits. */
function postgresArgs(port: number): string[] {
  return [
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'fsync=on',
    '-c',
    'synchronous_commit=on',
  ];
}

/** initdb with the password in a file only the PostgreSQL user can read, removed afterwards. */
async function initialise(
  pgRoot: string,
  pgDir: string,
  password: string,
  runAs: RunAs | null,
  logFile: string,
): Promise<void> {
  mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  if (runAs !== null) chownSync(pgDir, runAs.uid, runAs.gid);
  const pwFile = path.join(os.tmpdir(), `huzhu-pw-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (runAs !== null) chownSync(pwFile, runAs.uid, runAs.gid);
  try {
    await runInitdb(
      pgRoot,
      pgDir,
      [
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--lc-collate=C',
        '--lc-ctype=C',
      ],
      runAs,
      logFile,
    );
  } finally {
    rmSync(pwFile, { force: true });
  }
}

/**
 * Keeps the postmaster running: when it exits without `stop()` (killed, crashed, shut down from
 * outside) it is started again on the same port, so the pool reconnects (requests answer 503
 * `database_unavailable` meanwhile). A postmaster someone else started on the directory is left be.
 */
function supervise(
  first: PostgresProcess,
  restart: () => Promise<PostgresProcess>,
  pgDir: string,
  logFile: string,
) {
  let current = first;
  const state = { stopping: false };
  const stopped = () => state.stopping;
  const watch = async () => {
    for (;;) {
      await current.exited;
      if (stopped()) return;
      appendFileSync(logFile, `[huzhu] PostgreSQL exited unexpectedly; restarting\n`);
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        if (stopped()) return;
        const pidFile = path.join(pgDir, 'postmaster.pid');
        const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
        if (pid > 0 && processAlive(pid)) continue; // restarted from outside (pg_ctl restart)
        try {
          current = await restart();
          break;
        } catch (error) {
          appendFileSync(logFile, `[huzhu] restart failed: ${String(error)}\n`);
        }
      }
    }
  };
  void watch();
  return {
    stop: async () => {
      state.stopping = true;
      await current.stop();
    },
  };
}

/**
 * Starts the embedded PostgreSQL whose data lives under `dataDir/pg`, initialising it on first use.
 * Listens on a free loopback port only; fsync stays on. As root, PostgreSQL runs as the `postgres`
 * OS user (created when missing); what it cannot reach is moved where it can (postgres-root.ts).
 * A second process on the same data directory fails at once. `options.postgresDir`: other
 * PostgreSQL binaries (tests: a copy inside a private directory).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void = () => undefined,
  options: { postgresDir?: string } = {},
): Promise<EmbeddedDatabase> {
  const absDir = path.resolve(dataDir);
  const lock = lockDataDir(absDir);
  try {
    let pgDir = path.join(absDir, 'pg');
    const passwordFile = path.join(absDir, 'pg-password');
    const logFile = path.join(absDir, 'postgres.log');
    mkdirSync(absDir, { recursive: true });
    let pgRoot = options.postgresDir ?? (await packagedPostgresDir());
    let runAs: RunAs | null = null;
    if (process.getuid?.() === 0) {
      runAs = postgresUser();
      // PostgreSQL runs as the `postgres` OS user, which must be able to reach its directory.
      chmodSync(absDir, statSync(absDir).mode | 0o711);
      pgRoot = reachableBinaries(pgRoot, runAs);
      reachableDataDir(absDir, runAs);
      // PostgreSQL is given the link's target: it cannot pass through the private directory.
      if (existsSync(pgDir)) pgDir = realpathSync(pgDir);
    }
    const initialised = existsSync(path.join(pgDir, 'PG_VERSION'));
    if (!initialised)
      writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
    const password = readFileSync(passwordFile, 'utf8').trim();
    await stopOrphanPostmaster(pgDir);
    const port = await freeLoopbackPort();
    if (!initialised) {
      log('正在初始化内置数据库 (initialising the embedded PostgreSQL)…');
      await initialise(pgRoot, pgDir, password, runAs, logFile);
    }
    const launch = () => startPostgres(pgRoot, pgDir, postgresArgs(port), runAs, logFile);
    const server = supervise(await launch(), launch, pgDir, logFile);
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
    const connectionString = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${String(port)}/huzhu`;
    let stopped = false;
    return {
      connectionString,
      pgDir,
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
