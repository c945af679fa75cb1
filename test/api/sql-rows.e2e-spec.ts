import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { recordSet, row, rows } from '../../apps/api/src/database/sql';
import { startTestApp, type TestApp } from '../support/test-app';

/** How the API's connections hand back rows: numbers as numbers, one case, typed by the caller. */
describe('rows from the database', () => {
  let t: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    dataSource = t.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(() => t.close());

  it('reads bigint, numeric sums and counts as numbers, exact up to 2^53', async () => {
    const figures = await row<{ fen: number; sumFen: number; count: number; largest: number; share: number }>(
      dataSource,
      `SELECT 1234567890123::bigint AS fen, sum(x)::numeric AS "sumFen", count(*) AS count,
              9007199254740991::bigint AS largest, 1::numeric / 8 AS share
         FROM unnest(ARRAY[9999999999::bigint, 1]) AS x`,
    );
    expect(figures).toEqual({ fen: 1234567890123, sumFen: 10000000000, count: 2, largest: Number.MAX_SAFE_INTEGER, share: 0.125 });
  });

  it('keeps nulls and other types as the driver reads them', async () => {
    const [read] = await rows<{ none: number | null; day: string; at: Date; flag: boolean }>(
      dataSource,
      `SELECT NULL::bigint AS none, to_char(date '2026-04-05', 'YYYY-MM-DD') AS day, timestamptz '2026-04-05T00:30:00Z' AS at, true AS flag`,
    );
    expect(read).toEqual({ none: null, day: '2026-04-05', at: new Date('2026-04-05T00:30:00Z'), flag: true });
  });

  it('answers the rows of an UPDATE or DELETE … RETURNING, which TypeORM wraps with their count', async () => {
    // One transaction: a temporary table lives on one connection of the pool.
    await dataSource.transaction(async (manager) => {
      await manager.query(`CREATE TEMP TABLE rows_probe (n int) ON COMMIT DROP`);
      await manager.query(`INSERT INTO rows_probe VALUES (1), (2), (3)`);
      expect(await rows(manager, `UPDATE rows_probe SET n = n * 10 WHERE n > 1 RETURNING n`)).toEqual([{ n: 20 }, { n: 30 }]);
      expect(await row(manager, `DELETE FROM rows_probe WHERE n = 1 RETURNING n`)).toEqual({ n: 1 });
      expect(await rows(manager, `DELETE FROM rows_probe WHERE n = 99 RETURNING n`)).toEqual([]);
    });
  });

  it('hands a statement rows as one record set, each column read as its type', async () => {
    const probes = recordSet({ id: 'uuid', fen: 'bigint', day: 'date', note: 'text' });
    const read = await rows(
      dataSource,
      `SELECT x.id, x.fen + 1 AS "fenPlusOne", x.day, x.note FROM ${probes.from('$1', 'x')} ORDER BY x.fen`,
      [
        probes.value([
          { id: '00000000-0000-4000-8000-000000000002', fen: 9007199254740990, day: '2026-04-05', note: null },
          { id: '00000000-0000-4000-8000-000000000001', fen: 5, day: '2026-12-31', note: '雨' },
        ]),
      ],
    );
    expect(read).toEqual([
      { id: '00000000-0000-4000-8000-000000000001', fenPlusOne: 6, day: new Date(2026, 11, 31), note: '雨' },
      { id: '00000000-0000-4000-8000-000000000002', fenPlusOne: Number.MAX_SAFE_INTEGER, day: new Date(2026, 3, 5), note: null },
    ]);
  });

  // A payment's impact writes take their rows this way: as arrays, PostgreSQL planned them again on every payment.
  it('plans a statement that takes a record set once per connection, where one taking arrays was planned on every run', async () => {
    // Work in proportion to the rows, as the impact writes' (every key each line counts under).
    const perRow = `CROSS JOIN generate_series(1, 1000) AS g(n) WHERE g.n <= x.units`;
    const units = recordSet({ id: 'uuid', units: 'int' });
    const asRecords = `SELECT count(*) FROM ${units.from('$1', 'x')} ${perRow}`;
    const asArrays = `SELECT count(*) FROM unnest($1::uuid[], $2::int[]) AS x(id, units) ${perRow}`;
    const ids = ['1', '2', '3', '4'].map((n) => `00000000-0000-4000-8000-00000000000${n}`);
    const runner = dataSource.createQueryRunner();
    try {
      const connection = (await runner.connect()) as PoolClient;
      const plansOf = async (name: string) =>
        (await connection.query(`SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = $1`, [name])).rows[0];
      // Orders of one line and of several, as payments come.
      for (let run = 0; run < 8; run += 1) {
        const some = ids.slice(0, 1 + (run % 4));
        await connection.query({ name: 'as_records', text: asRecords, values: [units.value(some.map((id) => ({ id, units: 1 })))] });
        await connection.query({ name: 'as_arrays', text: asArrays, values: [some, some.map(() => 1)] });
      }
      // PostgreSQL makes its own plan for each of the first five runs, then keeps one if it is as good.
      expect(await plansOf('as_records')).toEqual({ generic_plans: 3, custom_plans: 5 });
      expect(await plansOf('as_arrays')).toEqual({ generic_plans: 0, custom_plans: 8 });
    } finally {
      await runner.release();
    }
  });

  it('answers undefined for no row', async () => {
    expect(await row(dataSource, `SELECT 1 AS one WHERE false`)).toBeUndefined();
  });
});
