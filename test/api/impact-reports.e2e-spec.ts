import fc from 'fast-check';
import request from 'supertest';
import { ImpactCatchUp } from '../../apps/api/src/impact/impact-catch-up.service';
import { SettlementService } from '../../apps/api/src/impact/settlement.service';
import { tokenFor } from '../support/accounts';
import { rollupsOf } from '../support/rollups';
import { startTestApp, type TestApp } from '../support/test-app';
import { setStock } from '../support/builders';

const TIANHE = { name: '陈晓岚', mobile: '13800138000', districtCode: '440106', street: '天河路 385 号' };

interface Item {
  variantId: string;
  productId: string;
  cooperativeId: string;
}

/**
 * The officials' reports against the ledger they summarise: after random orders and partial
 * refunds, every figure equals what the ledger, the order lines and the settlements add up to.
 */
describe('impact reports', () => {
  let t: TestApp;
  let admin: string;
  let official: string;
  let items: Item[];

  beforeAll(async () => {
    t = await startTestApp({}, { demoData: true });
    admin = await tokenFor(t, 'admin');
    official = await tokenFor(t, 'official');
    // Five products of different cooperatives; the first three certified.
    items = (await t.sql(
      `SELECT DISTINCT ON (p.cooperative_id) v.id AS "variantId", p.id AS "productId", p.cooperative_id AS "cooperativeId"
         FROM product_variant v JOIN product p ON p.id = v.product_id JOIN cooperative c ON c.id = p.cooperative_id
        WHERE p.status = 'PUBLISHED' AND c.status = 'VERIFIED' AND p.shipping_class = 'AMBIENT'
          AND (p.sale_starts_at IS NULL OR p.sale_starts_at <= qh_now()) AND (p.sale_ends_at IS NULL OR qh_now() < p.sale_ends_at)
        ORDER BY p.cooperative_id, v.sku LIMIT 5`,
    )) as unknown as Item[];
    expect(items.length).toBeGreaterThanOrEqual(4);
    for (const { variantId } of items) await setStock(t, variantId, 100000);
    for (const [index, item] of items.entries()) {
      await t.sql(
        `UPDATE product SET certification_no = $2, certified_until = $3::date, certification_issuer = '纳雍县', benefit_rate_bp = 777 WHERE id = $1`,
        [item.productId, index < 3 ? `NY-R-${index}` : null, index < 3 ? '2099-12-31' : null],
      );
    }
  });
  afterAll(() => t.close());

  const get = (token: string, path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`);
  let keys = 0;

  async function checkedOut(buyer: string, lines: [Item, number][]) {
    for (const [item, quantity] of lines) {
      await request(t.url)
        .post('/api/cart/lines')
        .set('Authorization', `Bearer ${buyer}`)
        .send({ variantId: item.variantId, quantity })
        .expect(200);
    }
    const { body } = await request(t.url)
      .post('/api/checkout')
      .set('Authorization', `Bearer ${buyer}`)
      .set('Idempotency-Key', `reports-${Date.now()}-${(keys += 1)}`)
      .send({ address: TIANHE })
      .expect(201);
    return body.number as string;
  }

  async function paidOrder(lines: [Item, number][]) {
    const buyer = await tokenFor(t, 'buyer');
    const number = await checkedOut(buyer, lines);
    await request(t.url).post(`/api/payments/demo/${number}/pay`).set('Authorization', `Bearer ${buyer}`).expect(200);
    const { body: order } = await get(buyer, `/api/orders/${number}`).expect(200);
    return order as { number: string; fulfillments: { lines: { id: string; quantity: number }[] }[] };
  }

  /** The figures as the ledger, order lines and links say they must be, computed the slow way. */
  async function fromTheSource() {
    const [ledger] = await t.sql(
      `SELECT coalesce(sum(linked_sales_fen), 0)::float8 AS linked, coalesce(sum(pool_fen), 0)::float8 AS pool FROM attribution_entry`,
    );
    const [lines] = await t.sql(
      `SELECT coalesce(sum(l.unit_price_fen::bigint * (l.quantity - l.refunded_quantity)), 0)::float8 AS gmv
         FROM order_line l JOIN "order" o ON o.id = l.order_id WHERE o.paid_at IS NOT NULL`,
    );
    const [orders] = await t.sql(
      `SELECT count(*)::int AS orders, count(DISTINCT buyer_id)::int AS buyers FROM "order" WHERE paid_at IS NOT NULL AND refunded_fen < total_fen`,
    );
    const [households] = await t.sql(
      `SELECT count(*)::int AS households, coalesce(sum(members), 0)::int AS people FROM household h
        WHERE EXISTS (SELECT 1 FROM household_link l WHERE l.household_id = h.id AND l.valid_from <= qh_today() AND (l.valid_to IS NULL OR l.valid_to >= qh_today())
                        AND l.cooperative_id IN (SELECT cooperative_id FROM impact_daily GROUP BY cooperative_id HAVING sum(linked_sales_fen) > 0))`,
    );
    const [settled] = await t.sql(`SELECT coalesce(sum(unallocated_fen), 0)::float8 AS fen FROM settlement_run`);
    return {
      gmvFen: lines.gmv,
      linkedSalesFen: ledger.linked,
      poolFen: ledger.pool,
      ...orders,
      ...households,
      unallocatedFen: settled.fen,
    };
  }

  it('equals the ledger, the order lines and the links after random orders and partial refunds (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(items.length - 1), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 4 }),
        fc.option(fc.tuple(fc.nat(3), fc.integer({ min: 1, max: 5 }))),
        fc.boolean(),
        async (picks, partial, whole) => {
          const chosen = new Map<Item, number>();
          for (const [index, quantity] of picks) chosen.set(items[index], (chosen.get(items[index]) ?? 0) + quantity);
          const order = await paidOrder([...chosen.entries()]);
          const lines = order.fulfillments.flatMap((f) => f.lines);
          if (partial) {
            const line = lines[partial[0] % lines.length];
            await request(t.url)
              .post('/api/admin/refunds')
              .set('Authorization', `Bearer ${admin}`)
              .send({
                orderNumber: order.number,
                lines: [{ lineId: line.id, quantity: Math.min(partial[1], line.quantity) }],
                reason: '破损',
              })
              .expect(201);
          }
          if (whole) {
            // Refused (409) only when the partial refund already gave everything back.
            const rest = await request(t.url)
              .post('/api/admin/refunds')
              .set('Authorization', `Bearer ${admin}`)
              .send({ orderNumber: order.number, reason: '整单' });
            expect([201, 409]).toContain(rest.status);
          }
          const { body: summary } = await get(official, '/api/impact/summary').expect(200);
          expect(summary).toEqual(await fromTheSource());
          const { stored, recomputed } = await rollupsOf(t);
          expect(stored).toEqual(recomputed);
        },
      ),
      { numRuns: 10 },
    );

    // Settling today splits exactly the pool the summary shows among the linked households.
    const [{ today }] = await t.sql(`SELECT to_char(qh_today(), 'YYYY-MM-DD') AS today`);
    await t.app.get(SettlementService).settleThrough(today as string);
    const [settled] = await t.sql(
      `SELECT (SELECT coalesce(sum(amount_fen), 0) FROM household_allocation)::float8 + (SELECT coalesce(sum(unallocated_fen), 0) FROM settlement_run)::float8 AS pool`,
    );
    const { body: summary } = await get(official, '/api/impact/summary').expect(200);
    expect(settled.pool).toBe(summary.poolFen);
  });

  it('sets off one catch-up for the reports read at once, and a new one for a report read after it started', async () => {
    const impact = t.app.get(ImpactCatchUp);
    const first = impact.catchUp();
    expect(impact.catchUp()).toBe(first);
    await first;
    const after = impact.catchUp();
    expect(after).not.toBe(first);
    await after;
  });

  it('counts a buyer once and their goods in full when two of their orders are paid at the same moment, and forgets them when both are refunded', async () => {
    const buyer = await tokenFor(t, 'buyer');
    const numbers = [await checkedOut(buyer, [[items[0], 1]]), await checkedOut(buyer, [[items[0], 2]])];
    const { body: before } = await get(official, '/api/impact/summary').expect(200);
    await Promise.all(
      numbers.map((number) => request(t.url).post(`/api/payments/demo/${number}/pay`).set('Authorization', `Bearer ${buyer}`).expect(200)),
    );
    const { body: paid } = await get(official, '/api/impact/summary').expect(200);
    expect({ orders: paid.orders - before.orders, buyers: paid.buyers - before.buyers }).toEqual({ orders: 2, buyers: 1 });
    // The report reads the payments' sums the moment after, though they left them pending.
    const [goods] = await t.sql(
      `SELECT sum(l.line_total_fen)::float8 AS fen FROM order_line l JOIN "order" o ON o.id = l.order_id WHERE o.number = ANY($1::text[])`,
      [numbers],
    );
    expect(paid.gmvFen - before.gmvFen).toBe(goods.fen);
    let { stored, recomputed } = await rollupsOf(t);
    expect(stored).toEqual(recomputed);

    for (const [index, number] of numbers.entries()) {
      await request(t.url)
        .post('/api/admin/refunds')
        .set('Authorization', `Bearer ${admin}`)
        .send({ orderNumber: number, reason: '整单' })
        .expect(201);
      const { body: refunded } = await get(official, '/api/impact/summary').expect(200);
      // The buyer still counts while one of the two orders stands.
      expect({ orders: refunded.orders - before.orders, buyers: refunded.buyers - before.buyers }).toEqual({
        orders: 1 - index,
        buyers: 1 - index,
      });
      if (index === numbers.length - 1) expect(refunded.gmvFen).toBe(before.gmvFen);
      ({ stored, recomputed } = await rollupsOf(t));
      expect(stored).toEqual(recomputed);
    }
  });

  it('counts orders and buyers exactly while payments, full refunds, reports and the counting job run at once', async () => {
    const buyer = await tokenFor(t, 'buyer');
    // As many as one buyer may hold unpaid (MAX_UNPAID_ORDERS).
    const numbers = [];
    for (const quantity of [1, 2, 3]) numbers.push(await checkedOut(buyer, [[items[quantity], quantity]]));
    const impact = t.app.get(ImpactCatchUp);
    const { body: before } = await get(official, '/api/impact/summary').expect(200);
    const summaries: { orders: number; buyers: number }[] = [];
    const report = async () => summaries.push((await get(official, '/api/impact/summary').expect(200)).body);
    await Promise.all([
      ...numbers.map((number) =>
        request(t.url).post(`/api/payments/demo/${number}/pay`).set('Authorization', `Bearer ${buyer}`).expect(200),
      ),
      impact.catchUp(),
      report(),
      impact.catchUp(),
      report(),
    ]);
    const { body: paid } = await get(official, '/api/impact/summary').expect(200);
    expect({ orders: paid.orders, buyers: paid.buyers }).toEqual(await sourceCounts());
    await Promise.all([
      ...numbers
        .slice(0, 2)
        .map((number) =>
          request(t.url)
            .post('/api/admin/refunds')
            .set('Authorization', `Bearer ${admin}`)
            .send({ orderNumber: number, reason: '整单' })
            .expect(201),
        ),
      impact.catchUp(),
      report(),
    ]);
    const { body: refunded } = await get(official, '/api/impact/summary').expect(200);
    expect({ orders: refunded.orders, buyers: refunded.buyers }).toEqual(await sourceCounts());
    expect(refunded.orders).toBe(paid.orders - 2);
    // Whatever a report read while the others ran lay between the figures before and after.
    for (const summary of summaries) {
      expect(summary.orders).toBeGreaterThanOrEqual(Math.min(before.orders, refunded.orders));
      expect(summary.orders).toBeLessThanOrEqual(paid.orders);
    }
    const { stored, recomputed } = await rollupsOf(t);
    expect(stored).toEqual(recomputed);
  });

  /** Paid orders not refunded in full, and their buyers, from the orders themselves. */
  async function sourceCounts() {
    const [row] = await t.sql(
      `SELECT count(*)::int AS orders, count(DISTINCT buyer_id)::int AS buyers FROM "order" WHERE paid_at IS NOT NULL AND refunded_fen < total_fen`,
    );
    return row;
  }

  it('gives the same numbers by year, by month and broken down, with filters', async () => {
    const { body: summary } = await get(official, '/api/impact/summary').expect(200);
    const [{ year }] = await t.sql(`SELECT to_char(qh_today(), 'YYYY') AS year`);
    const { body: years } = await get(official, '/api/impact/series?by=year').expect(200);
    expect(years.items).toEqual([
      expect.objectContaining({ key: year, gmvFen: summary.gmvFen, orders: summary.orders, households: summary.households }),
    ]);
    const { body: months } = await get(official, '/api/impact/series?by=month').expect(200);
    expect(months.items).toHaveLength(1);

    const { body: byCategory } = await get(official, '/api/impact/breakdown?by=category').expect(200);
    expect(byCategory.items.reduce((sum: number, row: { gmvFen: number }) => sum + row.gmvFen, 0)).toBe(summary.gmvFen);
    expect(byCategory.items.every((row: { orders: number; nameZh: string }) => row.orders <= summary.orders && row.nameZh !== '')).toBe(
      true,
    );

    const { body: byCooperative } = await get(official, '/api/impact/breakdown?by=cooperative').expect(200);
    const one = byCooperative.items[0];
    const { body: filtered } = await get(official, `/api/impact/summary?cooperativeId=${one.key}`).expect(200);
    const { key: _key, nameZh: _zh, nameEn: _en, creditCode, ...figures } = one;
    expect(filtered).toEqual(figures);
    expect(creditCode).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
    // The cooperative sees the same figures for itself, and nobody else's.
    const staff = await tokenFor(t, 'cooperative', one.key);
    const { body: own } = await get(staff, '/api/coop/sales').expect(200);
    expect(own.summary).toEqual(figures);
    expect(own.months).toHaveLength(1);

    const { body: future } = await get(official, '/api/impact/summary?from=2099-01-01&to=2099-12-31').expect(200);
    expect(future).toEqual({ gmvFen: 0, linkedSalesFen: 0, poolFen: 0, households: 0, people: 0, orders: 0, buyers: 0, unallocatedFen: 0 });
    for (const query of [
      'series?by=week',
      'breakdown?by=buyer',
      'summary?from=2026-02-30',
      'summary?from=2026-05-01&to=2026-04-01',
      'summary?townshipCode=110105',
      'summary?category=WINE',
    ]) {
      expect((await get(official, `/api/impact/${query}`).expect(400)).body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('exports the figures as a UTF-8 CSV with a BOM whose total row matches the summary', async () => {
    const { body: summary } = await get(official, '/api/impact/summary').expect(200);
    const response = await get(official, '/api/impact/export.csv?table=category')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = response.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes
      .toString('utf8')
      .slice(1)
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(rows[0][0]).toBe('分组 group');
    const total = rows[rows.length - 1];
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    expect(total).toEqual([
      'total',
      '合计',
      '',
      yuan(summary.gmvFen),
      yuan(summary.linkedSalesFen),
      yuan(summary.poolFen),
      ...[summary.households, summary.people, summary.orders, summary.buyers].map(String),
      yuan(summary.unallocatedFen),
    ]);
  });

  it('publishes totals by category and township with groups of fewer than 5 households merged, to anyone', async () => {
    // Sales that stand, whatever the random refunds above gave back: a cooperative with its demo households.
    await paidOrder([[items[0], 1]]);
    const { body } = await request(t.url).get('/api/impact/public').expect(200);
    const { body: summary } = await get(official, '/api/impact/summary').expect(200);
    expect(body).toMatchObject({ linkedSalesFen: summary.linkedSalesFen, poolFen: summary.poolFen });
    for (const groups of [body.byCategory, body.byTownship]) {
      expect(groups.reduce((sum: number, group: { linkedSalesFen: number }) => sum + group.linkedSalesFen, 0)).toBe(summary.linkedSalesFen);
      for (const group of groups) {
        if (group.key === 'OTHER') expect(group.households === null || group.households >= 5).toBe(true);
        else expect(group.households).toBeGreaterThanOrEqual(5);
      }
      expect(groups.filter((group: { key: string }) => group.key === 'OTHER').length).toBeLessThanOrEqual(1);
    }
    expect(JSON.stringify(body)).not.toMatch(/cooperativeId|buyer/);
  });

  it('merges a township whose sales reach only two households into OTHER, with the smallest others until OTHER has 5', async () => {
    // A small new cooperative with two linked households sells produce from a township nobody else sells from.
    const [{ code: lonelyTownship }] = await t.sql(
      `SELECT code FROM township WHERE code NOT IN (SELECT origin_township_code FROM product) AND code NOT IN (SELECT township_code FROM impact_daily) ORDER BY code LIMIT 1`,
    );
    const [{ id: cooperativeId }] = await t.sql(
      `INSERT INTO cooperative (name_zh, name_en, credit_code, township_code, status, default_benefit_rate_bp, verified_at)
       VALUES ('两户合作社', 'Two-household cooperative', '93520525TEST00001X', $1, 'VERIFIED', 800, qh_now()) RETURNING id`,
      [lonelyTownship],
    );
    const [{ id: productId }] = await t.sql(
      `INSERT INTO product (cooperative_id, category, slug, title_zh, title_en, origin_township_code, certification_no, certification_issuer,
                            certified_until, shipping_class, shelf_life_days, status, published_at)
       VALUES ($1, 'NOODLE', 'two-household-noodles', '两户面条', 'Two-household noodles', $2, 'NY-K-1', '纳雍县', '2099-12-31', 'AMBIENT', 180, 'PUBLISHED', qh_now())
       RETURNING id`,
      [cooperativeId, lonelyTownship],
    );
    const [{ id: variantId }] = await t.sql(
      `INSERT INTO product_variant (product_id, sku, label_zh, label_en, price_fen, weight_g, stock) VALUES ($1, 'TWO-HH-1', '500克', '500 g', 1500, 600, 100) RETURNING id`,
      [productId],
    );
    for (const n of [1, 2]) {
      const [{ id: householdId }] = await t.sql(
        `INSERT INTO household (code, township_code, village, members, registered_year, exit_year, status, head_name_enc, id_number_enc, id_hmac, id_masked)
         VALUES ($1, $2, '小村', 3, 2015, 2019, 'LIFTED', '\\x00', '\\x00', $3, '5205**********000' || $4) RETURNING id`,
        [`NY-90000${n}`, lonelyTownship, Buffer.from(`two-household-${n}`), String(n)],
      );
      await t.sql(
        `INSERT INTO household_link (household_id, cooperative_id, mechanism, weight, valid_from) VALUES ($1, $2, 'EMPLOYMENT', 1, '2020-01-01')`,
        [householdId, cooperativeId],
      );
    }
    await paidOrder([[{ variantId, productId, cooperativeId } as Item, 2]]);

    const { body: figures } = await get(official, `/api/impact/summary?townshipCode=${lonelyTownship}`).expect(200);
    expect(figures).toMatchObject({ households: 2, linkedSalesFen: 3000 });
    const { body } = await request(t.url).get('/api/impact/public').expect(200);
    expect(body.byTownship.map((group: { key: string }) => group.key)).not.toContain(lonelyTownship);
    const other = body.byTownship.find((group: { key: string }) => group.key === 'OTHER');
    // Two households alone would make OTHER's money the two families' (the total less the townships
    // shown): OTHER takes the smallest townships shown until it reaches 5 households.
    expect(other).toMatchObject({ nameZh: '其他' });
    expect(other.households).toBeGreaterThanOrEqual(5);
    expect(other.linkedSalesFen).toBeGreaterThan(3000);
    const shownSales = body.byTownship.reduce((sum: number, group: { linkedSalesFen: number }) => sum + group.linkedSalesFen, 0);
    expect(shownSales).toBe(body.linkedSalesFen);
    for (const group of body.byTownship) expect(group.households).toBeGreaterThanOrEqual(5);
  });
});
