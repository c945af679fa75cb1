// Starts the built app the way `npm start` does (its own embedded PostgreSQL in a temp DATA_DIR, or
// a fresh database on the DATABASE_URL server), with the demo data, on a free port.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const ROOT = new URL('../../..', import.meta.url).pathname;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function freshDatabase(serverUrl) {
  const name = `qh_browser_${Date.now()}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), name };
}

/** 10 December 2026, 10:00 in China: cherries out of season (their sale opens on 1 April), tea and eggs on sale. */
export const BROWSER_NOW = '2026-12-10T10:00:00+08:00';

export default async function globalSetup() {
  for (const built of ['apps/api/dist/main.js', 'apps/storefront/dist/index.html']) {
    if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run npm run build first`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'qh-browser-'));
  chmodSync(dataDir, 0o755);
  globalThis.__QH_BROWSER_DATA_DIR__ = dataDir;
  // The app's one clock starts on a fixed December day (in test mode only), so what is in season, what
  // a page says about it and what the journeys find never depend on the day the suite runs.
  const env = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    TEST_NOW: BROWSER_NOW,
  };
  if (process.env.DATABASE_URL) {
    const database = await freshDatabase(process.env.DATABASE_URL);
    env.DATABASE_URL = database.url;
    globalThis.__QH_BROWSER_DB__ = { server: process.env.DATABASE_URL, name: database.name };
  }
  const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  globalThis.__QH_BROWSER_APP__ = child;
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode} before it was healthy`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the app did not become healthy within 90 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  process.env.QH_BROWSER_BASE_URL = baseUrl;
}
