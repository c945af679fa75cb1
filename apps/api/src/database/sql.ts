import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryConfig } from 'pg';
import { types, type CustomTypesConfig } from 'pg';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * How every connection of the API reads numbers: `bigint` (fen, counts, sums of `int`) and `numeric`
 * (what `sum(bigint)` answers) arrive as JavaScript numbers, here, once, instead of as strings cast
 * back by each query (`::float8`) or by its caller (`Number()`). Exact as long as they stay below
 * 2^53 fen (about ¥90 trillion); the largest figures the product sums are the county's ten years of
 * sales, about ¥2 × 10^8.
 */
export const PG_TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === types.builtins.INT8 || oid === types.builtins.NUMERIC
      ? Number
      : types.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};

/**
 * The instant `column` (timestamptz) as text exactly as `Date.prototype.toISOString()` writes it: for
 * answers that pass instants on as they are, without a Date made and written out again per row.
 */
export const isoInstant = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Anything that runs SQL: a transaction's manager, or the data source for one statement on its own. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * The rows of a query, typed as the caller declares them (TypeORM's `query` answers `any`). Columns
 * are aliased to camelCase in the SQL (`o.total_fen AS "totalFen"`), so rows read like the rest of the code.
 */
export async function rows<Row>(db: Queryable, sql: string, parameters?: unknown[]): Promise<Row[]> {
  const answer = await db.query(sql, parameters);
  // TypeORM answers an UPDATE or DELETE … RETURNING with [rows, affected count]; a SELECT's rows are objects, never a number.
  if (Array.isArray(answer) && answer.length === 2 && Array.isArray(answer[0]) && typeof answer[1] === 'number') return answer[0] as Row[];
  return answer as Row[];
}

/** What a prepared statement about rows by their ids takes as `$1`: one id, or an array of them. */
export type IdsParameter = 'one' | 'many';

/**
 * The condition on an id column for `$1`: `= $1` for one id, `= ANY($1)` for an array. Asked for one
 * row, a statement says so: PostgreSQL then keeps one plan for it, where with `= ANY($1)` it planned
 * the statement again on every run (a plan for an array of unknown length looks costlier than one
 * for a single id), which took longer than running it (a checkout's answer: 1.5 ms of planning
 * beside 0.7 ms of running, in pg_stat_statements under bench:checkout).
 */
export const matchingIds = (ids: IdsParameter) => (ids === 'one' ? '= $1' : '= ANY($1)');

/** The rows of a statement about rows by their ids: its `one` text for a single id, its `many` text otherwise (matchingIds). */
export function preparedRowsForIds<Row>(db: Queryable, statement: Record<IdsParameter, string>, ids: string[]): Promise<Row[]> {
  return ids.length === 1 ? preparedRowsIn<Row>(db, statement.one, [ids[0]]) : preparedRowsIn<Row>(db, statement.many, [ids]);
}

/**
 * Rows handed to a statement as one parameter, with these columns (name: SQL type): `from($n, alias)`
 * in its text reads them (json_to_recordset), `value(rows)` is the parameter, rows keyed by the
 * columns' names (checked by type: a key missing from the JSON would be read as NULL). Not unnest()
 * of one array per column: PostgreSQL counts an array parameter's elements, so a plan for the run's
 * own arrays always looked cheaper than the one plan for arrays of any length, and it planned the
 * statement again on every run (a payment's impact writes: a millisecond of planning beside as much
 * of running, in pg_stat_statements under bench:payments). A record set's size it does not count, so
 * the statement is planned once per connection, as the other prepared statements are.
 */
export function recordSet<Columns extends Readonly<Record<string, string>>>(columns: Columns) {
  const declared = Object.entries(columns)
    .map(([name, type]) => `${name} ${type}`)
    .join(', ');
  return {
    from: (parameter: string, alias: string) => `json_to_recordset(${parameter}::json) AS ${alias}(${declared})`,
    value: (records: readonly Record<keyof Columns, unknown>[]) => JSON.stringify(records),
  };
}

/** A statement and its values, as the hot reads build them: the same text for every request of a kind. */
export interface Statement {
  text: string;
  values: unknown[];
  /**
   * Planned for its values each time instead of once: for a statement whose best plan depends on
   * them (how many products a search text matches), where one plan for all would be slow for some.
   */
  planEachTime?: boolean;
}

/** Statement names by text, so that a hot statement is hashed once; bounded, as texts vary only with the filters chosen. */
const statementNames = new Map<string, string>();
const MAX_STATEMENT_NAMES = 1000;

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `qh_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    if (statementNames.size < MAX_STATEMENT_NAMES) statementNames.set(text, name);
  }
  return name;
}

/**
 * The rows of a statement run as a named prepared statement, outside any transaction: each pooled
 * connection parses and plans it once, then only binds and runs it. Planning the catalog's reads
 * cost more than running them; the name is a hash of the text, so two texts never share a name.
 * A plan made once knows no values: anything that decides the plan (a LIMIT) belongs in the text.
 */
export async function preparedRows<Row>(dataSource: DataSource, statement: Statement): Promise<Row[]> {
  // TypeORM's postgres driver keeps pg's pool as `master`; its query() would send an unnamed statement.
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  return (await pool.query(preparedQuery(statement))).rows as Row[];
}

/** The statement as pg sends it: named (prepared once per connection) unless it is planned each time. */
export function preparedQuery({ text, values, planEachTime }: Statement): QueryConfig {
  return { name: planEachTime ? undefined : statementName(text), text, values };
}

/**
 * The rows of one of the hot statements that every payment, cart change or checkout runs, as a named
 * prepared statement, which its connection parses and plans once instead of every time: planning
 * them cost as much as running them (`npm run bench:payments`, `bench:checkout`). In a transaction
 * (its EntityManager) it runs on the transaction's own connection; on the data source or its
 * manager, on a pooled one; anything else (a pg client, a test's wrapper) runs it as a plain query.
 * As for preparedRows, a plan made once knows no values, and the text must be one of a few fixed
 * ones: each connection keeps every statement it prepared.
 */
export async function preparedRowsIn<Row>(db: Queryable, text: string, values: unknown[]): Promise<Row[]> {
  const manager = db as Partial<EntityManager>;
  const runner = manager.queryRunner;
  if (runner && !runner.isReleased) {
    // TypeORM's query() would send an unnamed statement; the runner's connection is the transaction's.
    // Sent before this function first awaits, so that calls made one after another send their
    // statements in that order (together, in unit-of-work.ts).
    const connection = connectionOf(runner) ?? ((await runner.connect()) as PoolClient);
    return (await connection.query(preparedQuery({ text, values }))).rows as Row[];
  }
  // A manager's `connection` is its data source; a pg client's is its socket.
  const dataSource = db instanceof DataSource ? db : !runner && manager.connection instanceof DataSource ? manager.connection : undefined;
  if (dataSource) return preparedRows<Row>(dataSource, { text, values });
  return rows<Row>(db, text, values);
}

/** The connection a query runner holds, if it holds one yet (TypeORM keeps it in a protected field). */
export function connectionOf(runner: QueryRunner): PoolClient | undefined {
  return (runner as unknown as { databaseConnection?: PoolClient }).databaseConnection ?? undefined;
}

/** The first row of preparedRowsIn, or undefined when there is none. */
export async function preparedRow<Row>(db: Queryable, text: string, values: unknown[]): Promise<Row | undefined> {
  const [first] = await preparedRowsIn<Row>(db, text, values);
  return first;
}

/** The first row of a query, or undefined when there is none. */
export async function row<Row>(db: Queryable, sql: string, parameters?: unknown[]): Promise<Row | undefined> {
  const [first] = await rows<Row>(db, sql, parameters);
  return first;
}
