import { addDays, progressBp, straightLinePathFen } from '@qh/domain';
import fc from 'fast-check';
import request from 'supertest';
import { tokenFor } from '../support/accounts';
import { newCooperative, newProduct, paidOrder, shipPart, type Cooperative, type Product } from '../support/builders';
import { verifiedCanteen, type Canteen } from '../support/organisations';
import { rollupsOf } from '../support/rollups';
import { startTestApp, type TestApp } from '../support/test-app';

interface Part {
  id: string;
  lines: { id: string; variantId: string; quantity: number }[];
}
interface Order {
  number: string;
  totalFen: number;
  fulfillments: Part[];
}

/**
 * Reserved-share progress: what each organisation bought in a year, net of refunds, kept as a rollup
 * in the transaction of the payment, the transfer and the refund; its own page, and the officials'
 * league table with its totals, its CSV and the institutions' share of the marketplace.
 */
describe('reserved-share progress', () => {
  let t: TestApp;
  let admin: string;
  let official: string;
  let coops: Cooperative[];
  let eggs: Product;
  let noodles: Product;
  let today: string;
  let year: number;
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await tokenFor(t, 'admin');
    official = await tokenFor(t, 'official');
    today = t.clock.today();
    year = Number(today.slice(0, 4));
    coops = [await newCooperative(t), await newCooperative(t)];
    eggs = await newProduct(t, coops[0], {
      priceFen: 43_800,
      stock: 100_000,
      certifiedUntil: addDays(today, 365),
      fields: { category: 'EGG', shippingClass: 'CHILLED', titleZh: '土鸡蛋 整箱', titleEn: 'Eggs, case' },
    });
    // Not certified: it counts towards the target, not towards the certified part.
    noodles = await newProduct(t, coops[1], { priceFen: 6_533, stock: 100_000 });
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}, key?: string) => {
      const call = request(t.url).post(path).set('Authorization', `Bearer ${token}`);
      return (key ? call.set('Idempotency-Key', key) : call).send(body);
    },
    put: (path: string, body: object) => request(t.url).put(path).set('Authorization', `Bearer ${token}`).send(body),
  });

  async function place(org: Canteen, lines: { variantId: string; quantity: number }[]): Promise<Order> {
    serial += 1;
    const { body } = await as(org.manager.token)
      .post('/api/org/orders', { siteId: org.siteId, deliveryOn: addDays(today, 4), lines }, `progress-${serial}`)
      .expect(201);
    return body;
  }

  async function ship(order: Order): Promise<void> {
    for (const part of order.fulfillments)
      await shipPart(t, (part.lines[0].variantId === eggs.variantId ? coops[0] : coops[1]).staff, part.id);
  }

  /** An admin gives back up to `quantity` units of one of the order's lines, as many as it still holds (none: nothing happens). */
  async function refundLine(org: Canteen, order: Order, pick: number, quantity: number): Promise<void> {
    const { body } = await as(org.manager.token).get(`/api/org/orders/${order.number}`).expect(200);
    const lines: { id: string; quantity: number; refundedQuantity: number }[] = body.fulfillments.flatMap(
      (part: { lines: unknown[] }) => part.lines,
    );
    const line = lines[pick % lines.length];
    const units = Math.min(quantity, line.quantity - line.refundedQuantity);
    if (units === 0) return;
    await as(admin)
      .post('/api/admin/refunds', { orderNumber: order.number, lines: [{ lineId: line.id, quantity: units }], reason: '破损' })
      .expect(201);
  }

  const progressOf = async (org: Canteen) => (await as(org.manager.token).get('/api/org/progress').expect(200)).body;

  /** This year's purchases of the organisation, as the orders, payments and refunds imply them. */
  async function recomputedAchieved(organisationId: string): Promise<{ achievedFen: number; linkedSalesFen: number }> {
    const { recomputed } = await rollupsOf(t);
    const rows = (
      recomputed.organisationMonthly as { organisation_id: string; month: Date; gmv_fen: string; linked_sales_fen: string }[]
    ).filter((row) => row.organisation_id === organisationId && row.month.getFullYear() === year);
    return {
      achievedFen: rows.reduce((sum, row) => sum + Number(row.gmv_fen), 0),
      linkedSalesFen: rows.reduce((sum, row) => sum + Number(row.linked_sales_fen), 0),
    };
  }

  it('equals a recomputation from orders, payments and refunds after random orders, credits, transfers and refunds (property)', async () => {
    const org = await verifiedCanteen(t, admin, { terms: { paymentDays: 30, creditLimitFen: 100_000_000 } });
    const online = await verifiedCanteen(t, admin);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 25 })), { minLength: 1, maxLength: 3 }),
        fc.option(fc.tuple(fc.nat(5), fc.integer({ min: 1, max: 5 }))),
        fc.nat(3),
        fc.integer({ min: 0, max: 99 }),
        fc.option(fc.tuple(fc.nat(5), fc.integer({ min: 1, max: 40 }))),
        fc.boolean(),
        async (quantities, credit, settled, partPercent, refund, onlineWhole) => {
          // Orders on account, delivered; perhaps a credit for goods found short before payment.
          const orders: Order[] = [];
          for (const [eggCases, noodleBags] of quantities) {
            const lines = [{ variantId: eggs.variantId, quantity: eggCases }];
            if (noodleBags) lines.push({ variantId: noodles.variantId, quantity: noodleBags });
            const order = await place(org, lines);
            await ship(order);
            orders.push(order);
          }
          if (credit) await refundLine(org, orders[credit[0] % orders.length], credit[1], credit[1]);

          // A transfer pays the oldest orders in full and, perhaps, part of the next.
          const dues = await Promise.all(
            orders.map(async (order) => {
              const { body } = await as(org.manager.token).get(`/api/org/orders/${order.number}`).expect(200);
              return body.totalFen - body.refundedFen;
            }),
          );
          const whole = Math.min(settled, orders.length);
          const partFen = whole < orders.length ? Math.floor((dues[whole] * partPercent) / 100) : 0;
          const amountFen = dues.slice(0, whole).reduce((sum, due) => sum + due, 0) + partFen;
          if (amountFen > 0) {
            await as(admin)
              .post('/api/admin/transfers', {
                organisationId: org.id,
                amountFen,
                receivedOn: today,
                reference: `BOC-${serial}-${Date.now()}`,
                orderNumbers: orders.map((order) => order.number),
              })
              .expect(201);
          }
          // A refund after payment, of goods delivered.
          if (refund && whole > 0) await refundLine(org, orders[refund[0] % whole], refund[0], refund[1]);

          // An organisation paying online, refunded in part or in full.
          const bought = await place(online, [{ variantId: eggs.variantId, quantity: quantities[0][0] }]);
          await as(online.manager.token).post(`/api/payments/demo/${bought.number}/pay`).expect(200);
          await as(admin)
            .post(
              '/api/admin/refunds',
              onlineWhole
                ? { orderNumber: bought.number, reason: '整单' }
                : { orderNumber: bought.number, lines: [{ lineId: bought.fulfillments[0].lines[0].id, quantity: 1 }], reason: '破损' },
            )
            .expect(201);

          const { stored, recomputed } = await rollupsOf(t);
          expect(stored).toEqual(recomputed);
          for (const canteen of [org, online]) {
            const progress = await progressOf(canteen);
            expect({ achievedFen: progress.achievedFen, linkedSalesFen: progress.linkedSalesFen }).toEqual(
              await recomputedAchieved(canteen.id),
            );
          }
        },
      ),
      { numRuns: 6 },
    );
  });

  it('shows the organisation its target, what it bought, the pace, what is ordered but unpaid, and nobody else’s', async () => {
    const org = await verifiedCanteen(t, admin, { terms: { paymentDays: 30, creditLimitFen: 100_000_000 } });
    const other = await verifiedCanteen(t, admin);
    const empty = await progressOf(org);
    expect(empty).toMatchObject({
      organisationId: org.id,
      year,
      plan: null,
      achievedFen: 0,
      progressBp: null,
      remainingFen: null,
      lastOrderDay: null,
    });
    expect(empty.months).toHaveLength(12);

    await as(org.manager.token).put(`/api/org/plans/${year}`, { budgetFen: 5_000_000_00, shareBp: 1_500 }).expect(200);
    const paid = await place(org, [{ variantId: eggs.variantId, quantity: 100 }]);
    await ship(paid);
    const unpaid = await place(org, [{ variantId: noodles.variantId, quantity: 30 }]);
    // Ordered, not paid: it does not count yet.
    let progress = await progressOf(org);
    expect(progress).toMatchObject({ achievedFen: 0, pending: { orders: 2, goodsFen: 100 * 43_800 + 30 * 6_533 }, lastOrderDay: today });

    await as(admin)
      .post('/api/admin/transfers', {
        organisationId: org.id,
        amountFen: paid.totalFen,
        receivedOn: today,
        reference: `ICBC-${serial}-${Date.now()}`,
        orderNumbers: [paid.number],
      })
      .expect(201);
    progress = await progressOf(org);
    const targetFen = 75_000_000;
    const achievedFen = 100 * 43_800;
    const month = Number(today.slice(5, 7));
    expect(progress).toMatchObject({
      plan: { noCanteen: false, budgetFen: 5_000_000_00, shareBp: 1_500, targetFen },
      achievedFen,
      linkedSalesFen: achievedFen,
      progressBp: progressBp(achievedFen, targetFen),
      remainingFen: targetFen - achievedFen,
      pending: { orders: 1, goodsFen: 30 * 6_533 },
    });
    expect(progress.months[month - 1]).toEqual({
      month,
      gmvFen: achievedFen,
      linkedSalesFen: achievedFen,
      achievedFen,
      pathFen: straightLinePathFen(targetFen, year, month),
    });
    expect(progress.months[11]).toMatchObject({ achievedFen, pathFen: targetFen });
    expect(unpaid.number).toBeTruthy();

    // Another organisation's member sees only theirs; officials see any; a bad year is a clear 400.
    expect((await progressOf(other)).achievedFen).toBe(0);
    const seen = await as(official).get(`/api/impact/organisations/${org.id}/progress?year=${year}`).expect(200);
    expect(seen.body.achievedFen).toBe(achievedFen);
    expect((await as(org.manager.token).get(`/api/impact/organisations/${org.id}/progress`).expect(403)).body.code).toBe('FORBIDDEN');
    const bad = await as(org.manager.token).get('/api/org/progress?year=twenty');
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const lastYear = await as(org.manager.token)
      .get(`/api/org/progress?year=${year - 1}`)
      .expect(200);
    expect(lastYear.body).toMatchObject({ year: year - 1, achievedFen: 0, lastOrderDay: null });
  });

  it('ranks every organisation lagging first, with filters, totals that add up, a CSV, and the institutions’ share of the marketplace', async () => {
    const types = ['SCHOOL', 'HOSPITAL'];
    const ahead = await verifiedCanteen(t, admin, { districtCode: '440104', type: types[0] });
    const behind = await verifiedCanteen(t, admin, { districtCode: '440104', type: types[1] });
    const noPlan = await verifiedCanteen(t, admin, { districtCode: '440105', type: types[0] });
    await as(ahead.manager.token).put(`/api/org/plans/${year}`, { budgetFen: 10_000_00 }).expect(200);
    await as(behind.manager.token).put(`/api/org/plans/${year}`, { budgetFen: 100_000_000_00 }).expect(200);
    for (const org of [ahead, behind, noPlan]) {
      const order = await place(org, [{ variantId: noodles.variantId, quantity: 10 }]);
      await as(org.manager.token).post(`/api/payments/demo/${order.number}/pay`).expect(200);
    }
    // A household's purchase counts for the marketplace, not for any organisation.
    await paidOrder(t, await tokenFor(t, 'buyer'), [{ variantId: noodles.variantId, quantity: 2 }]);

    const { body: table } = await as(official).get(`/api/impact/institutions?year=${year}`).expect(200);
    const rowOf = (org: Canteen) => table.items.find((row: { organisationId: string }) => row.organisationId === org.id);
    expect(rowOf(behind).progressBp).toBeLessThan(rowOf(ahead).progressBp);
    expect(table.items.indexOf(rowOf(behind))).toBeLessThan(table.items.indexOf(rowOf(ahead)));
    expect(table.items.indexOf(rowOf(ahead))).toBeLessThan(table.items.indexOf(rowOf(noPlan)));
    expect(rowOf(noPlan)).toMatchObject({ plan: null, progressBp: null, achievedFen: 10 * 6_533, lastOrderDay: today });
    expect(rowOf(ahead)).toMatchObject({ districtCode: '440104', type: 'SCHOOL', plan: { targetFen: 1_000_00 }, progressBp: 6_533 });

    type Row = {
      achievedFen: number;
      linkedSalesFen: number;
      gmvFen?: number;
      progressBp?: number | null;
      districtCode: string;
      type: string;
      plan: { targetFen: number | null; budgetFen: number | null } | null;
    };
    const sum = (rows: Row[], figure: (row: Row) => number) => rows.reduce((total: number, row) => total + figure(row), 0);
    const items: Row[] = table.items;
    expect(table.total).toMatchObject({
      organisations: items.length,
      achievedFen: sum(items, (row) => row.achievedFen),
      linkedSalesFen: sum(items, (row) => row.linkedSalesFen),
      targetFen: sum(items, (row) => row.plan?.targetFen ?? 0),
      budgetFen: sum(items, (row) => row.plan?.budgetFen ?? 0),
    });
    // Progress towards the targets counts only what the organisations with a target bought.
    const onTarget = sum(
      items.filter((row) => row.progressBp !== null),
      (row) => row.achievedFen,
    );
    expect(table.total).toMatchObject({ achievedOnTargetFen: onTarget, progressBp: progressBp(onTarget, table.total.targetFen) });
    for (const district of table.byDistrict) {
      expect(district.achievedFen).toBe(
        sum(
          items.filter((row) => row.districtCode === district.key),
          (row) => row.achievedFen,
        ),
      );
    }
    expect(sum(table.byDistrict, (row) => row.achievedFen)).toBe(table.total.achievedFen);
    expect(sum(table.byType, (row) => row.achievedFen)).toBe(table.total.achievedFen);

    // Institutions bought exactly what the league table adds up; with households, the dashboard's GMV.
    const { body: buyers } = await as(official).get(`/api/impact/buyers?year=${year}`).expect(200);
    const { body: summary } = await as(official).get(`/api/impact/summary?from=${year}-01-01&to=${year}-12-31`).expect(200);
    expect(buyers.byKind[0]).toMatchObject({ key: 'INSTITUTION', gmvFen: table.total.achievedFen });
    expect(table.marketplace).toEqual({
      gmvFen: summary.gmvFen,
      institutionFen: table.total.achievedFen,
      householdFen: buyers.byKind[1].gmvFen,
      institutionShareBp: progressBp(table.total.achievedFen, summary.gmvFen),
    });
    expect(buyers.gmvFen).toBe(summary.gmvFen);
    expect(sum(buyers.byDistrict, (row) => row.gmvFen!)).toBe(summary.gmvFen);

    // Filters: one district, one type.
    const { body: filtered } = await as(official).get(`/api/impact/institutions?year=${year}&districtCode=440104&type=SCHOOL`).expect(200);
    expect(filtered.items.every((row: Row) => row.districtCode === '440104' && row.type === 'SCHOOL')).toBe(true);
    expect(filtered.items.map((row: { organisationId: string }) => row.organisationId)).toContain(ahead.id);
    expect(filtered.total.achievedFen).toBe(sum(filtered.items, (row) => row.achievedFen));
    const bad = await as(official).get(`/api/impact/institutions?type=PALACE`);
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);

    // The CSV: a byte-order mark, a header, a row per organisation and the total, as on screen.
    const csv = await as(official).get(`/api/impact/institutions/export.csv?year=${year}&districtCode=440104`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv; charset=utf-8/);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const { body: screen } = await as(official).get(`/api/impact/institutions?year=${year}&districtCode=440104`).expect(200);
    const csvRows = csv.text.slice(1).trim().split('\r\n');
    expect(csvRows).toHaveLength(1 + screen.items.length + 1);
    const totalRow = csvRows.at(-1)!.split(',');
    expect(totalRow[0]).toBe('合计');
    expect(totalRow[7]).toBe((screen.total.achievedFen / 100).toFixed(2));

    // Buyers cannot read it.
    expect((await as(ahead.manager.token).get('/api/impact/institutions').expect(403)).body.code).toBe('FORBIDDEN');
  });
});
