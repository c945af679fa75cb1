import { types, type CustomTypesConfig } from 'pg';

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

/** The first row of a query, or undefined when there is none. */
export async function row<Row>(db: Queryable, sql: string, parameters?: unknown[]): Promise<Row | undefined> {
  const [first] = await rows<Row>(db, sql, parameters);
  return first;
}
