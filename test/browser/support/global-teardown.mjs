import { rmSync } from 'node:fs';
import pg from 'pg';

export default async function globalTeardown() {
  const child = globalThis.__QH_BROWSER_APP__;
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Like Ctrl-C: the app closes, then stops its PostgreSQL.
    child.kill('SIGINT');
    let timer;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 15_000)))]);
    // A pending timer would keep Jest from exiting for those 15 s.
    clearTimeout(timer);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  const database = globalThis.__QH_BROWSER_DB__;
  if (database) {
    const client = new pg.Client({ connectionString: database.server });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${database.name} WITH (FORCE)`);
    await client.end();
  }
  if (globalThis.__QH_BROWSER_DATA_DIR__) rmSync(globalThis.__QH_BROWSER_DATA_DIR__, { recursive: true, force: true });
}
