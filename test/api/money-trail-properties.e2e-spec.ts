import { addDays } from '@qh/domain';
import fc from 'fast-check';
import { Client } from 'pg';
import request from 'supertest';
import { generateHistory } from '../../apps/api/src/database/seed/history';
import { SettlementService } from '../../apps/api/src/impact/settlement.service';
import { tokenFor } from '../support/accounts';
import { newCooperative, newProduct, paidOrder, type Cooperative, type Product } from '../support/builders';
import { startTestApp, type TestApp } from '../support/test-app';
import { linkedHousehold, todayOf } from '../support/trail';

interface Scenario {
  /** Per order: lines as [product index, quantity]. */
  orders: [number, number][][];
  /** Per order: nothing, a whole refund, or one unit of its first line back. */
  refunds: ('none' | 'whole' | 'unit')[];
  /** Per household (in order of creation): the amounts the cooperative tries to pay, fen. */
  payouts: number[][];
  weights: number[];
}

const scenarios = fc.record({
  orders: fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 4,
  }),
  refunds: fc.array(fc.constantFrom('none' as const, 'whole' as const, 'unit' as const), { minLength: 4, maxLength: 4 }),
  payouts: fc.array(fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 3 }), { minLength: 5, maxLength: 5 }),
  weights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 5, maxLength: 5 }),
});

/**
 * Whatever is sold, refunded, settled and paid out, for every cooperative: what reached households
 * plus what is outstanding is what was pledged, to the fen; pledged is what the ledger's pool
 * holds; no household is paid more than it was allocated; and the cooperatives' statements add up
 * to what buyers paid less what they got back.
 */
describe('the money trail always adds up', () => {
  it('paid to households + outstanding = pledged, for every cooperative, after any orders, refunds, settlements and payouts', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, async (scenario: Scenario) => {
        const t = await startTestApp();
        try {
          await check(t, scenario);
        } finally {
          await t.close();
        }
      }),
      { numRuns: 4 },
    );
  }, 240_000);
});

const STATEMENT_FIGURES = [
  'goodsFen',
  'refundedGoodsFen',
  'shippingFen',
  'refundedShippingFen',
  'platformFeeFen',
  'netPayableFen',
  'poolFen',
] as const;

/** Over a year of generated history: a cooperative's statements of any run of periods add up to the statement of the whole run. */
describe('statements over periods', () => {
  let t: TestApp;
  let admin: string;
  let cooperatives: string[];
  const FIRST_DAY = '2025-10-01';
  let lastDay: string;

  beforeAll(async () => {
    t = await startTestApp({}, { demoData: true });
    admin = await tokenFor(t, 'admin');
    lastDay = addDays(await todayOf(t), -1);
    const client = new Client({ connectionString: t.database.url });
    await client.connect();
    try {
      await generateHistory(client, { orders: 1500, seed: 17, firstDay: FIRST_DAY, lastDay });
    } finally {
      await client.end();
    }
    cooperatives = (await t.sql(`SELECT DISTINCT cooperative_id AS id FROM coop_entry ORDER BY 1`)).map((row) => row.id as string);
    expect(cooperatives.length).toBeGreaterThan(1);
  }, 120_000);
  afterAll(() => t.close());

  const statement = async (cooperativeId: string, from: string, to: string) =>
    (
      await request(t.url)
        .get(`/api/admin/cooperatives/${cooperativeId}/statement?from=${from}&to=${to}`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(200)
    ).body;

  it('adds up, for any cooperative and any cut of the days into periods, to the statement of the whole run', async () => {
    const span = Math.round((Date.parse(lastDay) - Date.parse(FIRST_DAY)) / 86_400_000);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 99 }),
        fc.uniqueArray(fc.integer({ min: 1, max: span }), { maxLength: 6 }),
        async (pick, cuts) => {
          const cooperativeId = cooperatives[pick % cooperatives.length];
          const starts = [0, ...cuts.sort((a, b) => a - b)].map((offset) => addDays(FIRST_DAY, offset));
          const parts = await Promise.all(
            starts.map((from, index) =>
              statement(cooperativeId, from, index + 1 < starts.length ? addDays(starts[index + 1], -1) : lastDay),
            ),
          );
          const whole = await statement(cooperativeId, FIRST_DAY, lastDay);
          for (const figure of STATEMENT_FIGURES) {
            expect(parts.reduce((sum, part) => sum + part[figure], 0)).toBe(whole[figure]);
          }
          expect(whole.goodsFen).toBeGreaterThan(0);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('counts in each month the goods of the cooperative’s lines paid in it', async () => {
    for (const cooperativeId of cooperatives.slice(0, 3)) {
      const { body } = await request(t.url)
        .get(`/api/admin/cooperatives/${cooperativeId}/statements?year=${FIRST_DAY.slice(0, 4)}`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);
      for (const month of body.months as { month: string; goodsFen: number; poolFen: number }[]) {
        const [expected] = await t.sql(
          `SELECT coalesce(sum(l.line_total_fen), 0)::bigint AS goods, coalesce(sum(l.pool_fen), 0)::bigint AS pool
             FROM order_line l JOIN "order" o ON o.id = l.order_id
            WHERE l.cooperative_id = $1 AND o.paid_at IS NOT NULL
              AND to_char((o.paid_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM') = $2`,
          [cooperativeId, month.month],
        );
        expect([month.month, month.goodsFen]).toEqual([month.month, Number(expected.goods)]);
        // The monthly rollup the year's statements read says what the month's entries say.
        const entries = await statement(cooperativeId, `${month.month}-01`, (month as unknown as { to: string }).to);
        for (const figure of STATEMENT_FIGURES)
          expect([month.month, figure, (month as Record<string, unknown>)[figure]]).toEqual([month.month, figure, entries[figure]]);
      }
    }
  });
});

async function check(t: TestApp, scenario: Scenario): Promise<void> {
  const admin = await tokenFor(t, 'admin');
  const official = await tokenFor(t, 'official');
  const buyer = await tokenFor(t, 'buyer');
  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) => request(t.url).post(path).set('Authorization', `Bearer ${token}`).send(body),
  });
  // Two cooperatives with households (at odd rates), one with none: its pool stays unallocated.
  const cooperatives: Cooperative[] = [
    await newCooperative(t, { benefitRateBp: 1000 }),
    await newCooperative(t, { benefitRateBp: 333 }),
    await newCooperative(t, { benefitRateBp: 777 }),
  ];
  const households = [
    ...(await Promise.all([0, 1, 2].map((i) => linkedHousehold(t, admin, cooperatives[0].id, { weight: scenario.weights[i] })))).map(
      (h) => ({ ...h, coop: 0 }),
    ),
    ...(
      await Promise.all(
        [3, 4].map((i) => linkedHousehold(t, admin, cooperatives[1].id, { weight: scenario.weights[i], status: 'MONITORED' })),
      )
    ).map((h) => ({ ...h, coop: 1 })),
  ];
  const products: Product[] = [
    await newProduct(t, cooperatives[0], { priceFen: 1999, certifiedUntil: '2099-12-31', stock: 1000 }),
    await newProduct(t, cooperatives[0], { priceFen: 1234, stock: 1000 }),
    await newProduct(t, cooperatives[1], { priceFen: 3333, certifiedUntil: '2099-12-31', stock: 1000 }),
    await newProduct(t, cooperatives[2], { priceFen: 2501, certifiedUntil: '2099-12-31', stock: 1000 }),
  ];

  const orders = [];
  for (const lines of scenario.orders) {
    orders.push(
      await paidOrder(
        t,
        buyer,
        lines.map(([product, quantity]) => ({ variantId: products[product].variantId, quantity })),
      ),
    );
  }
  for (const [index, order] of orders.entries()) {
    const kind = scenario.refunds[index];
    if (kind === 'none') continue;
    const { body } = await as(buyer).get(`/api/orders/${order.number}`).expect(200);
    const lines = kind === 'whole' ? undefined : [{ lineId: body.fulfillments[0].lines[0].id, quantity: 1 }];
    await as(admin)
      .post('/api/admin/refunds', { orderNumber: order.number, ...(lines ? { lines } : {}), reason: '测试退款' })
      .expect(201);
  }
  const today = await todayOf(t);
  await t.app.get(SettlementService).settleThrough(today);

  const month = today.slice(0, 7);
  const paid = new Map<string, number>();
  for (const [index, household] of households.entries()) {
    for (const amountFen of scenario.payouts[index]) {
      const response = await as(cooperatives[household.coop].staff).post('/api/coop/household-payouts', {
        householdId: household.id,
        period: month,
        amountFen,
        method: 'BANK',
        reference: `NX-${index}`,
        paidOn: today,
      });
      if (response.status === 201) paid.set(household.id, (paid.get(household.id) ?? 0) + amountFen);
      else expect(response.body.code).toBe('PAYOUT_EXCEEDS_ALLOCATION');
    }
  }

  const { body: trail } = await as(official)
    .get(`/api/impact/trail?year=${today.slice(0, 4)}`)
    .expect(200);
  for (const [index, cooperative] of cooperatives.entries()) {
    const [{ pool }] = await t.sql(`SELECT coalesce(sum(pool_fen), 0)::bigint AS pool FROM attribution_entry WHERE cooperative_id = $1`, [
      cooperative.id,
    ]);
    const paidFen = households.filter((h) => h.coop === index).reduce((sum, h) => sum + (paid.get(h.id) ?? 0), 0);
    const row = trail.byCooperative.find((r: { id: string }) => r.id === cooperative.id) ?? {
      pledgedFen: 0,
      paidToHouseholdsFen: 0,
      outstandingFen: 0,
    };
    expect(row.pledgedFen).toBe(Number(pool));
    expect(row.paidToHouseholdsFen).toBe(paidFen);
    expect(row.paidToHouseholdsFen + row.outstandingFen).toBe(row.pledgedFen);

    const { body: statement } = await as(cooperative.staff).get(`/api/coop/statement?from=${today}&to=${today}`).expect(200);
    expect(statement.poolFen).toBe(Number(pool));
    // The month's statement (from the monthly rollup) says what its entries say.
    const { body: year } = await as(cooperative.staff)
      .get(`/api/coop/statements?year=${today.slice(0, 4)}`)
      .expect(200);
    const { body: wholeMonth } = await as(cooperative.staff)
      .get(`/api/coop/statement?from=${month}-01&to=${year.months.at(-1).to}`)
      .expect(200);
    for (const figure of STATEMENT_FIGURES) expect(year.months.at(-1)[figure]).toBe(wholeMonth[figure]);

    const { body: own } = await as(cooperative.staff).get('/api/coop/households').expect(200);
    for (const household of own.items) {
      expect(household.paidFen).toBe(paid.get(household.id) ?? 0);
      expect(household.outstandingFen).toBe(household.allocatedFen - household.paidFen);
      // Never more than allocated (a day's allocation may be negative only when its refunds outweigh its sales).
      if (household.allocatedFen >= 0) expect(household.outstandingFen).toBeGreaterThanOrEqual(0);
    }
  }
  expect(trail.paidToHouseholdsFen + trail.outstandingFen).toBe(trail.pledgedFen);

  // What the marketplace owes the cooperatives is what buyers paid less what went back to them.
  let keptFen = 0;
  for (const order of orders) {
    const { body } = await as(buyer).get(`/api/orders/${order.number}`).expect(200);
    const refunded = (body.refunds as { amountFen: number; status: string }[])
      .filter((r) => r.status === 'SUCCEEDED')
      .reduce((sum, r) => sum + r.amountFen, 0);
    keptFen += body.totalFen - refunded;
  }
  let owedFen = 0;
  for (const cooperative of cooperatives) {
    const { body } = await as(cooperative.staff).get(`/api/coop/statement?from=${today}&to=${today}`).expect(200);
    expect(body.netPayableFen).toBe(
      body.goodsFen - body.refundedGoodsFen + body.shippingFen - body.refundedShippingFen - body.platformFeeFen,
    );
    owedFen += body.netPayableFen;
  }
  expect(owedFen).toBe(keptFen);
}
