import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from './config.js';
import { connect, type DbHandle } from './db/connect.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { loadMigrations, migrate } from './db/migrate.js';
import { buildApp } from './http/app.js';

export interface Runtime {
  config: Config;
  database: DbHandle;
  embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
}

/** Opens the configured database: DATABASE_URL, or the embedded PostgreSQL under the data dir. */
export async function openRuntime(
  config: Config = loadConfig(),
  log: (line: string) => void = console.log,
): Promise<Runtime> {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (url === null) {
    log(`使用内置 PostgreSQL，数据目录 ${config.dataDir}`);
    embedded = await startEmbeddedPostgres(config.dataDir, log);
    url = embedded.connectionString;
  }
  const database = connect(url);
  let closed = false;
  return {
    config,
    database,
    embedded,
    close: async () => {
      if (closed) return;
      closed = true;
      await database.close();
      await embedded?.stop();
    },
  };
}

export async function migrateRuntime(runtime: Runtime): Promise<string[]> {
  const { applied } = await migrate(runtime.database.pool);
  return applied;
}

/** Names of migrations the database has not applied yet. */
export async function pendingMigrations(runtime: Runtime): Promise<string[]> {
  const exists = await runtime.database.pool.query<{ t: string | null }>(
    "SELECT to_regclass('schema_migration')::text AS t",
  );
  const done = new Set<number>();
  if (exists.rows[0]?.t !== null) {
    for (const row of (
      await runtime.database.pool.query<{ version: number }>('SELECT version FROM schema_migration')
    ).rows)
      done.add(row.version);
  }
  return loadMigrations()
    .filter((m) => !done.has(m.version))
    .map((m) => m.name);
}

/** Serves the app until SIGINT/SIGTERM, then closes the server and the database cleanly. */
export async function serve(
  runtime: Runtime,
  log: (line: string) => void = console.log,
): Promise<FastifyInstance> {
  const app = await buildApp(
    { db: runtime.database.db, config: runtime.config, now: () => new Date() },
    { logger: runtime.config.logLevel !== 'silent' },
  );
  await app.listen({ host: runtime.config.host, port: runtime.config.port });
  log(`Huzhu 已启动：http://${runtime.config.host}:${runtime.config.port}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`收到 ${signal}，正在停止…`);
    void app
      .close()
      .then(() => runtime.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
  return app;
}
