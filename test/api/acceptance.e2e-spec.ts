import { addDays } from '@qh/domain';
import request from 'supertest';
import { OrderDeadlinesService } from '../../apps/api/src/orders/order-deadlines.service';
import { tokenFor } from '../support/accounts';
import { newCooperative, newProduct, type Cooperative, type Product } from '../support/builders';
import { PNG_1X1, WEBP_1X1 } from '../support/images';
import { organisationCreditCode, signedInBuyer } from '../support/organisations';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * 验收: the organisation's receiver records what arrived of each shipped part. A shortfall becomes a
 * claim; an admin refunds it through the refund machinery, and the ledger gives back exactly the
 * short units' share, or declines it. A part nobody acted on is accepted after ACCEPTANCE_DAYS.
 */
describe('acceptance on delivery', () => {
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
      stock: 500,
      certifiedUntil,
      fields: { category: 'EGG', shippingClass: 'CHILLED', titleZh: '土鸡蛋 食堂整箱', titleEn: 'Eggs, canteen case' },
    });
    noodles = await newProduct(t, noodleCoop, { priceFen: 6500, stock: 500, certifiedUntil });
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}, key?: string) => {
      const call = request(t.url).post(path).set('Authorization', `Bearer ${token}`);
      return (key ? call.set('Idempotency-Key', key) : call).send(body);
    },
    patch: (path: string, body: object) => request(t.url).patch(path).set('Authorization', `Bearer ${token}`).send(body),
  });
  const newBuyer = () => signedInBuyer(t, 'member');

  /** A verified canteen paying online (every order below its threshold), whose manager also buys and receives, with a paid order of 30 cases and 10 packs that both cooperatives shipped. */
  async function deliveredOrder() {
    serial += 1;
    const manager = await newBuyer();
    const { body: organisation } = await as(manager.token)
      .post('/api/org', {
        name: `验收测试饭堂${serial}`,
        creditCode: organisationCreditCode('12'),
        type: 'PUBLIC_INSTITUTION',
        districtCode: '440106',
        budgetUnit: true,
        hasCanteen: true,
        contactName: '李建华',
        contactMobile: '13800138000',
      })
      .expect(201);
    await as(admin).post(`/api/admin/organisations/${organisation.id}/verify`).expect(200);
    await as(manager.token)
      .patch(`/api/org/members/${manager.id}`, { roles: ['MANAGER', 'PURCHASER', 'RECEIVER'] })
      .expect(200);
    await as(manager.token).patch('/api/org', { approvalThresholdFen: 10_000_000_00 }).expect(200);
    const { body: site } = await as(manager.token)
      .post('/api/org/sites', {
        name: '一食堂',
        districtCode: '440106',
        street: '天府路 1 号',
        contactName: '王',
        contactMobile: '13900139000',
        receivingWindows: [],
      })
      .expect(201);
    const { body: placed } = await as(manager.token)
      .post(
        '/api/org/orders',
        {
          siteId: site.id,
          deliveryOn: addDays(today, 4),
          lines: [
            { variantId: eggs.variantId, quantity: 30 },
            { variantId: noodles.variantId, quantity: 10 },
          ],
        },
        `acceptance-${serial}-${Date.now()}`,
      )
      .expect(201);
    await as(manager.token).post(`/api/payments/demo/${placed.number}/pay`).expect(200);
    for (const [coop, product] of [
      [eggCoop, eggs],
      [noodleCoop, noodles],
    ] as const) {
      const part = placed.fulfillments.find((f: { lines: { variantId: string }[] }) => f.lines[0].variantId === product.variantId);
      await as(coop.staff)
        .post(`/api/coop/fulfillments/${part.id}/ship`, { carrier: '顺丰速运', trackingNo: `SF${String(Date.now()).slice(-12)}${serial}` })
        .expect(200);
    }
    const order = (await as(manager.token).get(`/api/org/orders/${placed.number}`).expect(200)).body;
    const partOf = (product: Product) =>
      order.fulfillments.find((f: { lines: { variantId: string }[] }) => f.lines[0].variantId === product.variantId) as {
        id: string;
        lines: { id: string; unitPriceFen: number }[];
      };
    return { receiver: manager, number: placed.number as string, eggPart: partOf(eggs), noodlePart: partOf(noodles) };
  }
  const accept = (token: string, number: string, partId: string, body: object) =>
    as(token).post(`/api/org/orders/${number}/fulfillments/${partId}/acceptance`, body);
  const ledgerOf = (number: string) =>
    t.sql(
      `SELECT e.kind, e.quantity, e.linked_sales_fen::int AS linked, e.pool_fen::int AS pool FROM attribution_entry e
        WHERE e.order_id = (SELECT id FROM "order" WHERE number = $1) AND e.cooperative_id = $2 ORDER BY e.id`,
      [number, eggCoop.id],
    );

  it('records a shortfall as a claim; refunded, the ledger gives back exactly the short case, and the cooperative sees it', async () => {
    const { receiver, number, eggPart, noodlePart } = await deliveredOrder();
    const caseFen = eggPart.lines[0].unitPriceFen;
    const [sale] = await ledgerOf(number);
    expect(sale).toMatchObject({ kind: 'SALE', quantity: 30, linked: 30 * caseFen });

    const accepted = await accept(receiver.token, number, eggPart.id, {
      lines: [{ lineId: eggPart.lines[0].id, acceptedQuantity: 29, reason: 'DAMAGED' }],
      note: '一箱破损',
    }).expect(200);
    const eggAcceptance = accepted.body.fulfillments.find((f: { id: string }) => f.id === eggPart.id).acceptance;
    expect(eggAcceptance).toMatchObject({
      automatic: false,
      lines: [{ lineId: eggPart.lines[0].id, acceptedQuantity: 29, reason: 'DAMAGED' }],
      claim: { status: 'PENDING', refundId: null },
    });
    await accept(receiver.token, number, noodlePart.id, { lines: [] }).expect(200);

    const queue = await as(admin).get('/api/admin/shortfalls?status=PENDING&limit=100').expect(200);
    const claim = queue.body.items.find((item: { orderNumber: string }) => item.orderNumber === number);
    expect(claim).toMatchObject({ amountFen: caseFen, note: '一箱破损', lines: [{ shortQuantity: 1, reason: 'DAMAGED' }] });
    expect(queue.body.items.filter((item: { orderNumber: string }) => item.orderNumber === number)).toHaveLength(1);

    // Granted twice at once: one refund of one case.
    const [first, second] = await Promise.all([
      as(admin).post(`/api/admin/shortfalls/${claim.id}/refund`),
      as(admin).post(`/api/admin/shortfalls/${claim.id}/refund`),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const refunded = [first, second].find((response) => response.status === 200)!.body;
    expect(refunded).toMatchObject({ status: 'REFUNDED', refundId: expect.any(String) });

    const order = (await as(receiver.token).get(`/api/org/orders/${number}`).expect(200)).body;
    expect(order.refundedFen).toBe(caseFen);
    expect(order.refunds).toEqual([
      expect.objectContaining({ kind: 'SHORTFALL', status: 'SUCCEEDED', amountFen: caseFen, shippingFen: 0 }),
    ]);
    const [, reversal, ...more] = await ledgerOf(number);
    expect(more).toEqual([]);
    expect(reversal).toMatchObject({ kind: 'REVERSAL', quantity: -1, linked: -caseFen });
    // The case's share of the line's pool, to the fen: a 30th of it, rounded by largest remainder.
    expect(Math.abs(reversal.pool as number)).toBeGreaterThanOrEqual(Math.floor((sale.pool as number) / 30));
    expect(Math.abs(reversal.pool as number)).toBeLessThanOrEqual(Math.ceil((sale.pool as number) / 30));

    const shipments = await as(eggCoop.staff).get('/api/coop/fulfillments?limit=100').expect(200);
    const seen = shipments.body.items.find((item: { id: string }) => item.id === eggPart.id);
    expect(seen.acceptance).toMatchObject({ lines: [{ acceptedQuantity: 29, reason: 'DAMAGED' }], claim: { status: 'REFUNDED' } });
  });

  it('refuses a second acceptance, a shortfall without reason, too many units, and anyone but a receiver of the organisation', async () => {
    const { receiver, number, eggPart } = await deliveredOrder();
    const line = eggPart.lines[0].id;
    const noReason = await accept(receiver.token, number, eggPart.id, { lines: [{ lineId: line, acceptedQuantity: 28 }] }).expect(400);
    expect(noReason.body.details).toEqual([expect.objectContaining({ field: 'lines.0', rules: ['acceptance'] })]);
    expect(
      (await accept(receiver.token, number, eggPart.id, { lines: [{ lineId: line, acceptedQuantity: 31 }] }).expect(400)).body.code,
    ).toBe('VALIDATION_FAILED');
    const stranger = await deliveredOrder();
    expect((await accept(stranger.receiver.token, number, eggPart.id, { lines: [] }).expect(404)).body.code).toBe('FULFILLMENT_NOT_FOUND');
    expect((await accept(await tokenFor(t, 'buyer'), number, eggPart.id, { lines: [] }).expect(404)).body.code).toBe(
      'ORGANISATION_NOT_FOUND',
    );

    await accept(receiver.token, number, eggPart.id, { lines: [] }).expect(200);
    expect((await accept(receiver.token, number, eggPart.id, { lines: [] }).expect(409)).body.code).toBe('FULFILLMENT_STATUS_CONFLICT');
    expect(await t.sql(`SELECT count(*)::int AS n FROM shortfall_claim WHERE fulfillment_id = $1`, [eggPart.id])).toEqual([{ n: 0 }]);
  });

  it('shows a shortfall with the receiver’s photos, to the admin deciding it; nobody else adds any', async () => {
    const { receiver, number, eggPart, noodlePart } = await deliveredOrder();
    const photo = (token: string, partId: string, bytes: Buffer, name = 'case.png') =>
      request(t.url)
        .post(`/api/org/orders/${number}/fulfillments/${partId}/acceptance/photos`)
        .set('Authorization', `Bearer ${token}`)
        .attach('photo', bytes, name);
    // No shortfall yet: nothing to show.
    expect((await photo(receiver.token, eggPart.id, PNG_1X1).expect(404)).body.code).toBe('SHORTFALL_CLAIM_NOT_FOUND');
    await accept(receiver.token, number, eggPart.id, {
      lines: [{ lineId: eggPart.lines[0].id, acceptedQuantity: 28, reason: 'DAMAGED' }],
    }).expect(200);
    await accept(receiver.token, number, noodlePart.id, { lines: [] }).expect(200);

    const shown = await photo(receiver.token, eggPart.id, PNG_1X1).expect(200);
    await photo(receiver.token, eggPart.id, WEBP_1X1, 'case.webp').expect(200);
    const claim = shown.body.fulfillments.find((f: { id: string }) => f.id === eggPart.id).acceptance.claim;
    expect(claim.photos).toEqual([expect.stringMatching(/^\/uploads\/[0-9a-f-]{36}\.png$/)]);
    const served = await request(t.url).get(claim.photos[0]).expect(200);
    expect(Buffer.from(served.body).equals(PNG_1X1)).toBe(true);

    // Not an image by its content; a part without shortfall; a stranger; a sixth photo.
    expect((await photo(receiver.token, eggPart.id, Buffer.from('<script>alert(1)</script>'), 'x.png').expect(415)).body.code).toBe(
      'UNSUPPORTED_IMAGE_TYPE',
    );
    expect((await photo(receiver.token, noodlePart.id, PNG_1X1).expect(404)).body.code).toBe('SHORTFALL_CLAIM_NOT_FOUND');
    const stranger = await signedInBuyer(t, 'stranger');
    expect((await photo(stranger.token, eggPart.id, PNG_1X1).expect(404)).body.code).toBe('ORGANISATION_NOT_FOUND');
    for (let i = 0; i < 3; i += 1) await photo(receiver.token, eggPart.id, PNG_1X1).expect(200);
    expect((await photo(receiver.token, eggPart.id, PNG_1X1).expect(422)).body.code).toBe('TOO_MANY_IMAGES');

    const { body: queue } = await as(admin).get('/api/admin/shortfalls?status=PENDING&limit=100').expect(200);
    const listed = queue.items.find((item: { orderNumber: string }) => item.orderNumber === number);
    expect(listed.photos).toHaveLength(5);
    expect(listed.photos.slice(0, 2)).toEqual([claim.photos[0], expect.stringMatching(/\.webp$/)]);

    // Decided, the claim takes no more.
    await as(admin).post(`/api/admin/shortfalls/${listed.id}/decline`, { reason: '照片显示包装完好' }).expect(200);
    await t.sql(`UPDATE shortfall_claim SET photos = photos[1:4] WHERE id = $1`, [listed.id]);
    expect((await photo(receiver.token, eggPart.id, PNG_1X1).expect(409)).body.code).toBe('SHORTFALL_CLAIM_STATUS_CONFLICT');
  });

  it('declines a claim with a reason, refunding nothing', async () => {
    const { receiver, number, eggPart } = await deliveredOrder();
    await accept(receiver.token, number, eggPart.id, {
      lines: [{ lineId: eggPart.lines[0].id, acceptedQuantity: 25, reason: 'SHORT' }],
    }).expect(200);
    const { body: queue } = await as(admin).get('/api/admin/shortfalls?status=PENDING&limit=100').expect(200);
    const claim = queue.items.find((item: { orderNumber: string }) => item.orderNumber === number);
    const declined = await as(admin).post(`/api/admin/shortfalls/${claim.id}/decline`, { reason: '签收单显示 30 箱足量' }).expect(200);
    expect(declined.body).toMatchObject({ status: 'DECLINED', declineReason: '签收单显示 30 箱足量', refundId: null });
    expect((await as(admin).post(`/api/admin/shortfalls/${claim.id}/refund`).expect(409)).body.code).toBe(
      'SHORTFALL_CLAIM_STATUS_CONFLICT',
    );
    expect((await as(receiver.token).get(`/api/org/orders/${number}`).expect(200)).body.refundedFen).toBe(0);
  });

  it('accepts in full a part nobody acted on within the days allowed', async () => {
    const { receiver, number, eggPart, noodlePart } = await deliveredOrder();
    await t.sql(`UPDATE fulfillment SET shipped_at = qh_now() - interval '3 days 1 minute' WHERE id = $1`, [eggPart.id]);
    await Promise.all([t.app.get(OrderDeadlinesService).completeDue(), t.app.get(OrderDeadlinesService).completeDue()]);
    const order = (await as(receiver.token).get(`/api/org/orders/${number}`).expect(200)).body;
    const parts = new Map(order.fulfillments.map((f: { id: string; acceptance: unknown }) => [f.id, f.acceptance]));
    expect(parts.get(eggPart.id)).toMatchObject({ automatic: true, lines: [{ acceptedQuantity: 30, reason: null }], claim: null });
    expect(parts.get(noodlePart.id)).toBeNull();
    expect((await accept(receiver.token, number, eggPart.id, { lines: [] }).expect(409)).body.code).toBe('FULFILLMENT_STATUS_CONFLICT');
  });
});
