import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import type { TestDatabase } from './test-db.js';
import { chromiumPath } from './required-tools.js';

/** Debian's Chromium, driven by playwright-core (`npx playwright install` cannot work here). */
export const WEB_DIST = path.resolve(import.meta.dirname, '../../../web/dist');
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results');
export const WAIT = { timeout: 15_000 };

/** antd puts a space between two Chinese characters of a button (入 社): match either way. */
export function buttonName(text: string): RegExp {
  return new RegExp(`^\\s*${Array.from(text).join('\\s*')}\\s*$`);
}

/** The real server with the built web app, listening on a free loopback port. */
export async function serveApp(
  db: TestDatabase,
): Promise<{ app: FastifyInstance; baseUrl: string }> {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`${WEB_DIST}/index.html is missing: run \`npm run build:web\` first`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const app = await buildApp({
    db: db.db,
    config: { ...loadConfig({}), webDist: WEB_DIST },
    now: () => new Date(),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${String(address.port)}` };
}

/** A headless Chromium page in Chinese and China time; uncaught page errors go to `pageErrors`. */
export async function openPage(
  pageErrors: string[],
  viewport = { width: 1440, height: 900 },
): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    pageErrors.push(error.message);
  });
  return { browser, page };
}
