import { addDays, reversalShareFen } from '@qh/domain';
import request from 'supertest';
import { StatementsService } from '../../apps/api/src/billing/statements.service';
import { tokenFor } from '../support/accounts';
import { newCooperative, newProduct, type Cooperative, type Product } from '../support/builders';
import { joinedMember, organisationCreditCode, signedInBuyer } from '../support/organisations';
import { startTestApp, type TestApp } from '../support/test-app';

interface Part {
  id: string;
  itemsFen: number;
  feeFen: number;
  lines: { id: string; variantId: string; unitPriceFen: number; quantity: number }[];
}

/**
 * Payment on account: an organisation with credit terms orders without paying, the cooperatives
 * deliver at once, statements list deliveries, credits and transfers, and a bank transfer recorded by
 * an admin pays the orders it covers, which only then enter the ledger, exactly once.
 */
describe('payment on account', () => {
  let t: TestApp;
  let admin: string;
  let eggCoop: Cooperative;
  let noodleCoop: Cooperative;
  let eggs: Product;
  let noodles: Product;
  let today: string;
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await tokenFor(t, 'admin');
    today = t.clock.today();
    eggCoop = await newCooperative(t);
    noodleCoop = await newCooperative(t);
    const certifiedUntil = addDays(today, 365);
    eggs = await newProduct(t, eggCoop, {
      priceFen: 43800,
      stock: 2000,
      certifiedUntil,
      fields: { category: 'EGG', shippingClass: 'CHILLED', titleZh: '土鸡蛋 食堂整箱', titleEn: 'Eggs, canteen case' },
    });
    noodles = await newProduct(t, noodleCoop, { priceFen: 6500, stock: 2000, certifiedUntil });
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}, key?: string) => {
      const call = request(t.url).post(path).set('Authorization', `Bearer ${token}`);
      return (key ? call.set('Idempotency-Key', key) : call).send(body);
    },
    put: (path: string, body: object) => request(t.url).put(path).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) => request(t.url).patch(path).set('Authorization', `Bearer ${token}`).send(body),
    delete: (path: string) => request(t.url).delete(path).set('Authorization', `Bearer ${token}`),
  });

  /** A verified canteen whose manager also buys, approves, receives and pays; with credit terms unless `terms` is null. */
  async function canteen(options: { terms?: { paymentDays: number; creditLimitFen: number } | null; thresholdFen?: number } = {}) {
    serial += 1;
    const manager = await signedInBuyer(t, 'manager');
    const { body: organisation } = await as(manager.token)
      .post('/api/org', {
        name: `记账测试饭堂${serial}`,
        creditCode: organisationCreditCode('11'),
        type: 'GOVERNMENT',
        districtCode: '440106',
        budgetUnit: true,
        hasCanteen: true,
        contactName: '李建华',
        contactMobile: '13800138000',
      })
      .expect(201);
    await as(admin).post(`/api/admin/organisations/${organisation.id}/verify`).expect(200);
    await as(manager.token)
      .patch(`/api/org/members/${manager.id}`, { roles: ['MANAGER', 'PURCHASER', 'APPROVER', 'RECEIVER', 'FINANCE'] })
      .expect(200);
    await as(manager.token)
      .patch('/api/org', { approvalThresholdFen: options.thresholdFen ?? 10_000_000_00 })
      .expect(200);
    const { body: site } = await as(manager.token)
      .post('/api/org/sites', {
        name: '机关一食堂',
        districtCode: '440106',
        street: '天府路 1 号',
        contactName: '王',
        contactMobile: '13900139000',
        receivingWindows: [],
      })
      .expect(201);
    const terms = options.terms === undefined ? { paymentDays: 30, creditLimitFen: 5_000_000 } : options.terms;
    if (terms) await as(admin).put(`/api/admin/organisations/${organisation.id}/credit-terms`, terms).expect(200);
    return { id: organisation.id as string, manager, siteId: site.id as string };
  }

  type Canteen = Awaited<ReturnType<typeof canteen>>;

  const place = (org: Canteen, lines: { variantId: string; quantity: number }[]) =>
    as(org.manager.token).post(
      '/api/org/orders',
      { siteId: org.siteId, deliveryOn: addDays(today, 4), lines },
      `on-account-${serial}-${Math.random().toString(36).slice(2)}`,
    );

  async function ship(parts: Part[]): Promise<void> {
    for (const part of parts) {
      const coop = part.lines[0].variantId === eggs.variantId ? eggCoop : noodleCoop;
      await as(coop.staff)
        .post(`/api/coop/fulfillments/${part.id}/ship`, { carrier: '顺丰速运', trackingNo: `SF${String(Date.now()).slice(-12)}${serial}` })
        .expect(200);
    }
  }

  const ledgerOf = (numbers: string[]) =>
    t.sql(
      `SELECT o.number, e.kind, e.quantity, e.linked_sales_fen::int AS linked FROM attribution_entry e JOIN "order" o ON o.id = e.order_id
        WHERE o.number = ANY($1) ORDER BY o.number, e.id`,
      [numbers],
    );
  const stockOf = async (variantId: string) =>
    Number((await t.sql(`SELECT stock FROM product_variant WHERE id = $1`, [variantId]))[0].stock);

  it('issues the month-end statement once, with what was delivered up to the month end, and tells finance', async () => {
    const org = await canteen();
    const placed = (await place(org, [{ variantId: noodles.variantId, quantity: 4 }]).expect(201)).body;
    await ship(placed.fulfillments);
    // Delivered last month.
    await t.sql(
      `UPDATE fulfillment SET shipped_at = shipped_at - interval '40 days' WHERE order_id = (SELECT id FROM "order" WHERE number = $1)`,
      [placed.number],
    );
    const statements = t.app.get(StatementsService);
    await Promise.all([statements.issueMonthly(), statements.issueMonthly()]);
    await statements.issueMonthly();
    const { body } = await as(org.manager.token).get('/api/org/statements').expect(200);
    const monthEnd = addDays(`${today.slice(0, 7)}-01`, -1);
    expect(body.items).toEqual([
      expect.objectContaining({ periodTo: monthEnd, dueOn: addDays(monthEnd, 30), closingFen: placed.totalFen }),
    ]);
    const told = await t.sql(`SELECT payload FROM notification_outbox WHERE topic = 'STATEMENT_ISSUED' AND account_id = $1`, [
      org.manager.id,
    ]);
    expect(told.map((row) => row.payload)).toEqual([
      expect.objectContaining({ statementNumber: body.items[0].number, dueOn: addDays(monthEnd, 30) }),
    ]);
  });

  it('grants terms only to a verified organisation, and audits them', async () => {
    const manager = await signedInBuyer(t, 'manager');
    const { body: pending } = await as(manager.token)
      .post('/api/org', {
        name: '未审核单位',
        creditCode: organisationCreditCode('12'),
        type: 'PUBLIC_INSTITUTION',
        districtCode: '440106',
        budgetUnit: false,
        hasCanteen: true,
        contactName: '李',
        contactMobile: '13800138000',
      })
      .expect(201);
    const refused = await as(admin).put(`/api/admin/organisations/${pending.id}/credit-terms`, { paymentDays: 30, creditLimitFen: 100 });
    expect([refused.status, refused.body.code]).toEqual([409, 'ORGANISATION_STATUS_CONFLICT']);
    expect((await as(manager.token).put(`/api/admin/organisations/${pending.id}/credit-terms`, {}).expect(403)).body.code).toBe(
      'FORBIDDEN',
    );

    const org = await canteen({ terms: { paymentDays: 45, creditLimitFen: 1_000_000 } });
    const account = await as(org.manager.token).get('/api/org/account').expect(200);
    expect(account.body).toMatchObject({
      terms: { paymentDays: 45, creditLimitFen: 1_000_000 },
      owedFen: 0,
      overdueFen: 0,
      availableFen: 1_000_000,
      latestStatement: null,
    });
    const withdrawn = await as(admin).delete(`/api/admin/organisations/${org.id}/credit-terms`).expect(200);
    expect(withdrawn.body.terms).toBeNull();
    expect((await as(admin).delete(`/api/admin/organisations/${org.id}/credit-terms`).expect(409)).body.code).toBe('NO_CREDIT_TERMS');
    const actions = await t.sql(`SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'organisation.credit%' ORDER BY id`, [
      org.id,
    ]);
    expect(actions.map((row) => row.action)).toEqual(['organisation.credit_terms_granted', 'organisation.credit_terms_withdrawn']);
  });

  it('confirms an order on account at once: the cooperatives see it, nobody is asked to pay, and the ledger waits', async () => {
    const org = await canteen();
    const placed = await place(org, [{ variantId: eggs.variantId, quantity: 3 }]).expect(201);
    expect(placed.body).toMatchObject({ status: 'ON_ACCOUNT', onAccount: true, paidAt: null, payment: { provider: 'account' } });
    const demo = await as(org.manager.token).post(`/api/payments/demo/${placed.body.number}/pay`);
    expect(demo.status).toBeGreaterThanOrEqual(400);
    expect((await as(org.manager.token).get(`/api/org/orders/${placed.body.number}`).expect(200)).body.status).toBe('ON_ACCOUNT');

    const shipments = await as(eggCoop.staff).get(`/api/coop/fulfillments?id=${placed.body.fulfillments[0].id}`).expect(200);
    expect(shipments.body.items).toHaveLength(1);
    await ship(placed.body.fulfillments);
    expect((await as(org.manager.token).get(`/api/org/orders/${placed.body.number}`).expect(200)).body.status).toBe('SHIPPED');
    expect(await ledgerOf([placed.body.number])).toEqual([]);
    const account = await as(org.manager.token).get('/api/org/account').expect(200);
    expect(account.body).toMatchObject({ owedFen: placed.body.totalFen, unbilledFen: placed.body.totalFen });
  });

  it('holds an order at the threshold for approval; approved, it goes on account and to the cooperatives', async () => {
    const org = await canteen({ thresholdFen: 0 });
    const placed = await place(org, [{ variantId: noodles.variantId, quantity: 5 }]).expect(201);
    expect(placed.body).toMatchObject({ status: 'AWAITING_APPROVAL', onAccount: true, payment: null });
    const partId = placed.body.fulfillments[0].id;
    expect((await as(noodleCoop.staff).get(`/api/coop/fulfillments?id=${partId}`).expect(200)).body.items).toEqual([]);

    const approved = await as(org.manager.token).post(`/api/org/orders/${placed.body.number}/approve`).expect(200);
    expect(approved.body).toMatchObject({ status: 'ON_ACCOUNT', payment: { provider: 'account', status: 'PENDING' } });
    expect((await as(noodleCoop.staff).get(`/api/coop/fulfillments?id=${partId}`).expect(200)).body.items).toHaveLength(1);
    const [told] = await t.sql(
      `SELECT payload FROM notification_outbox WHERE topic = 'ORDER_APPROVED' AND order_id = (SELECT id FROM "order" WHERE number = $1)`,
      [placed.body.number],
    );
    expect(told.payload).toMatchObject({ onAccount: true });

    // Called off before it ships: the stock goes back and the account owes nothing for it.
    const stock = await stockOf(noodles.variantId);
    const cancelled = await as(org.manager.token).post(`/api/org/orders/${placed.body.number}/cancel`).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', payment: { provider: 'account', status: 'CANCELLED' } });
    expect(await stockOf(noodles.variantId)).toBe(stock + 5);
    expect((await as(org.manager.token).get('/api/org/account').expect(200)).body.owedFen).toBe(0);
  });

  it('credits only delivered goods on account: what has not shipped is cancelled, not credited', async () => {
    const org = await canteen();
    const placed = (
      await place(org, [
        { variantId: eggs.variantId, quantity: 2 },
        { variantId: noodles.variantId, quantity: 150 },
      ]).expect(201)
    ).body;
    const eggPart: Part = placed.fulfillments.find((f: Part) => f.lines[0].variantId === eggs.variantId);
    const noodlePart: Part = placed.fulfillments.find((f: Part) => f.lines[0].variantId === noodles.variantId);
    await ship([noodlePart]);
    const refund = (lineId: string, quantity: number) =>
      as(admin).post('/api/admin/refunds', { orderNumber: placed.number, lines: [{ lineId, quantity }], reason: '核对后退回' });
    const notYet = await refund(eggPart.lines[0].id, 1);
    expect([notYet.status, notYet.body.code]).toEqual([409, 'ORDER_NOT_DELIVERED']);
    // A bulk line gives back more than a shop's line could hold (99).
    const credited = await refund(noodlePart.lines[0].id, 120);
    expect(credited.status).toBe(201);
    expect(credited.body).toMatchObject({ status: 'SUCCEEDED', amountFen: 120 * noodlePart.lines[0].unitPriceFen });
    expect(await ledgerOf([placed.number])).toEqual([]);
  });

  it('refuses an order that would go above the limit, taking nothing; and any order while a statement is overdue, until it is paid', async () => {
    const org = await canteen({ terms: { paymentDays: 30, creditLimitFen: 300_000 } });
    const first = await place(org, [{ variantId: noodles.variantId, quantity: 20 }]).expect(201);
    const before = await stockOf(eggs.variantId);
    const refused = await place(org, [{ variantId: eggs.variantId, quantity: 5 }]);
    expect([refused.status, refused.body.code]).toEqual([409, 'CREDIT_LIMIT_EXCEEDED']);
    expect(await stockOf(eggs.variantId)).toBe(before);
    expect((await t.sql(`SELECT count(*)::int AS n FROM "order" WHERE organisation_id = $1`, [org.id]))[0].n).toBe(1);

    // Delivered and stated; the statement then falls due without a transfer.
    await ship(first.body.fulfillments);
    const statement = await as(org.manager.token).post('/api/org/statements').expect(201);
    expect(statement.body.closingFen).toBe(first.body.totalFen);
    await t.sql(`UPDATE statement SET due_on = qh_today() - 1 WHERE number = $1`, [statement.body.number]);
    const overdue = await place(org, [{ variantId: noodles.variantId, quantity: 1 }]);
    expect([overdue.status, overdue.body.code]).toEqual([409, 'CREDIT_OVERDUE']);
    expect((await as(org.manager.token).get('/api/org/account').expect(200)).body).toMatchObject({
      overdueFen: first.body.totalFen,
      availableFen: 0,
    });

    // Part of it arrives: still overdue, the order not yet paid. The rest arrives: ordering goes on.
    const part = await as(admin)
      .post('/api/admin/transfers', { organisationId: org.id, amountFen: 1000, receivedOn: today, reference: `PART-${serial}` })
      .expect(201);
    expect(part.body).toMatchObject({
      allocations: [{ orderNumber: first.body.number, amountFen: 1000 }],
      settledOrders: [],
      unappliedFen: 0,
    });
    expect((await place(org, [{ variantId: noodles.variantId, quantity: 1 }])).body.code).toBe('CREDIT_OVERDUE');
    const rest = await as(admin)
      .post('/api/admin/transfers', {
        organisationId: org.id,
        amountFen: first.body.totalFen - 1000 + 500,
        receivedOn: today,
        reference: `REST-${serial}`,
      })
      .expect(201);
    expect(rest.body).toMatchObject({ settledOrders: [first.body.number], unappliedFen: 500 });
    await place(org, [{ variantId: noodles.variantId, quantity: 1 }]).expect(201);
  });

  it('states deliveries and a shortfall credit; a transfer recorded twice at once pays both orders and writes their ledger once', async () => {
    const org = await canteen();
    const purchaser = await joinedMember(t, org.manager.token, ['PURCHASER']);
    const a = (
      await place(org, [
        { variantId: eggs.variantId, quantity: 30 },
        { variantId: noodles.variantId, quantity: 10 },
      ]).expect(201)
    ).body;
    const b = (await place(org, [{ variantId: eggs.variantId, quantity: 20 }]).expect(201)).body;
    await ship([...a.fulfillments, ...b.fulfillments]);

    // The receiver finds one case short on A's eggs; an admin grants it: a credit, at once, and still nothing in the ledger.
    const eggPart: Part = a.fulfillments.find((f: Part) => f.lines[0].variantId === eggs.variantId);
    const caseFen = eggPart.lines[0].unitPriceFen;
    await as(org.manager.token)
      .post(`/api/org/orders/${a.number}/fulfillments/${eggPart.id}/acceptance`, {
        lines: [{ lineId: eggPart.lines[0].id, acceptedQuantity: 29, reason: 'SHORT' }],
      })
      .expect(200);
    const { body: queue } = await as(admin).get('/api/admin/shortfalls?status=PENDING&limit=100').expect(200);
    const claim = queue.items.find((item: { orderNumber: string }) => item.orderNumber === a.number);
    await as(admin).post(`/api/admin/shortfalls/${claim.id}/refund`).expect(200);
    const credited = (await as(org.manager.token).get(`/api/org/orders/${a.number}`).expect(200)).body;
    expect(credited).toMatchObject({ refundedFen: caseFen, paidAt: null });
    expect(credited.refunds).toEqual([expect.objectContaining({ kind: 'SHORTFALL', status: 'SUCCEEDED', amountFen: caseFen })]);
    expect(await ledgerOf([a.number, b.number])).toEqual([]);

    // Statements are for finance and managers; the statement lists three deliveries and the credit.
    expect((await as(purchaser.token).get('/api/org/statements').expect(403)).body.code).toBe('ORGANISATION_ROLE_REQUIRED');
    const { body: statement } = await as(org.manager.token).post('/api/org/statements').expect(201);
    const parts: Part[] = [...a.fulfillments, ...b.fulfillments];
    const chargesFen = parts.reduce((sum, part) => sum + part.itemsFen + part.feeFen, 0);
    expect(statement).toMatchObject({
      periodFrom: null,
      periodTo: today,
      dueOn: addDays(today, 30),
      openingFen: 0,
      chargesFen,
      creditsFen: caseFen,
      paymentsFen: 0,
      closingFen: chargesFen - caseFen,
    });
    expect(statement.items.map((item: { kind: string; orderNumber: string }) => [item.kind, item.orderNumber]).sort()).toEqual(
      [
        ['CHARGE', a.number],
        ['CHARGE', a.number],
        ['CHARGE', b.number],
        ['CREDIT', a.number],
      ].sort(),
    );
    expect((await as(org.manager.token).post('/api/org/statements').expect(409)).body.code).toBe('STATEMENT_NOTHING_NEW');
    const csv = await as(org.manager.token).get(`/api/org/statements/${statement.number}/csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.trim().split('\r\n')).toHaveLength(1 + 4 + 2);
    expect(csv.text).toContain(((chargesFen - caseFen) / 100).toFixed(2));

    // Another organisation's finance sees none of it.
    const other = await canteen();
    expect((await as(other.manager.token).get(`/api/org/statements/${statement.number}`).expect(404)).body.code).toBe(
      'STATEMENT_NOT_FOUND',
    );
    expect((await as(other.manager.token).get('/api/org/statements').expect(200)).body.items).toEqual([]);

    // The bank transfer, recorded twice at the same moment: one is recorded, the other refused.
    const transfer = {
      organisationId: org.id,
      amountFen: statement.closingFen,
      receivedOn: today,
      reference: `ICBC-${serial}-${Date.now()}`,
      statementNumber: statement.number,
    };
    const [one, two] = await Promise.all([
      as(admin).post('/api/admin/transfers', transfer),
      as(admin).post('/api/admin/transfers', transfer),
    ]);
    expect([one.status, two.status].sort()).toEqual([201, 409]);
    const recorded = [one, two].find((response) => response.status === 201)!.body;
    expect([one, two].find((response) => response.status === 409)!.body.code).toBe('TRANSFER_ALREADY_RECORDED');
    expect(recorded).toMatchObject({ settledOrders: [a.number, b.number], unappliedFen: 0, statementNumber: statement.number });

    for (const order of [a, b]) {
      const paid = (await as(org.manager.token).get(`/api/org/orders/${order.number}`).expect(200)).body;
      expect(paid).toMatchObject({ status: 'SHIPPED', paidAt: expect.any(String), payment: { provider: 'account', status: 'SUCCEEDED' } });
    }
    // Each certified line entered the ledger once; the short case came back as exactly its share.
    const eggLineA = eggPart.lines[0];
    expect(await ledgerOf([a.number, b.number])).toEqual(
      expect.arrayContaining([
        { number: a.number, kind: 'SALE', quantity: 30, linked: 30 * caseFen },
        { number: a.number, kind: 'SALE', quantity: 10, linked: 10 * 6500 },
        { number: a.number, kind: 'REVERSAL', quantity: -1, linked: -reversalShareFen(30 * eggLineA.unitPriceFen, 30, 0, 1) },
        { number: b.number, kind: 'SALE', quantity: 20, linked: 20 * caseFen },
      ]),
    );
    expect(await ledgerOf([a.number, b.number])).toHaveLength(4);
    const [{ linked }] = await t.sql(
      `SELECT sum(linked_sales_fen)::int AS linked FROM attribution_entry WHERE order_id IN (SELECT id FROM "order" WHERE number = ANY($1))`,
      [[a.number, b.number]],
    );
    expect(linked).toBe(49 * caseFen + 10 * 6500);
    expect((await as(org.manager.token).get('/api/org/account').expect(200)).body).toMatchObject({ owedFen: 0, overdueFen: 0 });

    // The next statement carries the transfer.
    await t.sql(`UPDATE statement SET period_to = qh_today() - 1 WHERE number = $1`, [statement.number]);
    const { body: next } = await as(org.manager.token).post('/api/org/statements').expect(201);
    expect(next).toMatchObject({ openingFen: statement.closingFen, paymentsFen: statement.closingFen, closingFen: 0 });
  });
});
