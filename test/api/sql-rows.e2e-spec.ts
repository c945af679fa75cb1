import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { row, rows } from '../../apps/api/src/database/sql';
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

  it('answers undefined for no row', async () => {
    expect(await row(dataSource, `SELECT 1 AS one WHERE false`)).toBeUndefined();
  });
});
