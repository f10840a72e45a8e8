import { connect, type DbHandle } from '../../db/connect.js';

/**
 * A connection pool for loading simulated books: its sessions run with synchronous_commit off,
 * so a commit does not wait for the WAL flush (a crash could lose the last few loaded
 * transactions, never their consistency). Nothing else changes: every check, lock, trigger and
 * seal still runs. Only the simulator uses it; the server's own pool stays durable.
 */
export function loaderConnection(url: string, maxConnections = 6): DbHandle {
  const handle = connect(url, maxConnections);
  handle.pool.on('connect', (client) => {
    client.query('SET synchronous_commit TO off').catch(() => undefined);
  });
  return handle;
}
