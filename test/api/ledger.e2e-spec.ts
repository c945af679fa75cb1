import fc from 'fast-check';
import request from 'supertest';
import { LedgerDigestService } from '../../apps/api/src/impact/ledger-digest.service';
import { ImpactCatchUp } from '../../apps/api/src/impact/impact-catch-up.service';
import { SettlementService } from '../../apps/api/src/impact/settlement.service';
import { tokenFor } from '../support/accounts';
import { startTestApp, type TestApp } from '../support/test-app';
import { setStock } from '../support/builders';

/** Benefit rates of the three certified items: odd ones, so that rounding matters. */
const RATES_BP = [1000, 333, 1];
const TIANHE = { name: '陈晓岚', mobile: '13800138000', districtCode: '440106', street: '天河路 385 号 12 楼 1203 室' };

interface Item {
  variantId: string;
  productId: string;
  cooperativeId: string;
  priceFen: number;
}

/**
 * The attribution ledger through the demo provider (whose refunds are confirmed at once): a SALE per
 * certified line when an order is paid, REVERSALs that mirror refunds exactly, a rollup that always
 * agrees with the ledger, and a table that refuses every change but an addition.
 */
describe('the attribution ledger', () => {
  let t: TestApp;
  let admin: string;
  /** Three certified items at different benefit rates, and one that is not certified. */
  let certified: Item[];
  let plain: Item;

  beforeAll(async () => {
    t = await startTestApp({}, { demoData: true });
    admin = await tokenFor(t, 'admin');
    const rows = (await t.sql(
      `SELECT DISTINCT ON (p.id) v.id AS "variantId", p.id AS "productId", p.cooperative_id AS "cooperativeId", v.price_fen AS "priceFen"
         FROM product_variant v JOIN product p ON p.id = v.product_id
        WHERE p.status = 'PUBLISHED' AND p.shipping_class = 'AMBIENT'
          AND (p.sale_starts_at IS NULL OR p.sale_starts_at <= qh_now()) AND (p.sale_ends_at IS NULL OR qh_now() < p.sale_ends_at)
        ORDER BY p.id, v.sku LIMIT 4`,
    )) as unknown as Item[];
    expect(rows).toHaveLength(4);
    for (const { variantId } of rows) await setStock(t, variantId, 100000);
    certified = rows.slice(0, 3);
    plain = rows[3];
    for (const [index, item] of certified.entries()) {
      await t.sql(
        `UPDATE product SET certification_no = $2, certification_issuer = '纳雍县农业农村局', certified_until = qh_today() + 30,
                benefit_rate_bp = $3 WHERE id = $1`,
        [item.productId, `NY-TEST-${index}`, RATES_BP[index]],
      );
    }
    await t.sql(`UPDATE product SET certification_no = NULL, certified_until = NULL WHERE id = $1`, [plain.productId]);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) => request(t.url).post(path).set('Authorization', `Bearer ${token}`).send(body),
  });
  let keys = 0;

  async function paidOrder(lines: [Item, number][]) {
    const buyer = await tokenFor(t, 'buyer');
    for (const [item, quantity] of lines) await as(buyer).post('/api/cart/lines', { variantId: item.variantId, quantity }).expect(200);
    const placed = await request(t.url)
      .post('/api/checkout')
      .set('Authorization', `Bearer ${buyer}`)
      .set('Idempotency-Key', `ledger-${Date.now()}-${(keys += 1)}`)
      .send({ address: TIANHE })
      .expect(201);
    const { body: order } = await as(buyer).post(`/api/payments/demo/${placed.body.number}/pay`).expect(200);
    return { buyer, order };
  }

  const entriesOf = async (number: string) =>
    (await t.sql(
      `SELECT e.kind, e.order_line_id AS "lineId", e.quantity, e.linked_sales_fen::float8 AS linked, e.pool_fen::float8 AS pool
         FROM attribution_entry e JOIN "order" o ON o.id = e.order_id WHERE o.number = $1 ORDER BY e.id`,
      [number],
    )) as { kind: string; lineId: string; quantity: number; linked: number; pool: number }[];
  const linesOf = (order: {
    fulfillments: { lines: { id: string; variantId: string; quantity: number; lineTotalFen: number; certified: boolean }[] }[];
  }) => order.fulfillments.flatMap((f) => f.lines);

  /** Everything the rollup holds equals what the ledger sums to, and gmv equals what paid lines are still worth. */
  async function expectRollupToMatchLedger(): Promise<void> {
    // As a report reads them: once the sums the payments and refunds left pending are taken in.
    await t.app.get(ImpactCatchUp).catchUp();
    const [ledger] = await t.sql(
      `SELECT coalesce(sum(linked_sales_fen), 0)::float8 AS linked, coalesce(sum(pool_fen), 0)::float8 AS pool FROM attribution_entry`,
    );
    const [rollup] = await t.sql(
      `SELECT coalesce(sum(linked_sales_fen), 0)::float8 AS linked, coalesce(sum(pool_fen), 0)::float8 AS pool, coalesce(sum(gmv_fen), 0)::float8 AS gmv
         FROM impact_daily`,
    );
    const [lines] = await t.sql(
      `SELECT coalesce(sum(l.unit_price_fen::bigint * (l.quantity - l.refunded_quantity)), 0)::float8 AS gmv
         FROM order_line l JOIN "order" o ON o.id = l.order_id WHERE o.paid_at IS NOT NULL`,
    );
    expect(rollup).toEqual({ linked: ledger.linked, pool: ledger.pool, gmv: lines.gmv });
  }

  it('writes one SALE per certified line when an order is paid, its pools adding up to the order’s pool', async () => {
    const { order } = await paidOrder([
      [certified[0], 3],
      [certified[1], 7],
      [certified[2], 1],
      [plain, 2],
    ]);

    const entries = await entriesOf(order.number);
    const lines = linesOf(order);
    expect(entries).toHaveLength(3);
    expect(entries.every((e) => e.kind === 'SALE')).toBe(true);
    expect(entries.map((e) => e.lineId).sort()).toEqual(
      lines
        .filter((l) => l.certified)
        .map((l) => l.id)
        .sort(),
    );
    expect(entries.reduce((sum, e) => sum + Number(e.pool), 0)).toBe(order.householdPoolFen);
    expect(entries.reduce((sum, e) => sum + Number(e.linked), 0)).toBe(order.linkedSalesFen);
    // The pool is rounded once for the whole order: round(Σ amount × rate / 10000).
    const rateOf = (line: { variantId: string }) => RATES_BP[certified.findIndex((c) => c.variantId === line.variantId)];
    const exact = lines.filter((l) => l.certified).reduce((sum, l) => sum + l.lineTotalFen * rateOf(l), 0);
    expect(order.householdPoolFen).toBe(Math.round(exact / 10_000));
    // The buyer's impact receipt: the certified lines' cooperatives and the households they reach today.
    const [{ households }] = await t.sql(
      `SELECT count(DISTINCT household_id)::int AS households FROM household_link
        WHERE cooperative_id IN (SELECT cooperative_id FROM order_line WHERE order_id = (SELECT id FROM "order" WHERE number = $1) AND certified)
          AND valid_from <= qh_today() AND (valid_to IS NULL OR valid_to >= qh_today())`,
      [order.number],
    );
    expect(order.impact).toMatchObject({ linkedSalesFen: order.linkedSalesFen, poolFen: order.householdPoolFen, households });
    expect(order.impact.cooperatives.map((c: { id: string }) => c.id).sort()).toEqual(
      [...new Set(certified.map((c) => c.cooperativeId))].sort(),
    );
    await expectRollupToMatchLedger();
  });

  it('counts certification as of the payment: a certificate that lapsed after checkout puts nothing in the ledger', async () => {
    const buyer = await tokenFor(t, 'buyer');
    await as(buyer).post('/api/cart/lines', { variantId: certified[0].variantId, quantity: 1 }).expect(200);
    const placed = await request(t.url)
      .post('/api/checkout')
      .set('Authorization', `Bearer ${buyer}`)
      .set('Idempotency-Key', `ledger-lapse-${Date.now()}`)
      .send({ address: TIANHE })
      .expect(201);
    expect(placed.body.linkedSalesFen).toBeGreaterThan(0);
    await t.sql(`UPDATE product SET certified_until = qh_today() - 1 WHERE id = $1`, [certified[0].productId]);
    try {
      const { body: paid } = await as(buyer).post(`/api/payments/demo/${placed.body.number}/pay`).expect(200);
      expect(paid).toMatchObject({ linkedSalesFen: 0, householdPoolFen: 0 });
      expect(await entriesOf(paid.number)).toEqual([]);
    } finally {
      await t.sql(`UPDATE product SET certified_until = qh_today() + 30 WHERE id = $1`, [certified[0].productId]);
    }
    await expectRollupToMatchLedger();
  });

  it('mirrors refunds exactly: once every unit is back, a line’s entries sum to zero (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(2), fc.integer({ min: 1, max: 4 })), { maxLength: 4 }),
        fc.boolean(),
        async (quantities, refunds, thenWhole) => {
          const { buyer, order } = await paidOrder(certified.map((item, i) => [item, quantities[i]] as [Item, number]));
          const lines = linesOf(order);
          const left = new Map(lines.map((l) => [l.id, l.quantity]));
          for (const [pick, quantity] of refunds) {
            const line = lines[pick];
            const wanted = Math.min(quantity, left.get(line.id)!);
            if (wanted === 0) continue;
            await as(admin)
              .post('/api/admin/refunds', { orderNumber: order.number, lines: [{ lineId: line.id, quantity: wanted }], reason: '破损' })
              .expect(201);
            left.set(line.id, left.get(line.id)! - wanted);
          }
          // Every unit back line by line gave back every parcel's fee too: the order is refunded already, and says so.
          const everyUnitBack = lines.every((l) => left.get(l.id) === 0);
          if (thenWhole) {
            await as(admin)
              .post('/api/admin/refunds', { orderNumber: order.number, reason: '整单退' })
              .expect(everyUnitBack ? 409 : 201);
          }

          const entries = await entriesOf(order.number);
          for (const line of lines) {
            const own = entries.filter((e) => e.lineId === line.id);
            const unitsLeft = thenWhole ? 0 : left.get(line.id)!;
            const unitPrice = line.lineTotalFen / line.quantity;
            expect(own.reduce((sum, e) => sum + e.quantity, 0)).toBe(unitsLeft);
            expect(own.reduce((sum, e) => sum + Number(e.linked), 0)).toBe(unitPrice * unitsLeft);
            const pool = own.reduce((sum, e) => sum + Number(e.pool), 0);
            if (unitsLeft === 0) expect(pool).toBe(0);
            else expect(pool).toBeGreaterThanOrEqual(0);
          }
          // A partial refund leaves a paid order paid, unless it gave back every unit (and so every parcel's fee).
          const final = (await as(buyer).get(`/api/orders/${order.number}`).expect(200)).body;
          const allBack = thenWhole || everyUnitBack;
          expect([final.status, final.refundedFen === order.totalFen]).toEqual([allBack ? 'REFUNDED' : 'PAID', allBack]);
          await expectRollupToMatchLedger();
        },
      ),
      { numRuns: 12 },
    );
  });

  it('refuses to change or remove an entry, even for the database owner', async () => {
    await paidOrder([[certified[1], 2]]);
    const [entry] = await t.sql(`SELECT id FROM attribution_entry ORDER BY id LIMIT 1`);
    for (const statement of [
      `UPDATE attribution_entry SET pool_fen = pool_fen + 1 WHERE id = ${entry.id}`,
      `DELETE FROM attribution_entry WHERE id = ${entry.id}`,
      `TRUNCATE attribution_entry CASCADE`,
    ]) {
      await expect(t.sql(statement)).rejects.toThrow(/attribution_entry is append-only/);
    }
    expect(await t.sql(`SELECT id FROM attribution_entry WHERE id = $1`, [entry.id])).toHaveLength(1);
  });

  // Near the end: it settles today as if it were over, so later payments would fall on a settled day.
  it('settles each cooperative’s pool of the day among its linked households, to the fen and only once', async () => {
    const [{ today }] = await t.sql(`SELECT to_char(qh_today(), 'YYYY-MM-DD') AS today`);
    const settlements = t.app.get(SettlementService);
    const pools = await t.sql(
      `SELECT cooperative_id, sum(pool_fen)::float8 AS pool FROM attribution_entry WHERE day = $1 GROUP BY cooperative_id`,
      [today],
    );
    expect(pools.length).toBeGreaterThan(0);

    expect(await settlements.settleThrough(today as string)).toBe(pools.length);
    expect(await settlements.settleThrough(today as string)).toBe(0);

    for (const { cooperative_id: cooperativeId, pool } of pools) {
      const [run] = await t.sql(
        `SELECT pool_fen::float8 AS pool, households, unallocated_fen::float8 AS unallocated FROM settlement_run WHERE cooperative_id = $1 AND day = $2`,
        [cooperativeId, today],
      );
      const allocations = await t.sql(
        `SELECT household_id, amount_fen::float8 AS amount, weight FROM household_allocation WHERE cooperative_id = $1 AND day = $2`,
        [cooperativeId, today],
      );
      expect(run.pool).toBe(pool);
      expect(allocations.reduce((sum, a) => sum + Number(a.amount), 0) + Number(run.unallocated)).toBe(pool);
      // Each household gets the floor or the ceiling of its exact share of the pool.
      const totalWeight = allocations.reduce((sum, a) => sum + Number(a.weight), 0);
      for (const allocation of allocations) {
        const exact = (Number(pool) * Number(allocation.weight)) / totalWeight;
        expect(Math.abs(Number(allocation.amount) - exact)).toBeLessThan(1);
      }
      const linked = await t.sql(
        `SELECT DISTINCT household_id FROM household_link WHERE cooperative_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)`,
        [cooperativeId, today],
      );
      // Only households linked that day share it (one whose share rounds to nothing gets no row).
      const linkedIds = new Set(linked.map((l) => l.household_id));
      expect(allocations.every((a) => linkedIds.has(a.household_id))).toBe(true);
      expect(Number(run.unallocated)).toBe(linked.length ? 0 : Number(pool));
    }
  });

  // Last: it digests today as if it were over, and entries written after that would no longer match it.
  it('digests each finished day, and verifying finds a row changed behind the trigger’s back', async () => {
    const [{ today }] = await t.sql(`SELECT to_char(qh_today(), 'YYYY-MM-DD') AS today`);
    const digests = t.app.get(LedgerDigestService);
    expect(await digests.digestThrough(today as string)).toBe(1);
    expect(await digests.digestThrough(today as string)).toBe(0);
    const official = await tokenFor(t, 'official');
    const verify = (token: string, query: string) =>
      request(t.url).get(`/api/impact/verify?${query}`).set('Authorization', `Bearer ${token}`);

    const clean = await verify(official, `from=${today}&to=${today}`).expect(200);
    expect(clean.body).toMatchObject({ checkedDays: 1, mismatches: [], undigestedDays: [] });
    // What the dashboard shows: the job's latest check, stored, made once per newly digested day.
    const latest = async () =>
      (await request(t.url).get('/api/impact/verification').set('Authorization', `Bearer ${official}`).expect(200)).body.latest;
    expect(await latest()).toBeNull();
    await digests.digestAndVerify();
    await digests.digestAndVerify();
    expect(await latest()).toEqual({ checkedAt: expect.stringMatching(/Z$/), from: today, to: today, checkedDays: 1, mismatchedDays: [] });
    expect(await t.sql(`SELECT 1 FROM ledger_verification`)).toHaveLength(1);
    expect((await verify(await tokenFor(t, 'buyer'), `from=${today}&to=${today}`).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await request(t.url).get(`/api/impact/verify?from=${today}&to=${today}`).expect(401)).body.code).toBe('UNAUTHORIZED');
    for (const query of ['from=2026-02-31&to=2026-03-01', `from=${today}&to=2000-01-01`, 'from=yesterday&to=today', 'from=2016-01-01']) {
      expect((await verify(official, query).expect(400)).body.code).toBe('VALIDATION_FAILED');
    }

    // A superuser disables the trigger, adds a little to one household pool, and puts the trigger back.
    const [entry] = await t.sql(`SELECT id, pool_fen::float8 AS pool FROM attribution_entry ORDER BY id LIMIT 1`);
    await t.sql(`ALTER TABLE attribution_entry DISABLE TRIGGER attribution_entry_no_update_or_delete`);
    await t.sql(`UPDATE attribution_entry SET pool_fen = pool_fen + 100 WHERE id = $1`, [entry.id]);
    await t.sql(`ALTER TABLE attribution_entry ENABLE TRIGGER attribution_entry_no_update_or_delete`);

    const tampered = (await verify(official, `from=${today}&to=${today}`).expect(200)).body;
    expect(tampered.mismatches).toEqual([
      {
        day: today,
        recorded: expect.objectContaining({ day: today }),
        recomputed: expect.objectContaining({ day: today, poolFen: tampered.mismatches[0].recorded.poolFen + 100 }),
      },
    ]);
    expect(tampered.mismatches[0].recomputed.sha256).not.toBe(tampered.mismatches[0].recorded.sha256);
    await digests.verifyAndRecord();
    expect(await latest()).toMatchObject({ checkedDays: 1, mismatchedDays: [today] });
  });
});
