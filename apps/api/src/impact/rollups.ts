import { preparedRowsIn, recordSet } from '../database/sql';

/** Whatever runs SQL: a TypeORM EntityManager or DataSource, or a pg Client (the history generator). */
export interface Sql {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** A rollup key: NULL in a column means "any" (see impact_reach). */
const KEY_COLUMNS = 'period, cooperative_id, township_code, category';

/** impact_monthly as the daily rows of `source` (aliased `d`) imply it (followed by more conditions and the grouping). */
const monthlyFrom = (source: string) => `
  SELECT date_trunc('month', d.day)::date AS month, d.cooperative_id, d.township_code, d.category,
         sum(d.gmv_fen) AS gmv_fen, sum(d.linked_sales_fen) AS linked_sales_fen, sum(d.pool_fen) AS pool_fen, sum(d.units) AS units,
         min(d.day) FILTER (WHERE d.linked_sales_fen > 0) AS first_linked_day, max(d.day) FILTER (WHERE d.linked_sales_fen > 0) AS last_linked_day
    FROM ${source} d WHERE true`;

/** impact_monthly as impact_daily implies it (followed by more conditions and the grouping). */
const MONTHLY_FROM_DAILY = monthlyFrom('impact_daily');

/** The order groups counted in impact_reach and impact_buyer_months: a payment writes its own uncounted (see countOrders). */
const COUNTED_GROUPS = `(SELECT * FROM impact_order_group WHERE counted)`;

/** impact_reach as the counted order groups imply it. */
const REACH_FROM_ORDERS = `
  SELECT p.period, g.cooperative_id, g.township_code, g.category, count(DISTINCT g.order_id)::int AS orders, count(DISTINCT g.buyer_id)::int AS buyers
    FROM ${COUNTED_GROUPS} g
   CROSS JOIN LATERAL (VALUES ('all'), (to_char(g.day, 'YYYY')), (to_char(g.day, 'YYYY-MM'))) AS p(period)
   GROUP BY p.period, CUBE (g.cooperative_id, g.township_code, g.category)`;

/** The eight ways of leaving out cooperative, township and category of the order groups `g`: the key's columns (follows SELECT). */
const UNDER_EACH_KEY = `
         CASE WHEN b.mask & 1 > 0 THEN g.cooperative_id END AS cooperative_id,
         CASE WHEN b.mask & 2 > 0 THEN g.township_code END AS township_code,
         CASE WHEN b.mask & 4 > 0 THEN g.category END AS category`;

/** Each buyer's months under every key, from `groups` (impact_order_group rows): buyer_id, the key's columns, month. */
const buyerMonthKeys = (groups: string) => `
  SELECT DISTINCT g.buyer_id, ${UNDER_EACH_KEY}, date_trunc('month', g.day)::date AS month
    FROM ${groups} g CROSS JOIN generate_series(0, 7) AS b(mask)`;

const BUYER_MONTH_KEYS = buyerMonthKeys(COUNTED_GROUPS);

/** Every key the order groups `groups` count under, with `columns` of the groups before it: three periods times the eight ways. */
const orderKeys = (groups: string, columns = '') => `
  SELECT DISTINCT ${columns} p.period, ${UNDER_EACH_KEY}
    FROM ${groups} g CROSS JOIN generate_series(0, 7) AS b(mask)
   CROSS JOIN LATERAL (VALUES ('all'), (to_char(g.day, 'YYYY')), (to_char(g.day, 'YYYY-MM'))) AS p(period)`;

/** Whether the counted order group `c` falls under the key `k` (with a period, or without: its months). */
const UNDER_KEY = (c: string, k: string) => `
  (${k}.cooperative_id IS NULL OR ${c}.cooperative_id = ${k}.cooperative_id)
  AND (${k}.township_code IS NULL OR ${c}.township_code = ${k}.township_code)
  AND (${k}.category IS NULL OR ${c}.category = ${k}.category)`;

/** The order $1's groups as stored. */
const STORED_GROUPS = `(SELECT * FROM impact_order_group WHERE order_id = $1)`;

/** impact_buyer_months as the counted order groups imply it. */
const BUYER_MONTHS_FROM_ORDERS = `
  SELECT cooperative_id, township_code, category, month, previous_month, count(*)::int AS buyers FROM (
    SELECT k.*, lag(k.month) OVER (PARTITION BY k.buyer_id, k.cooperative_id, k.township_code, k.category ORDER BY k.month) AS previous_month
      FROM (${BUYER_MONTH_KEYS}) k) spans
   GROUP BY 1, 2, 3, 4, 5`;

/**
 * The other counted orders of the buyer $2 than the order $1, by group, with the month and the
 * periods each counts in: read once per statement, for ANOTHER_ORDER_UNDER_KEY to look through for
 * each of the order's keys (two dozen) and monthsOfOrder for each of its months, instead of fetching
 * the buyer's rows again for each key.
 */
const OTHER_GROUPS_OF_BUYER = `
  others AS MATERIALIZED (
    SELECT date_trunc('month', day)::date AS month, to_char(day, 'YYYY') AS year_period, to_char(day, 'YYYY-MM') AS month_period,
           cooperative_id, township_code, category
      FROM impact_order_group WHERE buyer_id = $2 AND order_id <> $1 AND counted)`;

/** Another counted order of the key's buyer, other than the key's order, that counts under the key `k` (one of the order's keys, as orderKeys has them), among OTHER_GROUPS_OF_BUYER. */
const ANOTHER_ORDER_UNDER_KEY = `
  SELECT 1 FROM others o WHERE k.period IN ('all', o.year_period, o.month_period) AND ${UNDER_KEY('o', 'k')}`;

/**
 * The SELECT of the order's months under each of its keys (from its groups `groups`) that no other
 * order of its buyer holds (as BuyerMonthKey), from OTHER_GROUPS_OF_BUYER.
 */
const monthsOfOrder = (groups: string) => `
  mine AS (${buyerMonthKeys(groups)})
  SELECT m.cooperative_id AS "cooperativeId", m.township_code AS "townshipCode", m.category, to_char(m.month, 'YYYY-MM-DD') AS month,
         to_char(max(o.month) FILTER (WHERE o.month < m.month), 'YYYY-MM-DD') AS previous,
         to_char(min(o.month) FILTER (WHERE o.month > m.month), 'YYYY-MM-DD') AS next
    FROM mine m LEFT JOIN others o ON ${UNDER_KEY('o', 'm')}
   GROUP BY m.cooperative_id, m.township_code, m.category, m.month
  HAVING NOT coalesce(bool_or(o.month = m.month), false)`;

/**
 * Counting orders (countOrders) and taking one out (uncountOrder) depend on which orders count
 * already, so they take turns, across every API process: the caller takes this turn in its
 * transaction first.
 */
export async function takeCountTurn(db: Sql): Promise<void> {
  await preparedRowsIn(db, `SELECT pg_advisory_xact_lock(hashtext('impact_reach'), 0)`, []);
}

/** Orders counted per transaction: the count turn is held for one batch at a time, and the statement stays bounded. */
const ORDERS_PER_BATCH = 2_000;

/** Pending sums taken in per transaction, for the same reasons (a payment writes one per cooperative, township and category of its lines). */
const PENDING_SUMS_PER_BATCH = 10_000;

/**
 * Takes in every pending sum (foldPendingSums) and counts every paid order waiting to be counted
 * (countOrders), a batch of each per transaction (`inTransaction`), each holding the count turn:
 * how many orders it counted. What the payments and refunds left for later, as the job does it
 * every minute and a report before it reads.
 */
export async function catchUpImpact(inTransaction: <T>(work: (db: Sql) => Promise<T>) => Promise<T>): Promise<number> {
  let counted = 0;
  for (;;) {
    const batch = await inTransaction(async (db) => {
      await takeCountTurn(db);
      return { folded: await foldPendingSums(db, PENDING_SUMS_PER_BATCH), counted: await countOrders(db, ORDERS_PER_BATCH) };
    });
    counted += batch.counted;
    if (batch.folded < PENDING_SUMS_PER_BATCH && batch.counted < ORDERS_PER_BATCH) return counted;
  }
}

/**
 * Counts up to `limit` paid orders whose groups a payment wrote uncounted: each once more under every
 * key it falls under (impact_reach), and its buyer once more where no counted order of theirs was,
 * and the buyers' months (impact_buyer_months) as the months before and after them now run. One
 * statement for all of them, set against the counted groups of their buyers, where one at a time in
 * the payment (as it was) cost each payment as much as all its other writes. Answers how many it
 * counted. The caller holds the count turn (takeCountTurn).
 */
export async function countOrders(db: Sql, limit: number): Promise<number> {
  const [{ orders, months }] = await preparedRowsIn<{ orders: number; months: BuyerMonthChange[] }>(
    db,
    `WITH last AS MATERIALIZED (
       SELECT order_id FROM (SELECT DISTINCT order_id FROM impact_order_group WHERE NOT counted ORDER BY order_id LIMIT $1) w
        ORDER BY order_id DESC LIMIT 1),
     -- The first orders waiting, up to the last of them: one pass over the waiting groups. Joined with the
     -- orders' ids instead, the plan went through every waiting group once per order (the planner expects
     -- the waiting groups to be one row), seconds for a batch of 2,000 orders.
     batch AS MATERIALIZED (
       SELECT g.* FROM impact_order_group g WHERE NOT g.counted AND g.order_id <= (SELECT order_id FROM last)),
     counted AS (
       UPDATE impact_order_group g SET counted = true WHERE NOT g.counted AND g.order_id <= (SELECT order_id FROM last)),
     order_keys AS MATERIALIZED (${orderKeys('batch', 'g.order_id,')}),
     new_months AS MATERIALIZED (${buyerMonthKeys('batch')}),
     -- The counted groups of the batch's buyers, read once for all the keys and months they are looked at for.
     bought AS MATERIALIZED (
       SELECT c.buyer_id, date_trunc('month', c.day)::date AS month, extract(year FROM c.day) AS year,
              c.cooperative_id, c.township_code, c.category
         FROM impact_order_group c
        WHERE c.counted AND c.buyer_id IN (SELECT buyer_id FROM batch)),
     -- What the buyer's counted groups under the key say about each new month: whether the buyer bought under
     -- the key before at all, in the month's year and in the month itself, and the buyer's months on either
     -- side of it (or the same). The spans the new months change run between those; the others are the same
     -- with or without them.
     near AS MATERIALIZED (
       SELECT k.buyer_id, k.cooperative_id, k.township_code, k.category, k.month,
              count(c.month) > 0 AS bought,
              coalesce(bool_or(c.year = extract(year FROM k.month)), false) AS bought_in_year,
              coalesce(bool_or(c.month = k.month), false) AS bought_in_month,
              max(c.month) FILTER (WHERE c.month <= k.month) AS at_or_before,
              min(c.month) FILTER (WHERE c.month > k.month) AS after
         FROM new_months k LEFT JOIN bought c ON c.buyer_id = k.buyer_id AND ${UNDER_KEY('c', 'k')}
        GROUP BY k.buyer_id, k.cooperative_id, k.township_code, k.category, k.month),
     reach AS (
       INSERT INTO impact_reach AS r (${KEY_COLUMNS}, orders, buyers)
       SELECT ${KEY_COLUMNS}, sum(x.orders), sum(x.buyers) FROM (
         -- order_keys holds each order once per key.
         SELECT ${KEY_COLUMNS}, count(*) AS orders, 0 AS buyers FROM order_keys k GROUP BY 1, 2, 3, 4
         UNION ALL
         SELECT p.period, n.cooperative_id, n.township_code, n.category, 0, count(DISTINCT n.buyer_id)
           FROM near n
          CROSS JOIN LATERAL (VALUES ('all', n.bought), (to_char(n.month, 'YYYY'), n.bought_in_year),
                                     (to_char(n.month, 'YYYY-MM'), n.bought_in_month)) AS p(period, bought)
          WHERE NOT p.bought
          GROUP BY 1, 2, 3, 4) x
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
       ON CONFLICT (${KEY_COLUMNS}) DO UPDATE SET orders = r.orders + EXCLUDED.orders, buyers = r.buyers + EXCLUDED.buyers),
     old_months AS MATERIALIZED (
       SELECT DISTINCT n.buyer_id, n.cooperative_id, n.township_code, n.category, side.month
         FROM near n CROSS JOIN LATERAL (VALUES (n.at_or_before), (n.after)) AS side(month)
        WHERE side.month IS NOT NULL),
     spans AS (
       SELECT m.cooperative_id, m.township_code, m.category, m.month, 1 AS buyers,
              lag(m.month) OVER (PARTITION BY m.buyer_id, m.cooperative_id, m.township_code, m.category ORDER BY m.month) AS previous_month
         FROM (SELECT * FROM old_months UNION SELECT * FROM new_months) m
       UNION ALL
       SELECT m.cooperative_id, m.township_code, m.category, m.month, -1,
              lag(m.month) OVER (PARTITION BY m.buyer_id, m.cooperative_id, m.township_code, m.category ORDER BY m.month)
         FROM old_months m)
     SELECT (SELECT count(DISTINCT order_id) FROM batch)::int AS orders,
            (SELECT coalesce(json_agg(json_build_object(
                      'cooperativeId', s.cooperative_id, 'townshipCode', s.township_code, 'category', s.category,
                      'month', to_char(s.month, 'YYYY-MM-DD'), 'previousMonth', to_char(s.previous_month, 'YYYY-MM-DD'), 'buyers', s.buyers)), '[]')
               FROM (SELECT cooperative_id, township_code, category, month, previous_month, sum(buyers)::int AS buyers
                       FROM spans GROUP BY 1, 2, 3, 4, 5 HAVING sum(buyers) <> 0) s) AS months`,
    [limit],
  );
  await writeBuyerMonths(db, months);
  return orders;
}

interface BuyerMonthChange {
  cooperativeId: string | null;
  townshipCode: string | null;
  category: string | null;
  month: string;
  previousMonth: string | null;
  buyers: number;
}

/** A month of the order under one of its keys that no other order of the buyer holds, with the buyer's months before and after it under the key. */
interface BuyerMonthKey {
  cooperativeId: string | null;
  townshipCode: string | null;
  category: string | null;
  month: string;
  previous: string | null;
  next: string | null;
}

/**
 * The order's months (`keys`, monthsOfOrder) leave its buyer's months: each no longer counts after
 * the buyer's previous month under the key, and the buyer's next month, if any, follows the previous
 * one again. Answers the changes of impact_buyer_months.
 */
function monthsLeaving(keys: BuyerMonthKey[]): BuyerMonthChange[] {
  const changes = new Map<string, BuyerMonthChange>();
  const change = (key: BuyerMonthKey, month: string, previousMonth: string | null, buyers: number) => {
    const id = JSON.stringify([key.cooperativeId, key.townshipCode, key.category, month, previousMonth]);
    const entry = changes.get(id) ?? changes.set(id, { ...key, month, previousMonth, buyers: 0 }).get(id)!;
    entry.buyers += buyers;
  };
  for (const key of keys) {
    change(key, key.month, key.previous, -1);
    if (key.next) {
      change(key, key.next, key.previous, 1);
      change(key, key.next, key.month, -1);
    }
  }
  return [...changes.values()].filter((row) => row.buyers !== 0);
}

/** Changes of impact_buyer_months, as BUYER_MONTHS_UPSERT takes them. */
const BUYER_MONTHS = recordSet({
  cooperative_id: 'uuid',
  township_code: 'text',
  category: 'text',
  month: 'date',
  previous_month: 'date',
  buyers: 'int',
});

/** The changes as the value of BUYER_MONTHS_UPSERT's parameter. */
function buyerMonthRecords(rows: BuyerMonthChange[]): string {
  return BUYER_MONTHS.value(
    rows.map((row) => ({
      cooperative_id: row.cooperativeId,
      township_code: row.townshipCode,
      category: row.category,
      month: row.month,
      previous_month: row.previousMonth,
      buyers: row.buyers,
    })),
  );
}

/**
 * Raises impact_buyer_months by the rows of the parameter `rows` (buyerMonthRecords), in key order,
 * so that concurrent writers never wait on each other in a circle.
 */
const BUYER_MONTHS_UPSERT = (rows: string) => `
  INSERT INTO impact_buyer_months AS r (cooperative_id, township_code, category, month, previous_month, buyers)
  SELECT x.cooperative_id, x.township_code, x.category, x.month, x.previous_month, x.buyers
    FROM ${BUYER_MONTHS.from(rows, 'x')}
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (cooperative_id, township_code, category, month, previous_month) DO UPDATE SET buyers = r.buyers + EXCLUDED.buyers`;

/** Writes the changes of impact_buyer_months in a statement of their own, and drops the counts they bring to 0. */
async function writeBuyerMonths(db: Sql, rows: BuyerMonthChange[]): Promise<void> {
  if (rows.length === 0) return;
  const written = await preparedRowsIn<{ row: string; buyers: number }>(
    db,
    `${BUYER_MONTHS_UPSERT('$1')}
     RETURNING r.ctid::text AS row, r.buyers`,
    [buyerMonthRecords(rows)],
  );
  // A count that reached 0 is gone. It is found by the row just written: matching its key again would need
  // IS NOT DISTINCT FROM for the NULLs, which no index serves (a scan of the whole table on every payment).
  const emptied = written.filter((row) => row.buyers === 0).map((row) => row.row);
  if (emptied.length) await preparedRowsIn(db, `DELETE FROM impact_buyer_months WHERE ctid = ANY($1::tid[]) AND buyers = 0`, [emptied]);
}

/**
 * The order was refunded in full: it leaves every key, and its buyer leaves those no other counted
 * order of theirs holds; an order not counted yet has only its groups to leave. The caller holds the
 * count turn (takeCountTurn).
 */
export async function uncountOrder(db: Sql, orderId: string, buyerId: string): Promise<void> {
  const [groups] = await preparedRowsIn<{ counted: boolean | null }>(
    db,
    `SELECT bool_and(counted) AS counted FROM impact_order_group WHERE order_id = $1`,
    [orderId],
  );
  if (!groups.counted) {
    await db.query(`DELETE FROM impact_order_group WHERE order_id = $1`, [orderId]);
    return;
  }
  const keys = `(${orderKeys(STORED_GROUPS)}) k`;
  const matching = `r.period = k.period AND r.cooperative_id IS NOT DISTINCT FROM k.cooperative_id
    AND r.township_code IS NOT DISTINCT FROM k.township_code AND r.category IS NOT DISTINCT FROM k.category`;
  await db.query(
    `SELECT 1 FROM impact_reach r JOIN ${keys} ON ${matching}
      ORDER BY r.period, r.cooperative_id, r.township_code, r.category FOR UPDATE OF r`,
    [orderId],
  );
  await db.query(
    `WITH ${OTHER_GROUPS_OF_BUYER}
     UPDATE impact_reach r SET orders = r.orders - 1, buyers = r.buyers - k.last
       FROM (SELECT k.*, (NOT EXISTS (${ANOTHER_ORDER_UNDER_KEY}))::int AS last FROM ${keys}) k
      WHERE ${matching}`,
    [orderId, buyerId],
  );
  const months = await preparedRowsIn<BuyerMonthKey>(db, `WITH ${OTHER_GROUPS_OF_BUYER}, ${monthsOfOrder(STORED_GROUPS)}`, [
    orderId,
    buyerId,
  ]);
  await writeBuyerMonths(db, monthsLeaving(months));
  // A key no order counts under any more is gone, as if it had never been.
  await db.query(`DELETE FROM impact_reach r USING ${keys} WHERE ${matching} AND r.orders = 0`, [orderId]);
  await db.query(`DELETE FROM impact_order_group WHERE order_id = $1`, [orderId]);
}

/**
 * The end of a statement whose WITH defines `movement` (one row per line: cooperative_id,
 * township_code, category, gmv, linked, pool, quantity; signed) of the order `orderParameter`: their
 * sums by cooperative, township and category, today, pending until foldPendingSums takes them into
 * the sums the reports read. Raising those in the payment cost each payment as much as its other
 * impact writes, and with payments at once each waited on the same rows for the one before it to
 * commit.
 */
export const pendingSumsOf = (orderParameter: string) => `
    INSERT INTO impact_pending_sum (order_id, day, cooperative_id, township_code, category, gmv_fen, linked_sales_fen, pool_fen, units)
    SELECT ${orderParameter}, qh_today(), x.cooperative_id, x.township_code, x.category, sum(x.gmv), sum(x.linked), sum(x.pool), sum(x.quantity)
      FROM movement x
     GROUP BY x.cooperative_id, x.township_code, x.category`;

/** The row `row` (an alias) is of the key and month of `k`, a row of the fold's `months`. */
const OF_MONTH_K = (row: string) => `
  ${row}.cooperative_id = k.cooperative_id AND ${row}.township_code = k.township_code AND ${row}.category = k.category
  AND ${row}.day >= k.month AND ${row}.day < (k.month + interval '1 month')::date`;

/**
 * Takes up to `limit` pending sums (the first written) into impact_daily, and impact_monthly of
 * their days' months summed again from the days: the other days as the statement sees them and
 * theirs as `daily` just wrote them (a statement does not see its own writes); and, by their
 * orders' buyer kind, district and organisation, into impact_buyer_monthly and
 * impact_organisation_monthly. Answers how many it took. The caller holds the count turn
 * (takeCountTurn), which keeps a second fold from writing the same rows at once; nothing else writes
 * them but a rebuild.
 */
export async function foldPendingSums(db: Sql, limit: number): Promise<number> {
  const [{ folded }] = await preparedRowsIn<{ folded: number }>(
    db,
    `WITH taken AS MATERIALIZED (
       DELETE FROM impact_pending_sum WHERE id IN (SELECT id FROM impact_pending_sum ORDER BY id LIMIT $1)
       RETURNING order_id, day, cooperative_id, township_code, category, gmv_fen, linked_sales_fen, pool_fen, units),
     daily AS (
       INSERT INTO impact_daily AS d (day, cooperative_id, township_code, category, gmv_fen, linked_sales_fen, pool_fen, units)
       SELECT day, cooperative_id, township_code, category, sum(gmv_fen), sum(linked_sales_fen), sum(pool_fen), sum(units)
         FROM taken
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
       ON CONFLICT (day, cooperative_id, township_code, category) DO UPDATE
         SET gmv_fen = d.gmv_fen + EXCLUDED.gmv_fen, linked_sales_fen = d.linked_sales_fen + EXCLUDED.linked_sales_fen,
             pool_fen = d.pool_fen + EXCLUDED.pool_fen, units = d.units + EXCLUDED.units
       RETURNING d.day, d.cooperative_id, d.township_code, d.category, d.gmv_fen, d.linked_sales_fen, d.pool_fen, d.units),
     months AS MATERIALIZED (
       SELECT DISTINCT date_trunc('month', day)::date AS month, cooperative_id, township_code, category FROM daily),
     monthly AS (
       INSERT INTO impact_monthly AS m (month, cooperative_id, township_code, category, gmv_fen, linked_sales_fen, pool_fen, units,
                                        first_linked_day, last_linked_day)
       -- Each month of a key on its own (a lateral sum is not merged into a join), so that its days are found
       -- by their key and range (impact_daily_cooperative_idx): joined, the planner read the whole table.
       SELECT s.* FROM months k CROSS JOIN LATERAL (
         ${monthlyFrom(`(
           SELECT o.day, o.cooperative_id, o.township_code, o.category, o.gmv_fen, o.linked_sales_fen, o.pool_fen, o.units FROM impact_daily o
            WHERE ${OF_MONTH_K('o')} AND NOT EXISTS (SELECT 1 FROM daily n WHERE n.day = o.day AND ${OF_MONTH_K('n')})
           UNION ALL
           SELECT n.* FROM daily n WHERE ${OF_MONTH_K('n')})`)}
          GROUP BY 1, 2, 3, 4) s
        ORDER BY 1, 2, 3, 4
       ON CONFLICT (month, cooperative_id, township_code, category) DO UPDATE
         SET gmv_fen = EXCLUDED.gmv_fen, linked_sales_fen = EXCLUDED.linked_sales_fen, pool_fen = EXCLUDED.pool_fen,
             units = EXCLUDED.units, first_linked_day = EXCLUDED.first_linked_day, last_linked_day = EXCLUDED.last_linked_day),
     purchase AS MATERIALIZED (
       SELECT o.organisation_id, o.address->>'districtCode' AS district_code, date_trunc('month', t.day)::date AS month,
              sum(t.gmv_fen) AS gmv_fen, sum(t.linked_sales_fen) AS linked_sales_fen
         FROM taken t JOIN "order" o ON o.id = t.order_id
        GROUP BY 1, 2, 3),
     organisation AS (
       INSERT INTO impact_organisation_monthly AS r (organisation_id, month, gmv_fen, linked_sales_fen)
       SELECT organisation_id, month, sum(gmv_fen), sum(linked_sales_fen) FROM purchase WHERE organisation_id IS NOT NULL
        GROUP BY 1, 2 ORDER BY 1, 2
       ON CONFLICT (organisation_id, month) DO UPDATE
         SET gmv_fen = r.gmv_fen + EXCLUDED.gmv_fen, linked_sales_fen = r.linked_sales_fen + EXCLUDED.linked_sales_fen),
     buyers AS (
       INSERT INTO impact_buyer_monthly AS r (month, buyer_kind, district_code, gmv_fen, linked_sales_fen)
       SELECT month, CASE WHEN organisation_id IS NULL THEN 'HOUSEHOLD' ELSE 'INSTITUTION' END, district_code, sum(gmv_fen), sum(linked_sales_fen)
         FROM purchase
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
       ON CONFLICT (month, buyer_kind, district_code) DO UPDATE
         SET gmv_fen = r.gmv_fen + EXCLUDED.gmv_fen, linked_sales_fen = r.linked_sales_fen + EXCLUDED.linked_sales_fen)
     SELECT count(*)::int AS folded FROM taken`,
    [limit],
  );
  return folded;
}

/**
 * The goods of every paid order as they moved, from the orders, payments and refunds themselves: each
 * order's lines at its payment, and each confirmed refund's units back at the moment they counted (its
 * confirmation, or the payment for a credit given before it), as the ledger reverses them (the share
 * of a line's total after the units back so far, less the share before: `reversalShareFen`). A refund
 * that brought the order's refunds to its total takes back every unit still standing. As `movement`:
 * order, at, gmv_fen, linked_sales_fen.
 */
const GOODS_MOVEMENTS = `
  paid AS (SELECT id, paid_at, total_fen FROM "order" WHERE paid_at IS NOT NULL),
  refunds AS (
    SELECT r.id, r.order_id, r.confirmed_at, greatest(r.confirmed_at, p.paid_at) AS at,
           sum(r.amount_fen) OVER (PARTITION BY r.order_id ORDER BY r.confirmed_at, r.id) >= p.total_fen AS whole
      FROM refund r JOIN paid p ON p.id = r.order_id WHERE r.status = 'SUCCEEDED'),
  units_back AS (
    SELECT u.*, (sum(u.units) OVER (PARTITION BY u.line_id ORDER BY u.confirmed_at, u.refund_id))::bigint AS after FROM (
      SELECT rf.id AS refund_id, rf.order_id, rf.confirmed_at, rf.at, l.id AS line_id,
             CASE WHEN rf.whole THEN l.quantity - coalesce((
                    SELECT sum(e.quantity) FROM refund_line e JOIN refunds earlier ON earlier.id = e.refund_id
                     WHERE e.order_line_id = l.id AND (earlier.confirmed_at, earlier.id) < (rf.confirmed_at, rf.id)), 0)
                  ELSE coalesce(rl.quantity, 0) END::bigint AS units
        FROM refunds rf JOIN order_line l ON l.order_id = rf.order_id
        LEFT JOIN refund_line rl ON rl.refund_id = rf.id AND rl.order_line_id = l.id) u
     WHERE u.units > 0),
  movement AS (
    SELECT l.order_id, p.paid_at AS at, l.line_total_fen AS gmv_fen, CASE WHEN l.certified THEN l.line_total_fen ELSE 0 END AS linked_sales_fen
      FROM order_line l JOIN paid p ON p.id = l.order_id
    UNION ALL
    SELECT b.order_id, b.at, -back.fen, CASE WHEN l.certified THEN -back.fen ELSE 0 END
      FROM units_back b JOIN order_line l ON l.id = b.line_id
     CROSS JOIN LATERAL (SELECT l.line_total_fen * b.after / l.quantity - l.line_total_fen * (b.after - b.units) / l.quantity AS fen) back)`;

/** The China month a movement counted in. */
const MOVEMENT_MONTH = `date_trunc('month', m.at AT TIME ZONE 'Asia/Shanghai')::date`;

/** impact_buyer_monthly as the orders, payments and refunds imply it. */
const BUYER_MONTHLY_FROM_ORDERS = `
  WITH ${GOODS_MOVEMENTS}
  SELECT ${MOVEMENT_MONTH} AS month, CASE WHEN o.organisation_id IS NULL THEN 'HOUSEHOLD' ELSE 'INSTITUTION' END AS buyer_kind,
         o.address->>'districtCode' AS district_code, sum(m.gmv_fen)::bigint AS gmv_fen, sum(m.linked_sales_fen)::bigint AS linked_sales_fen
    FROM movement m JOIN "order" o ON o.id = m.order_id
   GROUP BY 1, 2, 3`;

/** impact_organisation_monthly as the orders, payments and refunds imply it. */
const ORGANISATION_MONTHLY_FROM_ORDERS = `
  WITH ${GOODS_MOVEMENTS}
  SELECT o.organisation_id, ${MOVEMENT_MONTH} AS month, sum(m.gmv_fen)::bigint AS gmv_fen, sum(m.linked_sales_fen)::bigint AS linked_sales_fen
    FROM movement m JOIN "order" o ON o.id = m.order_id
   WHERE o.organisation_id IS NOT NULL
   GROUP BY 1, 2`;

/** What the rollups should hold, recomputed from impact_daily, impact_order_group and the orders: for tests and checks. */
export async function recomputedRollups(db: Sql, names = ROLLUPS): Promise<Partial<Record<Rollup, unknown[]>>> {
  const recomputed: Partial<Record<Rollup, unknown[]>> = {};
  // One after another: `db` may be a single client.
  for (const name of names) recomputed[name] = (await db.query(RECOMPUTED[name])) as unknown[];
  return recomputed;
}

/** Each rollup as what it stands for implies it, in the order its rows are compared in. */
const RECOMPUTED = {
  monthly: `${MONTHLY_FROM_DAILY} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
  reach: `${REACH_FROM_ORDERS} ORDER BY 1, 2, 3, 4`,
  buyerMonths: `${BUYER_MONTHS_FROM_ORDERS} ORDER BY 1, 2, 3, 4, 5`,
  buyerMonthly: `${BUYER_MONTHLY_FROM_ORDERS} ORDER BY 1, 2, 3`,
  organisationMonthly: `${ORGANISATION_MONTHLY_FROM_ORDERS} ORDER BY 1, 2`,
};
type Rollup = keyof typeof RECOMPUTED;
const ROLLUPS = Object.keys(RECOMPUTED) as Rollup[];

/** Each rollup table and the order its rows are compared in. */
const STORED_ORDER: Record<Rollup, string> = {
  monthly: 'impact_monthly ORDER BY 1, 2, 3, 4',
  reach: 'impact_reach ORDER BY 1, 2, 3, 4',
  buyerMonths: 'impact_buyer_months ORDER BY 1, 2, 3, 4, 5',
  buyerMonthly: 'impact_buyer_monthly ORDER BY 1, 2, 3',
  organisationMonthly: 'impact_organisation_monthly ORDER BY 1, 2',
};

/** The rollups as stored, in the order recomputedRollups gives them. */
export async function storedRollups(db: Sql, names = ROLLUPS): Promise<Partial<Record<Rollup, unknown[]>>> {
  const stored: Partial<Record<Rollup, unknown[]>> = {};
  for (const name of names) stored[name] = (await db.query(`SELECT * FROM ${STORED_ORDER[name]}`)) as unknown[];
  return stored;
}

/** Writes the rollups from scratch: after a bulk load of history, which writes the daily rows and order groups only. */
export async function rebuildRollups(db: Sql): Promise<void> {
  await db.query(`DELETE FROM impact_monthly`);
  await db.query(`INSERT INTO impact_monthly ${MONTHLY_FROM_DAILY} GROUP BY 1, 2, 3, 4`);
  await db.query(`DELETE FROM impact_reach`);
  await db.query(`INSERT INTO impact_reach ${REACH_FROM_ORDERS}`);
  await db.query(`DELETE FROM impact_buyer_months`);
  await db.query(`INSERT INTO impact_buyer_months ${BUYER_MONTHS_FROM_ORDERS}`);
  await db.query(`DELETE FROM impact_buyer_monthly`);
  await db.query(`INSERT INTO impact_buyer_monthly ${BUYER_MONTHLY_FROM_ORDERS}`);
  await db.query(`DELETE FROM impact_organisation_monthly`);
  await db.query(`INSERT INTO impact_organisation_monthly ${ORGANISATION_MONTHLY_FROM_ORDERS}`);
}
