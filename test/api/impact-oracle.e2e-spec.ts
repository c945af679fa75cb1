import { chinaDay } from '@qh/domain';
import { Client } from 'pg';
import request from 'supertest';
import { generateHistory } from '../../apps/api/src/database/seed/history';
import { ImpactCatchUp } from '../../apps/api/src/impact/impact-catch-up.service';
import { tokenFor } from '../support/accounts';
import { newCooperative, newProduct, paidOrder } from '../support/builders';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The dashboard's stored figures against a recomputation written apart from them: from the orders,
 * their lines and what was refunded of them, in TypeScript, with none of the ledger's or the
 * rollups' SQL. The rules it encodes are the product's: a line counts from its payment; refunded
 * units give back their share of the line (rounded down on the units refunded so far, so a line
 * refunded in full gives back all of it); an order refunded in full no longer counts among the
 * orders and buyers of any group.
 */
describe('impact figures recomputed from the orders themselves', () => {
  let t: TestApp;

  interface Line {
    orderId: string;
    buyerId: string;
    status: string;
    paidAt: Date;
    cooperativeId: string;
    townshipCode: string;
    category: string;
    quantity: number;
    refundedQuantity: number;
    lineTotalFen: number;
    poolFen: number;
    certified: boolean;
  }

  beforeAll(async () => {
    t = await startTestApp({}, { demoData: true });
    const [{ lastDay }] = (await t.sql(`SELECT to_char(qh_today() - 1, 'YYYY-MM-DD') AS "lastDay"`)) as { lastDay: string }[];
    const client = new Client({ connectionString: t.database.url });
    await client.connect();
    try {
      await generateHistory(client, { orders: 1500, seed: 11, firstDay: '2024-01-01', lastDay });
    } finally {
      await client.end();
    }
    // And some made today by the app itself: paid, refunded in part, refunded in full.
    const cooperative = await newCooperative(t);
    const tea = await newProduct(t, cooperative, { stock: 50, priceFen: 3333, certifiedUntil: '2099-12-31' });
    const plain = await newProduct(t, cooperative, { stock: 50, priceFen: 1999 });
    const admin = await tokenFor(t, 'admin');
    const refund = (body: object) =>
      request(t.url).post('/api/admin/refunds').set('Authorization', `Bearer ${admin}`).send(body).expect(201);
    const buyer = await tokenFor(t, 'buyer');
    const kept = await paidOrder(t, buyer, [
      { variantId: tea.variantId, quantity: 3 },
      { variantId: plain.variantId, quantity: 2 },
    ]);
    const [teaLine] = (kept.fulfillments as { lines: { id: string; variantId: string }[] }[])
      .flatMap((part) => part.lines)
      .filter((line) => line.variantId === tea.variantId);
    await refund({ orderNumber: kept.number, lines: [{ lineId: teaLine.id, quantity: 1 }], reason: '一盒破损' });
    const gone = await paidOrder(t, await tokenFor(t, 'buyer'), [{ variantId: tea.variantId, quantity: 2 }]);
    await refund({ orderNumber: gone.number, reason: '整单退款' });
  }, 180_000);
  afterAll(() => t.close());

  async function paidLines(): Promise<Line[]> {
    const rows = await t.sql(
      `SELECT o.id AS "orderId", o.buyer_id AS "buyerId", o.status, o.paid_at AS "paidAt", l.cooperative_id AS "cooperativeId",
              l.origin_township_code AS "townshipCode", l.category, l.quantity, l.refunded_quantity AS "refundedQuantity",
              l.line_total_fen::float8 AS "lineTotalFen", l.pool_fen::float8 AS "poolFen", l.certified
         FROM "order" o JOIN order_line l ON l.order_id = o.id WHERE o.paid_at IS NOT NULL`,
    );
    return rows as unknown as Line[];
  }

  /** What is left of `wholeFen` once `refunded` of `quantity` units are back. */
  const keptFen = (wholeFen: number, quantity: number, refunded: number) => wholeFen - Math.floor((wholeFen * refunded) / quantity);

  it('has all-time sales, linked sales, pools and units per cooperative, township and category as the paid lines leave them', async () => {
    const expected = new Map<string, { gmvFen: number; linkedSalesFen: number; poolFen: number; units: number }>();
    for (const line of await paidLines()) {
      const key = [line.cooperativeId, line.townshipCode, line.category].join(' ');
      const sum = expected.get(key) ?? { gmvFen: 0, linkedSalesFen: 0, poolFen: 0, units: 0 };
      const gmvFen = keptFen(line.lineTotalFen, line.quantity, line.refundedQuantity);
      sum.gmvFen += gmvFen;
      sum.linkedSalesFen += line.certified ? gmvFen : 0;
      sum.poolFen += keptFen(line.poolFen, line.quantity, line.refundedQuantity);
      sum.units += line.quantity - line.refundedQuantity;
      expected.set(key, sum);
    }
    // As a report reads them: once the sums the payments and refunds left pending are taken in.
    await t.app.get(ImpactCatchUp).catchUp();
    const stored = await t.sql(
      `SELECT cooperative_id || ' ' || township_code || ' ' || category AS key, sum(gmv_fen)::float8 AS "gmvFen",
              sum(linked_sales_fen)::float8 AS "linkedSalesFen", sum(pool_fen)::float8 AS "poolFen", sum(units)::float8 AS units
         FROM impact_daily GROUP BY 1`,
    );
    expect(expected.size).toBeGreaterThan(10);
    expect(Object.fromEntries(stored.map(({ key, ...sums }) => [key, sums]))).toEqual(Object.fromEntries(expected));
  });

  it('counts every paid order not refunded in full, and its buyers, under each group of each year, month and all time', async () => {
    const orders = new Map<string, Set<string>>();
    const buyers = new Map<string, Set<string>>();
    for (const line of await paidLines()) {
      if (line.status === 'REFUNDED') continue;
      const day = chinaDay(new Date(line.paidAt));
      for (const period of ['all', day.slice(0, 4), day.slice(0, 7)])
        for (let mask = 0; mask < 8; mask += 1) {
          const key = [period, mask & 1 ? '' : line.cooperativeId, mask & 2 ? '' : line.townshipCode, mask & 4 ? '' : line.category].join(
            ' ',
          );
          orders.set(key, (orders.get(key) ?? new Set()).add(line.orderId));
          buyers.set(key, (buyers.get(key) ?? new Set()).add(line.buyerId));
        }
    }
    const expected = Object.fromEntries([...orders].map(([key, ids]) => [key, { orders: ids.size, buyers: buyers.get(key)!.size }]));
    // As a report reads them: once the orders paid are counted.
    await t.app.get(ImpactCatchUp).catchUp();
    const stored = await t.sql(
      `SELECT concat_ws(' ', period, coalesce(cooperative_id::text, ''), coalesce(township_code, ''), coalesce(category, '')) AS key, orders, buyers
         FROM impact_reach WHERE orders > 0`,
    );
    expect(Object.keys(expected).length).toBeGreaterThan(500);
    expect(Object.fromEntries(stored.map(({ key, ...counts }) => [key, counts]))).toEqual(expected);
  });
});
