import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import { MIGRATIONS } from '../../apps/api/src/database/data-source';
import { prepareDatabase } from '../../apps/api/src/database/prepare-database';
import { LANDED_FILE, migrationHashes, schemaSnapshot, SNAPSHOT_FILE, type SchemaSnapshot } from '../support/schema-snapshot';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** `npm run schema:update` runs this file with SCHEMA_UPDATE=1: it writes the snapshot and adds new migrations' hashes. */
const UPDATING = process.env.SCHEMA_UPDATE === '1';
const UPDATE_HINT = 'If the change is intended (a new migration), run `npm run schema:update` and commit what it writes.';

const readJson = <T>(file: string): T | undefined => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined);
const writeJson = (file: string, value: unknown) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
};

/**
 * The whole schema a fresh database gets from the migrations, checked in and compared on every run,
 * so that a change of the schema is always a reviewed diff; and the migrations that landed, which
 * are never edited again (a database migrated earlier would never see the edit).
 */
describe('the database schema', () => {
  let db: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('is what the checked-in snapshot says, every table, column, constraint, index, trigger and function', async () => {
    const actual = await schemaSnapshot(client);
    if (UPDATING) writeJson(SNAPSHOT_FILE, actual);
    const expected = readJson<SchemaSnapshot>(SNAPSHOT_FILE);
    if (!expected) throw new Error(`${SNAPSHOT_FILE} is missing. ${UPDATE_HINT}`);
    expect(Object.keys(actual.tables).length).toBeGreaterThan(30);
    // On another major version (a server given by DATABASE_URL), functions and views are compared by name: their text is printed differently.
    const comparable = (snapshot: SchemaSnapshot): Partial<SchemaSnapshot> =>
      snapshot.postgres === expected.postgres && actual.postgres === expected.postgres
        ? snapshot
        : {
            ...snapshot,
            postgres: undefined,
            functions: Object.fromEntries(Object.keys(snapshot.functions).map((name) => [name, ''])),
            views: Object.fromEntries(Object.keys(snapshot.views).map((name) => [name, ''])),
          };
    try {
      expect(comparable(actual)).toEqual(comparable(expected));
    } catch (error) {
      throw new Error(`The migrated schema differs from test/schema/snapshot.json. ${UPDATE_HINT}\n${(error as Error).message}`, {
        cause: error,
      });
    }
  });

  it('never sees a landed migration edited, and knows every migration file', () => {
    const current = migrationHashes();
    const landed = readJson<Record<string, string>>(LANDED_FILE) ?? {};
    if (UPDATING) writeJson(LANDED_FILE, { ...current, ...landed });
    const edited = Object.keys(landed).filter((name) => current[name] !== undefined && current[name] !== landed[name]);
    expect(edited.map((name) => `${name} landed already: write a new migration instead of editing it`)).toEqual([]);
    const removed = Object.keys(landed).filter((name) => current[name] === undefined);
    expect(removed.map((name) => `${name} landed already and must stay`)).toEqual([]);
    const unknown = Object.keys(current).filter((name) => landed[name] === undefined && !UPDATING);
    expect(unknown.map((name) => `${name} is new: ${UPDATE_HINT}`)).toEqual([]);
  });

  it('runs every migration file, in the order of their timestamps', () => {
    const files = Object.keys(migrationHashes());
    const timestamps = files.map((name) => name.slice(0, 13));
    expect(MIGRATIONS.map((migration) => new migration().name?.slice(-13))).toEqual(timestamps);
  });

  it('gives a database migrated before the category index was added to a landed migration that index too', async () => {
    const indexExists = async () =>
      (await client.query(`SELECT 1 FROM pg_indexes WHERE indexname = 'product_published_category_idx'`)).rowCount === 1;
    // As such a database stands: the index never made, the migrations up to the last one run.
    await client.query(`DROP INDEX product_published_category_idx`);
    await client.query(`DELETE FROM migrations WHERE name = 'PublishedCategoryIndex1765699200000'`);
    expect(await indexExists()).toBe(false);
    await prepareDatabase(
      db.url,
      { nodeEnv: 'test', seedDemoData: false, demoHistoryOrders: 0, householdDataKey: Buffer.alloc(32, 7), clockOffsetMs: 0 },
      pino({ level: 'silent' }),
    );
    expect(await indexExists()).toBe(true);
  });
});
