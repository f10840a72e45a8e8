import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type pg from 'pg';

/** Rows fetched (and restored) per round trip. */
const BATCH_ROWS = 2_000;

export interface BackupHeader {
  format: 'huzhu-backup';
  version: 1;
  schemaVersion: number;
  createdAt: string;
  tables: string[];
}

/** The application's tables (every table of the schema but the migration log), in a stable order. */
async function applicationTables(client: pg.PoolClient): Promise<string[]> {
  const result = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_migration'
      ORDER BY table_name`,
  );
  return result.rows.map((r) => r.table_name);
}

async function schemaVersion(client: pg.PoolClient): Promise<number> {
  const result = await client.query<{ v: number | null }>(
    'SELECT max(version) AS v FROM schema_migration',
  );
  return result.rows[0]?.v ?? 0;
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected table name ${name}`);
  return `"${name}"`;
}

/**
 * 备份: every table, read in one REPEATABLE READ transaction (a consistent snapshot while the
 * server keeps running), written as gzip'd JSON lines: a header, then `{ t, r }` per row.
 */
export async function backupDatabase(
  pool: pg.Pool,
  file: string,
  now: Date,
): Promise<{ tables: number; rows: number }> {
  const client = await pool.connect();
  let rows = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await applicationTables(client);
    const header: BackupHeader = {
      format: 'huzhu-backup',
      version: 1,
      schemaVersion: await schemaVersion(client),
      createdAt: now.toISOString(),
      tables,
    };
    async function* lines(): AsyncGenerator<string> {
      yield `${JSON.stringify(header)}\n`;
      for (const table of tables) {
        await client.query(
          `DECLARE backup_cursor NO SCROLL CURSOR FOR SELECT row_to_json(t) AS r FROM ${quoteIdent(table)} t`,
        );
        for (;;) {
          const batch = await client.query<{ r: unknown }>(
            `FETCH ${String(BATCH_ROWS)} FROM backup_cursor`,
          );
          for (const row of batch.rows) {
            rows += 1;
            yield `${JSON.stringify({ t: table, r: row.r })}\n`;
          }
          if (batch.rows.length < BATCH_ROWS) break;
        }
        await client.query('CLOSE backup_cursor');
      }
    }
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file, { mode: 0o600 }));
    await client.query('COMMIT');
    return { tables: tables.length, rows };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export class RestoreRefusedError extends Error {}

/**
 * 恢复: loads a backup into a database migrated to the same schema version and holding no data,
 * in one transaction (all or nothing). Triggers and foreign-key checks are paused while rows go
 * in as they were (`session_replication_role = replica`, which needs a superuser — the embedded
 * PostgreSQL's user is one); identity sequences are then moved past the restored ids.
 */
export async function restoreDatabase(
  pool: pg.Pool,
  file: string,
): Promise<{ tables: number; rows: number }> {
  const client = await pool.connect();
  let rows = 0;
  try {
    await client.query('BEGIN');
    const tables = await applicationTables(client);
    const input = createInterface({
      input: createReadStream(file).pipe(createGunzip()),
      crlfDelay: Infinity,
    });
    let header: BackupHeader | null = null;
    const pending = new Map<string, unknown[]>();
    const flush = async (table: string) => {
      const batch = pending.get(table) ?? [];
      if (batch.length === 0) return;
      await client.query(
        `INSERT INTO ${quoteIdent(table)} OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::${quoteIdent(table)}, $1::json)`,
        [JSON.stringify(batch)],
      );
      pending.set(table, []);
    };
    for await (const line of input) {
      if (line === '') continue;
      if (header === null) {
        const parsed = JSON.parse(line) as Partial<Record<keyof BackupHeader, unknown>>;
        if (parsed.format !== 'huzhu-backup' || parsed.version !== 1) {
          throw new RestoreRefusedError('不是 Huzhu 备份文件 (not a Huzhu backup)');
        }
        header = parsed as unknown as BackupHeader;
        const version = await schemaVersion(client);
        if (header.schemaVersion !== version) {
          throw new RestoreRefusedError(
            `备份的数据库结构版本 ${String(header.schemaVersion)} 与当前 ${String(version)} 不同，请用对应版本的程序恢复`,
          );
        }
        for (const table of tables) {
          const count = await client.query<{ n: string }>(
            `SELECT count(*) AS n FROM ${quoteIdent(table)}`,
          );
          if (Number(count.rows[0]?.n) > 0)
            throw new RestoreRefusedError(
              `目标数据库不是空库（${table} 已有数据），恢复只能写入新建的空库`,
            );
        }
        await client.query("SET LOCAL session_replication_role = 'replica'");
        continue;
      }
      const { t, r } = JSON.parse(line) as { t: string; r: unknown };
      if (!tables.includes(t)) throw new RestoreRefusedError(`备份中有未知的表 ${t}`);
      const batch = pending.get(t) ?? [];
      batch.push(r);
      pending.set(t, batch);
      rows += 1;
      if (batch.length >= BATCH_ROWS) await flush(t);
    }
    if (header === null) throw new RestoreRefusedError('备份文件是空的');
    for (const table of pending.keys()) await flush(table);
    const identities = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES'`,
    );
    for (const { table_name: table, column_name: column } of identities.rows) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${quoteIdent(column)}) FROM ${quoteIdent(table)}), 0) + 1, false)`,
        [table, column],
      );
    }
    await client.query('COMMIT');
    return { tables: header.tables.length, rows };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
