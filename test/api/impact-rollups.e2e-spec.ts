import fc from 'fast-check';
import { Client } from 'pg';
import request from 'supertest';
import { generateHistory } from '../../apps/api/src/database/seed/history';
import { GROUP_EXPRESSION, type Grouping, type ImpactFilters } from '../../apps/api/src/impact/report-sql';
import { ImpactCatchUp } from '../../apps/api/src/impact/impact-catch-up.service';
import {
  countOrders,
  foldPendingSums,
  rebuildRollups,
  recomputedRollups,
  storedRollups,
  uncountOrder,
} from '../../apps/api/src/impact/rollups';
import { tokenFor } from '../support/accounts';
import { rollupsOf, sqlOf } from '../support/rollups';
import { startTestApp, type TestApp } from '../support/test-app';

const FIRST_DAY = '2023-11-20';

/**
 * The dashboard's rollups (sums by month, orders and buyers by period) against the plain daily
 * rows and order groups they stand for, over a few years of generated history: any grouping,
 * filter and range of days must give exactly what the plain rows add up to.
 */
describe('impact rollups', () => {
  let t: TestApp;
  let official: string;
  let lastDay: string;
  let values: { townships: string[]; cooperatives: string[]; categories: string[] };

  beforeAll(async () => {
    t = await startTestApp({}, { demoData: true });
    official = await tokenFor(t, 'official');
    [{ lastDay }] = (await t.sql(`SELECT to_char(qh_today() - 1, 'YYYY-MM-DD') AS "lastDay"`)) as {
      lastDay: string;
    }[];
    const client = new Client({ connectionString: t.database.url });
    await client.connect();
    try {
      await generateHistory(client, { orders: 3000, seed: 7, firstDay: FIRST_DAY, lastDay });
    } finally {
      await client.end();
    }
    const [row] = await t.sql(
      `SELECT array_agg(DISTINCT township_code) AS townships, array_agg(DISTINCT cooperative_id::text) AS cooperatives,
              array_agg(DISTINCT category) AS categories FROM impact_daily`,
    );
    values = row as typeof values;
  }, 120_000);
  afterAll(() => t.close());

  /** The figures as the old, slow way reads them: every daily row and order group of the range. */
  async function plainFigures(grouping: Grouping, filters: ImpactFilters) {
    const params: unknown[] = [];
    const conditions = ['true'];
    const add = (condition: string, value: unknown) => {
      params.push(value);
      conditions.push(condition.replace('?', `$${params.length}`));
    };
    if (filters.from) add('x.day >= ?::date', filters.from);
    if (filters.to) add('x.day <= ?::date', filters.to);
    if (filters.townshipCode) add('x.township_code = ?', filters.townshipCode);
    if (filters.cooperativeId) add('x.cooperative_id = ?::uuid', filters.cooperativeId);
    if (filters.category) add('x.category = ?', filters.category);
    const where = conditions.join(' AND ');
    const group = GROUP_EXPRESSION[grouping];
    // One after another: one client.
    const sums = await t.sql(
      `SELECT ${group} AS key, sum(gmv_fen)::float8 AS "gmvFen", sum(linked_sales_fen)::float8 AS "linkedSalesFen", sum(pool_fen)::float8 AS "poolFen"
           FROM impact_daily x WHERE ${where} GROUP BY 1`,
      params,
    );
    const orders = await t.sql(
      `SELECT ${group} AS key, count(DISTINCT order_id)::int AS orders, count(DISTINCT buyer_id)::int AS buyers
           FROM impact_order_group x WHERE ${where} GROUP BY 1`,
      params,
    );
    const households = await t.sql(
      `WITH sold AS (SELECT ${group} AS key, x.cooperative_id, min(x.day) AS first_day, max(x.day) AS last_day
                         FROM impact_daily x WHERE ${where} AND x.linked_sales_fen > 0 GROUP BY 1, 2)
         SELECT key, count(*)::int AS households, sum(members)::int AS people FROM (
           SELECT DISTINCT s.key, h.id, h.members FROM sold s
             JOIN household_link l ON l.cooperative_id = s.cooperative_id AND l.valid_from <= s.last_day AND (l.valid_to IS NULL OR l.valid_to >= s.first_day)
             JOIN household h ON h.id = l.household_id) linked
          GROUP BY key`,
      params,
    );
    // What settlements left to no household: they are one cooperative's day, so by category or township they do not split.
    const splits = grouping !== 'category' && grouping !== 'township' && !filters.category && !filters.townshipCode;
    const settled: Record<string, unknown>[] = [];
    if (splits) {
      const settlementGroup = group.replaceAll('x.', 's.');
      const settlementParams: unknown[] = [];
      const settlementWhere = ['true'];
      if (filters.from) settlementWhere.push(`s.day >= $${settlementParams.push(filters.from)}::date`);
      if (filters.to) settlementWhere.push(`s.day <= $${settlementParams.push(filters.to)}::date`);
      if (filters.cooperativeId) settlementWhere.push(`s.cooperative_id = $${settlementParams.push(filters.cooperativeId)}::uuid`);
      settled.push(
        ...(await t.sql(
          `SELECT ${settlementGroup} AS key, sum(unallocated_fen)::float8 AS "unallocatedFen"
             FROM settlement_run s WHERE ${settlementWhere.join(' AND ')} AND unallocated_fen <> 0 GROUP BY 1`,
          settlementParams,
        )),
      );
    }
    const byKey = new Map<string, Record<string, unknown>>();
    const zero = {
      gmvFen: 0,
      linkedSalesFen: 0,
      poolFen: 0,
      households: 0,
      people: 0,
      orders: 0,
      buyers: 0,
      unallocatedFen: splits ? 0 : null,
    };
    for (const row of [...sums, ...orders, ...households, ...settled]) {
      const { key, ...figures } = row;
      byKey.set(key as string, { ...(byKey.get(key as string) ?? { key, ...zero }), ...figures });
    }
    // The summary answers zeros where no row matches.
    if (grouping === 'all' && byKey.size === 0) byKey.set('all', { key: 'all', ...zero });
    return [...byKey.values()].sort((a, b) => ((a.key as string) < (b.key as string) ? -1 : 1));
  }

  async function dashboard(grouping: Grouping, filters: ImpactFilters) {
    const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== undefined) as [string, string][]);
    if (grouping === 'all') {
      const { body } = await request(t.url).get(`/api/impact/summary?${query}`).set('Authorization', `Bearer ${official}`).expect(200);
      return [{ key: 'all', ...body }];
    }
    query.set('by', grouping);
    const path = grouping === 'year' || grouping === 'month' ? 'series' : 'breakdown';
    const { body } = await request(t.url).get(`/api/impact/${path}?${query}`).set('Authorization', `Bearer ${official}`).expect(200);
    return (body.items as Record<string, unknown>[]).map(({ nameZh: _zh, nameEn: _en, creditCode: _code, ...figures }) => figures);
  }

  it('writes rollups from the generated history that equal what the daily rows and order groups imply', async () => {
    const [counts] = await t.sql(
      `SELECT (SELECT count(*) FROM "order")::int AS orders, (SELECT count(DISTINCT to_char(day, 'YYYY')) FROM impact_daily)::int AS years`,
    );
    expect(counts.orders).toBeGreaterThanOrEqual(3000);
    expect(counts.years).toBeGreaterThanOrEqual(3);
    await storedEqualsRecomputed();
  });

  async function storedEqualsRecomputed() {
    const { stored, recomputed } = await rollupsOf(t);
    expect(stored).toEqual(recomputed);
  }

  it('moves a buyer’s months when an order between two others leaves and comes back, and when one is refunded', async () => {
    // Orders that are their buyer's only one in their month, with the buyer's orders in earlier and later months.
    const middle = (await t.sql(
      `WITH months AS (SELECT buyer_id, order_id, date_trunc('month', day) AS month,
                              count(*) OVER (PARTITION BY buyer_id, date_trunc('month', day)) AS in_month,
                              min(date_trunc('month', day)) OVER (PARTITION BY buyer_id) AS first, max(date_trunc('month', day)) OVER (PARTITION BY buyer_id) AS last
                         FROM (SELECT DISTINCT buyer_id, order_id, day FROM impact_order_group) o)
       SELECT o.number, m.order_id AS "orderId", m.buyer_id AS "buyerId" FROM months m JOIN "order" o ON o.id = m.order_id
        WHERE m.in_month = 1 AND m.first < m.month AND m.month < m.last ORDER BY o.number LIMIT 2`,
    )) as { number: string; orderId: string; buyerId: string }[];
    expect(middle).toHaveLength(2);
    const sql = sqlOf(t);

    const [leaving] = middle;
    const groups = await t.sql(`SELECT * FROM impact_order_group WHERE order_id = $1`, [leaving.orderId]);
    await uncountOrder(sql, leaving.orderId, leaving.buyerId);
    await storedEqualsRecomputed();
    for (const group of groups) {
      await t.sql(
        `INSERT INTO impact_order_group (order_id, cooperative_id, township_code, category, day, buyer_id, linked) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [group.order_id, group.cooperative_id, group.township_code, group.category, group.day, group.buyer_id, group.linked],
      );
    }
    // Back as a payment writes them: uncounted, so the rollups stand as they were until the order is counted.
    expect(await t.app.get(ImpactCatchUp).catchUp()).toBe(1);
    await storedEqualsRecomputed();

    // The same through the admin's full refund of the other order, as the ledger applies it.
    const admin = await tokenFor(t, 'admin');
    await request(t.url)
      .post('/api/admin/refunds')
      .set('Authorization', `Bearer ${admin}`)
      .send({ orderNumber: middle[1].number, reason: '整单' })
      .expect(201);
    expect(await t.sql(`SELECT 1 FROM impact_order_group WHERE order_id = $1`, [middle[1].orderId])).toHaveLength(0);
    await storedEqualsRecomputed();
  });

  it('counts waiting orders in batches of any size as the counted groups imply, with full refunds of counted and waiting orders between (property)', async () => {
    const sql = sqlOf(t);
    await t.app.get(ImpactCatchUp).catchUp();
    const before = await storedRollups(sql);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 2, max: 12 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.option(fc.nat())), { minLength: 1, maxLength: 4 }),
        async (seed, howMany, steps) => {
          // Some orders of the history, several of them of the same buyers, taken out and written back as their payment would.
          const chosen = (await t.sql(
            `WITH buyers AS (SELECT buyer_id FROM impact_order_group GROUP BY buyer_id HAVING count(DISTINCT order_id) > 2
                              ORDER BY hashtext(buyer_id::text || $1) LIMIT 3)
             SELECT DISTINCT g.order_id AS "orderId", g.buyer_id AS "buyerId", hashtext(g.order_id::text || $1) AS pick
               FROM impact_order_group g JOIN buyers b ON b.buyer_id = g.buyer_id
              ORDER BY pick LIMIT $2`,
            [String(seed), howMany],
          )) as { orderId: string; buyerId: string }[];
          // The day as text: a Date would go back at the test's own time zone.
          const groups = await t.sql(
            `SELECT order_id, cooperative_id, township_code, category, day::text AS day, buyer_id, linked FROM impact_order_group WHERE order_id = ANY($1::uuid[])`,
            [chosen.map((o) => o.orderId)],
          );
          // Written back as a payment writes them: uncounted (the column's default).
          const writeBack = async (orders: { orderId: string }[]) => {
            for (const g of groups.filter((g) => orders.some((order) => order.orderId === g.order_id))) {
              await t.sql(
                `INSERT INTO impact_order_group (order_id, cooperative_id, township_code, category, day, buyer_id, linked) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
                [g.order_id, g.cooperative_id, g.township_code, g.category, g.day, g.buyer_id, g.linked],
              );
            }
          };
          for (const order of chosen) await uncountOrder(sql, order.orderId, order.buyerId);
          await writeBack(chosen);
          // Counted a few at a time, with an order refunded in full between batches: one counted by then, or one still waiting.
          const refunded = new Set<(typeof chosen)[number]>();
          for (const [limit, refund] of steps) {
            await countOrders(sql, limit);
            if (refund !== null) {
              const order = chosen[refund % chosen.length];
              if (!refunded.has(order)) await uncountOrder(sql, order.orderId, order.buyerId);
              refunded.add(order);
            }
            // The counts are what a batch changes.
            expect(await storedRollups(sql, ['reach', 'buyerMonths'])).toEqual(await recomputedRollups(sql, ['reach', 'buyerMonths']));
          }
          await writeBack([...refunded]);
          await t.app.get(ImpactCatchUp).catchUp();
          // Every order counted again: the rollups are as they were before the orders were taken out.
          expect(await storedRollups(sql)).toEqual(before);
        },
      ),
      { numRuns: 6 },
    );
  }, 120_000);

  it('takes pending sums into the days, months and buyers’ and organisations’ months in batches of any size, across days and months (property)', async () => {
    const sql = sqlOf(t);
    await t.app.get(ImpactCatchUp).catchUp();
    const keys = (await t.sql(
      `SELECT DISTINCT cooperative_id AS "cooperativeId", township_code AS "townshipCode", category FROM impact_daily ORDER BY 1, 2, 3 LIMIT 6`,
    )) as { cooperativeId: string; townshipCode: string; category: string }[];
    // Orders of households and of institutions, whose buyer kind, district and organisation the buyers' months read.
    const orders = (await t.sql(
      `(SELECT id FROM "order" WHERE organisation_id IS NULL AND paid_at IS NOT NULL ORDER BY id LIMIT 3)
       UNION ALL (SELECT id FROM "order" WHERE organisation_id IS NOT NULL AND paid_at IS NOT NULL ORDER BY id LIMIT 3)`,
    )) as { id: string }[];
    expect(orders.length).toBeGreaterThan(3);
    const orderDetails = new Map(
      (
        (await t.sql(
          `SELECT id::text, organisation_id AS "organisationId", address->>'districtCode' AS district FROM "order" WHERE id = ANY($1::uuid[])`,
          [orders.map((o) => o.id)],
        )) as { id: string; organisationId: string | null; district: string }[]
      ).map((o) => [o.id, o]),
    );
    const daysBefore = new Set(
      ((await t.sql(`SELECT day::text || cooperative_id || township_code || category AS row FROM impact_daily`)) as { row: string }[]).map(
        (r) => r.row,
      ),
    );
    // What each rollup holds per key, as text keys, to see what the pending sums raised.
    const totals = async () => ({
      daily: await t.sql(
        `SELECT day::text || ' ' || cooperative_id || ' ' || township_code || ' ' || category AS key, gmv_fen::float8 AS gmv, linked_sales_fen::float8 AS linked, pool_fen::float8 AS pool, units::float8 AS units
           FROM impact_daily ORDER BY 1`,
      ),
      buyers: await t.sql(
        `SELECT month::text || ' ' || buyer_kind || ' ' || district_code AS key, gmv_fen::float8 AS gmv, linked_sales_fen::float8 AS linked FROM impact_buyer_monthly ORDER BY 1`,
      ),
      organisations: await t.sql(
        `SELECT organisation_id || ' ' || month::text AS key, gmv_fen::float8 AS gmv, linked_sales_fen::float8 AS linked FROM impact_organisation_monthly ORDER BY 1`,
      ),
    });
    const raise = (rows: Record<string, unknown>[], key: string, by: Record<string, number>) => {
      let found = rows.find((row) => row.key === key);
      if (!found) rows.push((found = { key, ...Object.fromEntries(Object.keys(by).map((name) => [name, 0])) }));
      for (const [name, value] of Object.entries(by)) found[name] = (found[name] as number) + value;
    };
    const byKey = (rows: Record<string, unknown>[]) => Object.fromEntries(rows.map(({ key, ...sums }) => [key as string, sums]));
    const pending = fc.record({
      key: fc.nat(),
      order: fc.nat(),
      // Around two month ends, fixed: days with sales already and days without.
      day: fc.constantFrom('2024-01-30', '2024-01-31', '2024-02-01', '2024-02-29', '2024-03-01', '2025-12-31'),
      gmv: fc.integer({ min: -3000, max: 9000 }),
      certified: fc.boolean(),
      pool: fc.integer({ min: -300, max: 900 }),
      units: fc.integer({ min: -3, max: 9 }),
    });
    const written: {
      orderId: string;
      day: string;
      key: (typeof keys)[number];
      gmv: number;
      linked: number;
      pool: number;
      units: number;
    }[] = [];
    const writePending = async (rows: typeof written) => {
      for (const row of rows)
        await t.sql(
          `INSERT INTO impact_pending_sum (order_id, day, cooperative_id, township_code, category, gmv_fen, linked_sales_fen, pool_fen, units)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [row.orderId, row.day, row.key.cooperativeId, row.key.townshipCode, row.key.category, row.gmv, row.linked, row.pool, row.units],
        );
    };
    await fc.assert(
      fc.asyncProperty(fc.array(pending, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 5 }), async (sums, limit) => {
        const rows = sums.map((sum) => ({
          orderId: orders[sum.order % orders.length].id,
          day: sum.day,
          key: keys[sum.key % keys.length],
          gmv: sum.gmv,
          linked: sum.certified ? sum.gmv : 0,
          pool: sum.pool,
          units: sum.units,
        }));
        const expected = await totals();
        for (const row of rows) {
          const { cooperativeId, townshipCode, category } = row.key;
          raise(expected.daily, `${row.day} ${cooperativeId} ${townshipCode} ${category}`, {
            gmv: row.gmv,
            linked: row.linked,
            pool: row.pool,
            units: row.units,
          });
          const { organisationId, district } = orderDetails.get(row.orderId)!;
          const month = `${row.day.slice(0, 7)}-01`;
          raise(expected.buyers, `${month} ${organisationId ? 'INSTITUTION' : 'HOUSEHOLD'} ${district}`, {
            gmv: row.gmv,
            linked: row.linked,
          });
          if (organisationId) raise(expected.organisations, `${organisationId} ${month}`, { gmv: row.gmv, linked: row.linked });
        }
        await writePending(rows);
        written.push(...rows);
        // Taken in a few at a time, as many batches as it takes: the months stay what their days imply after each.
        for (let taken = 0; taken < rows.length;) {
          const batch = await foldPendingSums(sql, limit);
          expect(batch).toBe(Math.min(limit, rows.length - taken));
          taken += batch;
          expect(await storedRollups(sql, ['monthly'])).toEqual(await recomputedRollups(sql, ['monthly']));
        }
        const stored = await totals();
        expect(byKey(stored.daily)).toEqual(byKey(expected.daily));
        expect(byKey(stored.buyers)).toEqual(byKey(expected.buyers));
        expect(byKey(stored.organisations)).toEqual(byKey(expected.organisations));
      }),
      { numRuns: 10 },
    );
    // Every sum written taken back, as a refund's would, and the days that did not exist gone: the rollups as the history left them.
    await writePending(written.map((row) => ({ ...row, gmv: -row.gmv, linked: -row.linked, pool: -row.pool, units: -row.units })));
    await t.app.get(ImpactCatchUp).catchUp();
    const added = (
      (await t.sql(`SELECT day::text || cooperative_id || township_code || category AS row FROM impact_daily`)) as { row: string }[]
    )
      .map((r) => r.row)
      .filter((row) => !daysBefore.has(row));
    await t.sql(`DELETE FROM impact_daily WHERE day::text || cooperative_id || township_code || category = ANY($1::text[])`, [added]);
    await rebuildRollups(sql);
    await storedEqualsRecomputed();
  }, 120_000);

  it('answers every grouping, filter and range exactly as the plain rows add up (property)', async () => {
    const day = (offset: number) => {
      const date = new Date(`${FIRST_DAY}T00:00:00Z`);
      date.setUTCDate(date.getUTCDate() + offset);
      return date.toISOString().slice(0, 10);
    };
    const span = (Date.parse(lastDay) - Date.parse(FIRST_DAY)) / 86_400_000;
    // Ranges that start and end on any day, on a month's edges or a year's: each way of reading the rollups.
    const edge = (kind: 'any' | 'month' | 'year', offset: number, end: boolean) => {
      const d = day(offset);
      if (kind === 'any') return d;
      if (kind === 'month')
        return end ? new Date(Date.UTC(+d.slice(0, 4), +d.slice(5, 7), 0)).toISOString().slice(0, 10) : `${d.slice(0, 7)}-01`;
      return end ? `${d.slice(0, 4)}-12-31` : `${d.slice(0, 4)}-01-01`;
    };
    const kind = fc.constantFrom('any' as const, 'month' as const, 'year' as const);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Grouping>('all', 'year', 'month', 'category', 'township', 'cooperative'),
        fc.option(fc.tuple(kind, fc.integer({ min: -40, max: span + 40 }))),
        fc.option(fc.tuple(kind, fc.integer({ min: 0, max: span + 40 }))),
        fc.option(fc.nat(), { freq: 3 }),
        fc.option(fc.nat(), { freq: 3 }),
        fc.option(fc.nat(), { freq: 3 }),
        async (grouping, from, length, township, cooperative, category) => {
          const filters: ImpactFilters = {};
          if (from) filters.from = edge(from[0], from[1], false);
          if (length) {
            const to = edge(length[0], (from?.[1] ?? 0) + length[1], true);
            if (!filters.from || to >= filters.from) filters.to = to;
          }
          if (township !== null) filters.townshipCode = values.townships[township % values.townships.length];
          if (cooperative !== null) filters.cooperativeId = values.cooperatives[cooperative % values.cooperatives.length];
          if (category !== null) filters.category = values.categories[category % values.categories.length];
          expect(await dashboard(grouping, filters)).toEqual(await plainFigures(grouping, filters));
        },
      ),
      { numRuns: 120 },
    );
  });
});
