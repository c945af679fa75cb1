import { addDays, weekdayOf } from '@qh/domain';
import request from 'supertest';
import { OrderDeadlinesService } from '../../apps/api/src/orders/order-deadlines.service';
import { tokenFor } from '../support/accounts';
import { newCooperative, newProduct, type Cooperative, type Product } from '../support/builders';
import { organisationCreditCode, signedInBuyer } from '../support/organisations';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * 单位采购: a purchaser orders by the case for a delivery site and day, priced with price breaks and
 * taking stock like a checkout; at or above the threshold the order waits for an approver, holding its
 * stock until an approver decides or the hold runs out. Every day here is counted from the app's clock.
 */
describe("an organisation's orders", () => {
  let t: TestApp;
  let admin: string;
  let eggCoop: Cooperative;
  let noodleCoop: Cooperative;
  let eggs: Product;
  let noodles: Product;
  let today: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await tokenFor(t, 'admin');
    today = t.clock.today();
    eggCoop = await newCooperative(t, { nameZh: '纳雍县土鸡蛋专业合作社' });
    noodleCoop = await newCooperative(t, { nameZh: '纳雍县百兴面条专业合作社' });
    eggs = await newProduct(t, eggCoop, {
      priceFen: 8800,
      stock: 500,
      fields: { category: 'EGG', shippingClass: 'CHILLED', titleZh: '土鸡蛋 30枚装', titleEn: 'Eggs' },
    });
    noodles = await newProduct(t, noodleCoop, { priceFen: 1200, stock: 1000 });
    await request(t.url)
      .put(`/api/coop/variants/${eggs.variantId}/price-breaks`)
      .set('Authorization', `Bearer ${eggCoop.staff}`)
      .send({ breaks: [{ minQuantity: 20, priceFen: 8200 }] })
      .expect(200);
    await request(t.url)
      .patch('/api/coop/cooperative')
      .set('Authorization', `Bearer ${noodleCoop.staff}`)
      .send({ leadDays: 3 })
      .expect(200);
  });
  afterAll(() => t.close());

  let serial = 0;
  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}, key?: string) => {
      const call = request(t.url).post(path).set('Authorization', `Bearer ${token}`);
      return (key ? call.set('Idempotency-Key', key) : call).send(body);
    },
    patch: (path: string, body: object) => request(t.url).patch(path).set('Authorization', `Bearer ${token}`).send(body),
  });
  /** A buyer account (made directly: sign-ups from one address are rate-limited), signed in. */
  const newBuyer = (label: string) => signedInBuyer(t, label);
  /** A verified organisation whose manager is also its purchaser, with an approver, a finance member and a site taking goods any day. */
  async function newOrganisation(options: { thresholdFen?: number; verified?: boolean } = {}) {
    const manager = await newBuyer('purchaser');
    const { body: organisation } = await as(manager.token)
      .post('/api/org', {
        name: `天河区测试饭堂${serial}`,
        creditCode: organisationCreditCode(),
        type: 'GOVERNMENT',
        districtCode: '440106',
        budgetUnit: true,
        hasCanteen: true,
        contactName: '李建华',
        contactMobile: '13800138000',
      })
      .expect(201);
    if (options.verified !== false) await as(admin).post(`/api/admin/organisations/${organisation.id}/verify`).expect(200);
    await as(manager.token)
      .patch(`/api/org/members/${manager.id}`, { roles: ['MANAGER', 'PURCHASER'] })
      .expect(200);
    if (options.thresholdFen !== undefined)
      await as(manager.token).patch('/api/org', { approvalThresholdFen: options.thresholdFen }).expect(200);
    const member = async (roles: string[]) => {
      const account = await newBuyer(roles[0].toLowerCase());
      await as(manager.token).post('/api/org/invitations', { email: account.email, roles }).expect(201);
      const [{ path }] = await t.sql(
        `SELECT payload->>'invitePath' AS path FROM notification_outbox WHERE topic = 'ORGANISATION_INVITATION' AND email = $1`,
        [account.email],
      );
      const token = new URL(String(path), 'http://x').searchParams.get('token');
      await as(account.token).post('/api/org/invitations/accept', { token }).expect(200);
      return account;
    };
    const approver = await member(['APPROVER']);
    const finance = await member(['FINANCE']);
    const { body: site } = await as(manager.token)
      .post('/api/org/sites', {
        name: '机关一食堂',
        districtCode: '440106',
        street: '天府路 1 号 负一层 卸货区',
        contactName: '王师傅',
        contactMobile: '13900139000',
        receivingWindows: [],
      })
      .expect(201);
    return { id: organisation.id as string, purchaser: manager, approver, finance, siteId: site.id as string };
  }
  type Organisation = Awaited<ReturnType<typeof newOrganisation>>;
  /** 30 cases of eggs and 50 packs of noodles, for delivery in `days` days. */
  const order = (
    organisation: Organisation,
    days = 5,
    lines = [
      { variantId: eggs.variantId, quantity: 30 },
      { variantId: noodles.variantId, quantity: 50 },
    ],
  ) => ({ siteId: organisation.siteId, deliveryOn: addDays(today, days), lines });
  const submit = (organisation: Organisation, body: object, key = `org-${(serial += 1)}-key`) =>
    as(organisation.purchaser.token).post('/api/org/orders', body, key);
  const stockOf = async (variantId: string) =>
    Number((await t.sql(`SELECT stock FROM product_variant WHERE id = $1`, [variantId]))[0].stock);
  const deadlines = () => t.app.get(OrderDeadlinesService);

  it('quotes each line at the break it reaches, one delivery per cooperative, and the earliest day all can arrive', async () => {
    const organisation = await newOrganisation();
    const quote = await as(organisation.purchaser.token)
      .post('/api/org/orders/quote', { ...order(organisation), deliveryOn: addDays(today, 1) })
      .expect(200);
    expect(quote.body.lines.map((line: { unitPriceFen: number; lineTotalFen: number }) => [line.unitPriceFen, line.lineTotalFen])).toEqual([
      [8200, 30 * 8200],
      [1200, 50 * 1200],
    ]);
    expect(
      quote.body.parts.map((part: { leadDays: number; earliestDeliveryOn: string }) => [part.leadDays, part.earliestDeliveryOn]),
    ).toEqual([
      [2, addDays(today, 2)],
      [3, addDays(today, 3)],
    ]);
    expect(quote.body).toMatchObject({
      itemsFen: 30 * 8200 + 50 * 1200,
      earliestDeliveryOn: addDays(today, 3),
      needsApproval: true,
      deliveryProblems: ['TOO_SOON'],
    });
    expect(quote.body.totalFen).toBe(quote.body.itemsFen + quote.body.shippingFen);
  });

  it('sends an order below the threshold straight to payment; paid, the cooperatives see its day and site', async () => {
    const organisation = await newOrganisation({ thresholdFen: 100_000_000 });
    const placed = await submit(organisation, order(organisation)).expect(201);
    expect(placed.body).toMatchObject({
      status: 'AWAITING_PAYMENT',
      deliveryOn: addDays(today, 5),
      site: { id: organisation.siteId, name: '机关一食堂' },
      placedBy: { accountId: organisation.purchaser.id, email: organisation.purchaser.email },
      decidedBy: null,
      itemsFen: 30 * 8200 + 50 * 1200,
    });
    expect(placed.body.fulfillments).toHaveLength(2);
    await as(organisation.purchaser.token).post(`/api/payments/demo/${placed.body.number}/pay`).expect(200);
    const paid = await as(organisation.finance.token).get(`/api/org/orders/${placed.body.number}`).expect(200);
    expect(paid.body.status).toBe('PAID');

    const shipments = await as(noodleCoop.staff).get('/api/coop/fulfillments?limit=100').expect(200);
    const mine = shipments.body.items.find((item: { orderNumber: string }) => item.orderNumber === placed.body.number);
    expect(mine.delivery).toEqual({
      on: addDays(today, 5),
      organisationName: expect.stringMatching(/^天河区测试饭堂/),
      siteName: '机关一食堂',
    });
  });

  it('holds an order at the threshold for an approver, who approves it; then it is paid', async () => {
    const organisation = await newOrganisation({ thresholdFen: 0 });
    const eggsBefore = await stockOf(eggs.variantId);
    const placed = await submit(organisation, order(organisation)).expect(201);
    expect(placed.body).toMatchObject({ status: 'AWAITING_APPROVAL', payment: null });
    expect(await stockOf(eggs.variantId)).toBe(eggsBefore - 30);
    const told = await t.sql(
      `SELECT account_id FROM notification_outbox WHERE topic = 'ORDER_AWAITING_APPROVAL' AND payload->>'orderNumber' = $1`,
      [placed.body.number],
    );
    expect(told).toEqual([{ account_id: organisation.approver.id }]);

    const number = placed.body.number as string;
    expect((await as(organisation.purchaser.token).post(`/api/org/orders/${number}/approve`).expect(403)).body.code).toBe(
      'ORGANISATION_ROLE_REQUIRED',
    );
    const queue = await as(organisation.approver.token).get('/api/org/orders?status=AWAITING_APPROVAL').expect(200);
    expect(queue.body.items.map((item: { number: string }) => item.number)).toEqual([number]);

    const approved = await as(organisation.approver.token).post(`/api/org/orders/${number}/approve`).expect(200);
    expect(approved.body).toMatchObject({ status: 'AWAITING_PAYMENT', decidedBy: { accountId: organisation.approver.id } });
    expect(approved.body.payment).toMatchObject({ provider: 'demo' });
    expect((await as(organisation.approver.token).post(`/api/org/orders/${number}/approve`).expect(409)).body.code).toBe(
      'ORDER_STATUS_CONFLICT',
    );
    await as(organisation.purchaser.token).post(`/api/payments/demo/${number}/pay`).expect(200);
    expect((await as(organisation.purchaser.token).get(`/api/org/orders/${number}`).expect(200)).body.status).toBe('PAID');
    const approvedMessage = await t.sql(
      `SELECT account_id FROM notification_outbox WHERE topic = 'ORDER_APPROVED' AND payload->>'orderNumber' = $1`,
      [number],
    );
    expect(approvedMessage).toEqual([{ account_id: organisation.purchaser.id }]);
  });

  it('gives the stock back when an approver rejects, with the reason for the purchaser', async () => {
    const organisation = await newOrganisation({ thresholdFen: 0 });
    const before = [await stockOf(eggs.variantId), await stockOf(noodles.variantId)];
    const { body: placed } = await submit(organisation, order(organisation)).expect(201);
    const rejected = await as(organisation.approver.token)
      .post(`/api/org/orders/${placed.number}/reject`, { reason: '本月预算已用完' })
      .expect(200);
    expect(rejected.body).toMatchObject({ status: 'CANCELLED', cancelReason: 'APPROVAL_REJECTED', rejectionReason: '本月预算已用完' });
    expect([await stockOf(eggs.variantId), await stockOf(noodles.variantId)]).toEqual(before);
    const [message] = await t.sql(
      `SELECT payload->>'reason' AS reason FROM notification_outbox WHERE topic = 'ORDER_REJECTED' AND order_id = (SELECT id FROM "order" WHERE number = $1)`,
      [placed.number],
    );
    expect(message).toEqual({ reason: '本月预算已用完' });
  });

  it('returns the stock of an order nobody approved in time exactly once, even with the job and an approver at once', async () => {
    const organisation = await newOrganisation({ thresholdFen: 0 });
    const before = [await stockOf(eggs.variantId), await stockOf(noodles.variantId)];
    const { body: placed } = await submit(organisation, order(organisation)).expect(201);
    const [{ expires }] = await t.sql(`SELECT expires_at - created_at = interval '48 hours' AS expires FROM "order" WHERE number = $1`, [
      placed.number,
    ]);
    expect(expires).toBe(true);
    await t.sql(`UPDATE "order" SET expires_at = qh_now() - interval '1 second' WHERE number = $1`, [placed.number]);

    const [approval] = await Promise.all([
      as(organisation.approver.token).post(`/api/org/orders/${placed.number}/approve`),
      deadlines().expireDue(),
      deadlines().expireDue(),
    ]);
    await deadlines().expireDue();
    expect(approval.status).toBe(409);
    const after = await as(organisation.purchaser.token).get(`/api/org/orders/${placed.number}`).expect(200);
    expect(after.body).toMatchObject({ status: 'CANCELLED', cancelReason: 'APPROVAL_EXPIRED' });
    expect([await stockOf(eggs.variantId), await stockOf(noodles.variantId)]).toEqual(before);
    const released = await t.sql(
      `SELECT count(*)::int AS n FROM inventory_movement WHERE reason = 'ORDER_RELEASED' AND order_id = (SELECT id FROM "order" WHERE number = $1)`,
      [placed.number],
    );
    expect(released).toEqual([{ n: 2 }]);
    const told = await t.sql(
      `SELECT count(*)::int AS n FROM notification_outbox WHERE topic = 'ORDER_APPROVAL_EXPIRED' AND payload->>'orderNumber' = $1`,
      [placed.number],
    );
    expect(told).toEqual([{ n: 1 }]);
  });

  it('lets another approver decide on an order an approver placed, unless there is none', async () => {
    const organisation = await newOrganisation({ thresholdFen: 0 });
    await as(organisation.purchaser.token)
      .patch(`/api/org/members/${organisation.purchaser.id}`, { roles: ['MANAGER', 'PURCHASER', 'APPROVER'] })
      .expect(200);
    const { body: placed } = await submit(organisation, order(organisation)).expect(201);
    expect((await as(organisation.purchaser.token).post(`/api/org/orders/${placed.number}/approve`).expect(403)).body.code).toBe(
      'SELF_APPROVAL',
    );
    await as(organisation.purchaser.token)
      .patch(`/api/org/members/${organisation.approver.id}`, { roles: ['RECEIVER'] })
      .expect(200);
    await as(organisation.purchaser.token).post(`/api/org/orders/${placed.number}/approve`).expect(200);
  });

  it('refuses a day a cooperative cannot make, the site is closed, or too far ahead, and keeps nothing', async () => {
    const organisation = await newOrganisation();
    const eggsBefore = await stockOf(eggs.variantId);
    const tooSoon = await submit(organisation, order(organisation, 2)).expect(422);
    expect(tooSoon.body).toMatchObject({ code: 'DELIVERY_DATE_UNAVAILABLE', details: [{ field: 'deliveryOn', rules: ['TOO_SOON'] }] });
    expect(tooSoon.body.message).toContain(addDays(today, 3));
    expect((await submit(organisation, order(organisation, 61)).expect(422)).body.details[0].rules).toEqual(['TOO_FAR']);

    const { body: weekdaysOnly } = await as(organisation.purchaser.token)
      .post('/api/org/sites', {
        name: '工作日仓库',
        districtCode: '440106',
        street: '黄埔大道西 668 号',
        contactName: '陈',
        contactMobile: '13900139001',
        receivingWindows: [{ weekdays: [1, 2, 3, 4, 5], from: '06:30', to: '10:00' }],
      })
      .expect(201);
    const saturday = [5, 6, 7, 8, 9, 10, 11].map((days) => addDays(today, days)).find((day) => weekdayOf(day) === 6)!;
    const closed = await submit(organisation, { ...order(organisation), siteId: weekdaysOnly.id, deliveryOn: saturday }).expect(422);
    expect(closed.body.details[0].rules).toEqual(['SITE_CLOSED']);
    expect(await stockOf(eggs.variantId)).toBe(eggsBefore);
  });

  it('validates every line and refuses what is not the organisation’s to order', async () => {
    const organisation = await newOrganisation();
    const tooMany = await submit(organisation, order(organisation, 5, [{ variantId: eggs.variantId, quantity: 10_000 }])).expect(400);
    expect(tooMany.body.details[0].field).toBe('lines.0.quantity');
    const twice = await submit(
      organisation,
      order(organisation, 5, [
        { variantId: eggs.variantId, quantity: 1 },
        { variantId: eggs.variantId, quantity: 2 },
      ]),
    ).expect(400);
    expect(twice.body.details[0].field).toBe('lines.1.variantId');
    const unknown = await submit(
      organisation,
      order(organisation, 5, [{ variantId: '9d0c6f3a-2b1e-4c5d-8e7f-6a5b4c3d2e1f', quantity: 1 }]),
    ).expect(409);
    expect(unknown.body).toMatchObject({ code: 'LINES_UNAVAILABLE', details: [{ field: 'lines.0.variantId' }] });
    const outOfStock = await submit(organisation, order(organisation, 5, [{ variantId: noodles.variantId, quantity: 9_999 }])).expect(409);
    expect(outOfStock.body).toMatchObject({ code: 'OUT_OF_STOCK', details: [{ field: 'lines.0' }] });

    const other = await newOrganisation();
    expect((await submit(organisation, { ...order(organisation), siteId: other.siteId }).expect(404)).body.code).toBe(
      'DELIVERY_SITE_NOT_FOUND',
    );
    expect((await as(organisation.finance.token).post('/api/org/orders', order(organisation), 'finance-1-key').expect(403)).body.code).toBe(
      'ORGANISATION_ROLE_REQUIRED',
    );
    const unverified = await newOrganisation({ verified: false });
    expect((await submit(unverified, order(unverified)).expect(409)).body.code).toBe('ORGANISATION_STATUS_CONFLICT');
    expect((await as(organisation.purchaser.token).post('/api/org/orders', order(organisation)).expect(400)).body.details[0].field).toBe(
      'Idempotency-Key',
    );
  });

  it('answers the same key with the same order, and a reused key for another order with a conflict', async () => {
    const organisation = await newOrganisation({ thresholdFen: 0 });
    const body = order(organisation);
    // Sent twice at once (a double click): one order, the second answer is the first's.
    const [first, racing] = await Promise.all([submit(organisation, body, 'same-key-123'), submit(organisation, body, 'same-key-123')]);
    expect([first.status, racing.status].sort()).toEqual([200, 201]);
    expect(racing.body.number).toBe(first.body.number);
    const again = await submit(organisation, body, 'same-key-123').expect(200);
    expect(again.body.number).toBe(first.body.number);
    const placed = await t.sql(`SELECT count(*)::int AS n FROM "order" WHERE organisation_id = $1`, [organisation.id]);
    expect(placed).toEqual([{ n: 1 }]);
    expect((await submit(organisation, { ...body, deliveryOn: addDays(today, 6) }, 'same-key-123').expect(409)).body.code).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );
  });

  it('keeps the organisation’s orders out of the purchaser’s own shop and away from other organisations', async () => {
    const a = await newOrganisation({ thresholdFen: 0 });
    const b = await newOrganisation({ thresholdFen: 0 });
    const { body: placed } = await submit(a, order(a)).expect(201);
    expect((await as(a.purchaser.token).get('/api/orders').expect(200)).body.items).toEqual([]);
    expect((await as(a.purchaser.token).get(`/api/orders/${placed.number}`).expect(404)).body.code).toBe('ORDER_NOT_FOUND');
    expect((await as(a.purchaser.token).post(`/api/orders/${placed.number}/cancel`).expect(404)).body.code).toBe('ORDER_NOT_FOUND');

    expect((await as(b.approver.token).get(`/api/org/orders/${placed.number}`).expect(404)).body.code).toBe('ORDER_NOT_FOUND');
    expect((await as(b.approver.token).post(`/api/org/orders/${placed.number}/approve`).expect(404)).body.code).toBe('ORDER_NOT_FOUND');
    expect((await as(b.approver.token).get('/api/org/orders').expect(200)).body.items).toEqual([]);

    // The purchaser calls it off while it waits: nothing was paid, the stock goes back.
    const cancelled = await as(a.purchaser.token).post(`/api/org/orders/${placed.number}/cancel`).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', cancelReason: 'BUYER' });
  });
});
