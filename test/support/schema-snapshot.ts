import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from 'pg';

export const MIGRATIONS_DIR = join(__dirname, '../../apps/api/src/database/migrations');
export const SNAPSHOT_FILE = join(__dirname, '../schema/snapshot.json');
export const LANDED_FILE = join(__dirname, '../schema/landed-migrations.json');

/** Everything the migrations build in the public schema, in a stable order, without what differs between servers (OIDs, owners, names of databases). */
export interface SchemaSnapshot {
  /** The server's major version: how PostgreSQL prints a function or a view differs between versions. */
  postgres: string;
  extensions: string[];
  tables: Record<
    string,
    {
      columns: string[];
      constraints: string[];
      indexes: string[];
      triggers: string[];
    }
  >;
  views: Record<string, string>;
  sequences: string[];
  functions: Record<string, string>;
  types: Record<string, string[]>;
}

const rowsOf = async <T>(client: Client, sql: string): Promise<T[]> => (await client.query(sql)).rows as T[];

/** Objects an extension (pg_trgm) installs are the extension's, not the migrations'. */
const NOT_FROM_EXTENSION = (oid: string) => `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = ${oid} AND d.deptype = 'e')`;

export async function schemaSnapshot(client: Client): Promise<SchemaSnapshot> {
  const tables: SchemaSnapshot['tables'] = {};
  const table = (name: string) => (tables[name] ??= { columns: [], constraints: [], indexes: [], triggers: [] });

  for (const row of await rowsOf<{ table: string; line: string }>(
    client,
    `SELECT c.relname AS table,
            a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
              || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
              || CASE a.attgenerated WHEN 's' THEN ' GENERATED' ELSE '' END AS line
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  ))
    table(row.table).columns.push(row.line);

  for (const row of await rowsOf<{ table: string; line: string }>(
    client,
    `SELECT c.relname AS table, k.conname || ': ' || pg_get_constraintdef(k.oid) AS line
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      -- NOT NULL is a column's (PostgreSQL 18 also lists it as a constraint, older servers do not).
      WHERE n.nspname = 'public' AND k.contype <> 'n' ORDER BY c.relname, k.conname`,
  ))
    table(row.table).constraints.push(row.line);

  for (const row of await rowsOf<{ table: string; line: string }>(
    client,
    `SELECT tablename AS table, indexdef AS line FROM pg_indexes WHERE schemaname = 'public' ORDER BY tablename, indexname`,
  ))
    table(row.table).indexes.push(row.line);

  for (const row of await rowsOf<{ table: string; line: string }>(
    client,
    `SELECT c.relname AS table, pg_get_triggerdef(t.oid) AS line
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND NOT t.tgisinternal ORDER BY c.relname, t.tgname`,
  ))
    table(row.table).triggers.push(row.line);

  const views = Object.fromEntries(
    (
      await rowsOf<{ name: string; definition: string }>(
        client,
        `SELECT viewname AS name, definition FROM pg_views WHERE schemaname = 'public' ORDER BY viewname`,
      )
    ).map((row) => [row.name, row.definition.trim()]),
  );
  const functions = Object.fromEntries(
    (
      await rowsOf<{ signature: string; definition: string }>(
        client,
        `SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS signature, pg_get_functiondef(p.oid) AS definition
           FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE n.nspname = 'public' AND p.prokind IN ('f', 'p') AND ${NOT_FROM_EXTENSION('p.oid')}
          ORDER BY 1`,
      )
    ).map((row) => [row.signature, row.definition.trim()]),
  );
  const types = Object.fromEntries(
    (
      await rowsOf<{ name: string; labels: string[] }>(
        client,
        `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
           FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
          WHERE n.nspname = 'public' GROUP BY t.typname ORDER BY t.typname`,
      )
    ).map((row) => [row.name, row.labels]),
  );
  const sequences = (
    await rowsOf<{ line: string }>(
      client,
      `SELECT sequencename || ' ' || data_type::text AS line FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
    )
  ).map((row) => row.line);
  const extensions = (await rowsOf<{ name: string }>(client, `SELECT extname AS name FROM pg_extension ORDER BY extname`)).map(
    (row) => row.name,
  );
  const [{ postgres }] = await rowsOf<{ postgres: string }>(
    client,
    `SELECT (current_setting('server_version_num')::int / 10000)::text AS postgres`,
  );
  return { postgres, extensions, tables, views, sequences, functions, types };
}

/** Each migration file's sha256, line endings made LF first so that a Windows checkout hashes the same. */
export function migrationHashes(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(MIGRATIONS_DIR)
      .filter((name) => name.endsWith('.ts'))
      .sort()
      .map((name) => {
        const text = readFileSync(join(MIGRATIONS_DIR, name), 'utf8').replace(/\r\n/g, '\n');
        return [name, createHash('sha256').update(text).digest('hex')];
      }),
  );
}
