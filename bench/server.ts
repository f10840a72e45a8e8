// The server under load, in its own process (so the load generator does not share its CPU):
// the same app `huzhu serve` builds, on DATABASE_URL, listening on 127.0.0.1 (a free port).
import { loadConfig } from '../apps/server/src/config.js';
import { connect } from '../apps/server/src/db/connect.js';
import { buildApp } from '../apps/server/src/http/app.js';

const url = process.env.DATABASE_URL ?? '';
if (url === '') throw new Error('DATABASE_URL is required');
const handle = connect(url);
const config = { ...loadConfig(), logLevel: 'silent' as const };
const app = await buildApp({ db: handle.db, config, now: () => new Date() });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const port = typeof address === 'object' && address !== null ? address.port : 0;
process.stdout.write(`READY ${String(port)}\n`);
const stop = (): void => {
  void app
    .close()
    .then(() => handle.close())
    .then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
