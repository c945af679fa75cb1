import Stripe from 'stripe';
import request from 'supertest';
import { NotificationsService } from '../../apps/api/src/notifications/notifications.service';
import { NOTIFICATION_TRANSPORT, type NotificationTransport } from '../../apps/api/src/notifications/notification-transport';
import { OrderDeadlinesService } from '../../apps/api/src/orders/order-deadlines.service';
import { RefundsService } from '../../apps/api/src/payments/refunds.service';
import { tokenFor } from '../support/accounts';
import { startStripeEmulator, stripeSignatureHeader, type StripeEmulator } from '../support/stripe-emulator';
import { startTestApp, type TestApp } from '../support/test-app';
import { setStock } from '../support/builders';

const SECRET_KEY = 'sk_test_emulator';
const WEBHOOK_SECRET = 'whsec_emulator';
const TIANHE = { name: '陈晓岚', mobile: '13800138000', districtCode: '440106', street: '天河路 385 号 12 楼 1203 室' };

interface Pick {
  variantId: string;
  cooperativeId: string;
  priceFen: number;
}

/**
 * Payments through the real Stripe SDK against the local Stripe emulator, whose signed webhooks
 * reach the API like Stripe's would: twice, late, out of order, or not at all.
 */
describe('payments with Stripe', () => {
  let stripe: StripeEmulator;
  let t: TestApp;
  let tea: Pick;
  let other: Pick;
  let admin: string;

  beforeAll(async () => {
    stripe = await startStripeEmulator({ port: 0, secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, retryDelayMs: 20 });
    t = await startTestApp(
      {
        STRIPE_SECRET_KEY: SECRET_KEY,
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_PUBLISHABLE_KEY: 'pk_test_emulator',
        STRIPE_API_URL: stripe.url,
        STRIPE_TIMEOUT_MS: '800',
        STRIPE_MAX_NETWORK_RETRIES: '1',
      },
      { demoData: true },
    );
    stripe.setWebhook(`${t.url}/api/payments/stripe/webhook`, WEBHOOK_SECRET);
    tea = await pick();
    other = await pick(tea.cooperativeId);
    admin = await tokenFor(t, 'admin');
  });
  beforeEach(() => stripe.reset());
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  /** An ambient variant on sale now, from another cooperative than `not`, with plenty of stock. */
  async function pick(not = '00000000-0000-0000-0000-000000000000'): Promise<Pick> {
    const [row] = await t.sql(
      `SELECT v.id AS "variantId", p.cooperative_id AS "cooperativeId", v.price_fen AS "priceFen"
         FROM product_variant v JOIN product p ON p.id = v.product_id
        WHERE p.status = 'PUBLISHED' AND p.shipping_class = 'AMBIENT' AND p.cooperative_id <> $1
          AND (p.sale_starts_at IS NULL OR p.sale_starts_at <= qh_now()) AND (p.sale_ends_at IS NULL OR qh_now() < p.sale_ends_at)
        ORDER BY v.sku LIMIT 1`,
      [not],
    );
    await setStock(t, row.variantId as string, 1000);
    return row as unknown as Pick;
  }

  const stockOf = async (variantId: string) =>
    (await t.sql(`SELECT stock FROM product_variant WHERE id = $1`, [variantId]))[0].stock as number;
  let keys = 0;
  const newKey = () => `pay-key-${Date.now()}-${(keys += 1)}`;
  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) => request(t.url).post(path).set('Authorization', `Bearer ${token}`).send(body),
    checkout: (key = newKey()) =>
      request(t.url).post('/api/checkout').set('Authorization', `Bearer ${token}`).set('Idempotency-Key', key).send({ address: TIANHE }),
  });

  async function buyerWithCart(lines: [Pick, number][] = [[tea, 2]]): Promise<string> {
    const buyer = await tokenFor(t, 'buyer');
    for (const [item, quantity] of lines) await as(buyer).post('/api/cart/lines', { variantId: item.variantId, quantity }).expect(200);
    return buyer;
  }

  /** A buyer, and their order awaiting payment with a PaymentIntent at Stripe. */
  async function placeOrder(lines?: [Pick, number][]) {
    const buyer = await buyerWithCart(lines);
    const { body: order } = await as(buyer).checkout().expect(201);
    return { buyer, order, intentId: order.payment.reference as string };
  }

  const orderOf = async (buyer: string, number: string) => (await as(buyer).get(`/api/orders/${number}`).expect(200)).body;
  const count = async (sql: string, values: unknown[] = []) => Number((await t.sql(sql, values))[0].count);
  const outbox = (number: string) =>
    t.sql(`SELECT topic FROM notification_outbox n JOIN "order" o ON o.id = n.order_id WHERE o.number = $1 ORDER BY n.id`, [number]);

  const refundsAtStripe = (intentId: string) =>
    stripe
      .refunds()
      .filter((refund) => refund.payment_intent === intentId)
      .map((refund) => refund.amount);

  async function paidOrder(lines?: [Pick, number][]) {
    const placed = await placeOrder(lines);
    stripe.confirm(placed.intentId);
    await stripe.idle();
    expect((await orderOf(placed.buyer, placed.order.number)).status).toBe('PAID');
    return placed;
  }

  it('creates one PaymentIntent per order in CNY fen, and the signed webhook makes the order paid', async () => {
    const { buyer, order, intentId } = await placeOrder([
      [tea, 2],
      [other, 1],
    ]);

    expect(order.payment).toMatchObject({ provider: 'stripe', status: 'PENDING', publishableKey: 'pk_test_emulator' });
    expect(order.payment.clientSecret).toMatch(/^pi_\w+_secret_\w+$/);
    const intent = stripe.paymentIntent(intentId)!;
    expect(intent).toMatchObject({
      amount: order.totalFen,
      currency: 'cny',
      allowed_payment_method_types: ['card', 'alipay', 'wechat_pay'],
      metadata: { order_number: order.number },
      status: 'requires_payment_method',
    });
    const [created] = stripe.requests().filter((r) => r.method === 'POST' && r.path === '/v1/payment_intents');
    expect(created.idempotencyKey).toMatch(/^order-[0-9a-f-]{36}$/);

    expect(stripe.confirm(intentId).error).toBeNull();
    await stripe.idle();

    const paid = await orderOf(buyer, order.number);
    expect(paid).toMatchObject({ status: 'PAID', payment: { status: 'SUCCEEDED', clientSecret: null, publishableKey: null } });
    expect(paid.paidAt).not.toBeNull();
    expect(await outbox(order.number)).toEqual([{ topic: 'ORDER_PAID' }]);
    // The demo page is not offered when Stripe is configured.
    expect((await as(buyer).post(`/api/payments/demo/${order.number}/pay`).expect(404)).body.code).toBe('DEMO_PROVIDER_DISABLED');
    // Nor for an order left over from before Stripe was configured: it would be paid for nothing.
    const older = await placeOrder();
    await t.sql(`UPDATE payment SET provider = 'demo' WHERE provider_ref = $1`, [older.intentId]);
    const refused = await as(older.buyer).post(`/api/payments/demo/${older.order.number}/pay`).expect(404);
    expect(refused.body.code).toBe('DEMO_PROVIDER_DISABLED');
    expect((await orderOf(older.buyer, older.order.number)).status).toBe('AWAITING_PAYMENT');
  });

  it('keeps the order payable after a declined card, and a retry pays it', async () => {
    const { buyer, order, intentId } = await placeOrder();

    expect(stripe.confirm(intentId, 'pm_card_chargeDeclined').error).toMatchObject({ code: 'card_declined' });
    await stripe.idle();
    const declined = await orderOf(buyer, order.number);
    expect(declined).toMatchObject({ status: 'AWAITING_PAYMENT', payment: { status: 'FAILED' } });
    expect(declined.payment.failure).toMatch(/declined/i);
    expect(declined.payment.clientSecret).toBe(order.payment.clientSecret);

    expect(stripe.confirm(intentId).error).toBeNull();
    await stripe.idle();
    expect(await orderOf(buyer, order.number)).toMatchObject({ status: 'PAID', payment: { status: 'SUCCEEDED', failure: null } });
  });

  it('acts once on each event delivered five times at once: one payment, one paid transition, one refund', async () => {
    stripe.delivery.duplicates = 5;
    const { buyer, order, intentId } = await placeOrder();
    const before = await stockOf(tea.variantId);

    stripe.confirm(intentId);
    await stripe.idle();

    const succeeded = stripe.events().filter((e) => e.type === 'payment_intent.succeeded' && e.data.object.id === intentId);
    expect(
      stripe
        .deliveries()
        .filter((d) => d.eventId === succeeded[0].id)
        .map((d) => d.status),
    ).toEqual([200, 200, 200, 200, 200]);
    expect(await count(`SELECT count(*) FROM payment_event WHERE id = $1`, [succeeded[0].id])).toBe(1);
    expect(await orderOf(buyer, order.number)).toMatchObject({ status: 'PAID' });
    expect(await outbox(order.number)).toEqual([{ topic: 'ORDER_PAID' }]);
    expect(await stockOf(tea.variantId)).toBe(before);

    const line = (await orderOf(buyer, order.number)).fulfillments[0].lines[0];
    await as(admin)
      .post('/api/admin/refunds', { orderNumber: order.number, lines: [{ lineId: line.id, quantity: 1 }], reason: '破损' })
      .expect(201);
    await stripe.idle();
    const refunded = await orderOf(buyer, order.number);
    expect(refunded).toMatchObject({ status: 'PAID', refundedFen: line.unitPriceFen });
    expect(refunded.refunds).toEqual([expect.objectContaining({ status: 'SUCCEEDED', amountFen: line.unitPriceFen })]);
    expect(await outbox(order.number)).toEqual([{ topic: 'ORDER_PAID' }, { topic: 'ORDER_REFUNDED' }]);
  });

  it('reaches the same end when a refund is reported before the payment it refunds', async () => {
    const { buyer, order, intentId } = await placeOrder();
    const before = await stockOf(tea.variantId);
    stripe.delivery.hold = true;
    stripe.confirm(intentId);
    // Refunded from Stripe's dashboard, while the success event is still on its way.
    stripe.refundFromDashboard(intentId);

    expect(stripe.held().map((e) => e.type)).toEqual(['payment_intent.succeeded', 'charge.succeeded', 'charge.refunded', 'refund.created']);
    await stripe.release('reverse');

    const final = await orderOf(buyer, order.number);
    expect(final).toMatchObject({ status: 'REFUNDED', refundedFen: order.totalFen, payment: { status: 'REFUNDED' } });
    expect(final.refunds).toEqual([expect.objectContaining({ kind: 'EXTERNAL', status: 'SUCCEEDED', amountFen: order.totalFen })]);
    expect(final.fulfillments.map((f: { status: string }) => f.status)).toEqual(['CANCELLED']);
    // Nothing shipped: the stock is back on the shelf.
    expect(await stockOf(tea.variantId)).toBe(before + 2);
    expect(await outbox(order.number)).toEqual([{ topic: 'ORDER_PAID' }, { topic: 'ORDER_REFUNDED' }]);
  });

  it('answers 400 to a bad or stale signature and changes nothing', async () => {
    const { buyer, order, intentId } = await placeOrder();
    stripe.delivery.hold = true;
    stripe.confirm(intentId);
    const [event] = stripe.held();
    const body = JSON.stringify(event);
    const events = await count(`SELECT count(*) FROM payment_event`);
    const post = (signature?: string) => {
      const req = request(t.url).post('/api/payments/stripe/webhook').set('Content-Type', 'application/json');
      return (signature ? req.set('Stripe-Signature', signature) : req).send(body);
    };

    for (const signature of [
      stripeSignatureHeader(body, 'whsec_someone_else'),
      stripeSignatureHeader(body, WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 600),
      stripeSignatureHeader(body.replace(String(order.totalFen), '1'), WEBHOOK_SECRET),
      undefined,
    ]) {
      expect((await post(signature).expect(400)).body.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    }
    expect(await count(`SELECT count(*) FROM payment_event`)).toBe(events);
    expect((await orderOf(buyer, order.number)).status).toBe('AWAITING_PAYMENT');

    // The same bytes, properly signed, are accepted.
    expect((await post(stripeSignatureHeader(body, WEBHOOK_SECRET)).expect(200)).body).toEqual({ received: true, outcome: 'handled' });
    expect((await orderOf(buyer, order.number)).status).toBe('PAID');
  });

  it('when Stripe cannot create the payment: a clear error, the stock and the cart back, no order left waiting', async () => {
    const buyer = await buyerWithCart([[tea, 3]]);
    const before = await stockOf(tea.variantId);
    const key = newKey();
    // Both the first try and the SDK's one retry fail.
    stripe.failNext({ method: 'POST', path: '/v1/payment_intents' }, { status: 500 }, 2);

    const failed = await as(buyer).checkout(key).expect(503);
    expect(failed.body).toMatchObject({ code: 'PAYMENT_PROVIDER_UNAVAILABLE', message: expect.stringContaining('Nothing was charged') });
    expect(failed.headers['retry-after']).toBe('30');
    expect(await stockOf(tea.variantId)).toBe(before);
    expect((await as(buyer).get('/api/cart').expect(200)).body.lines).toEqual([
      expect.objectContaining({ variantId: tea.variantId, quantity: 3 }),
    ]);
    const orders = (await as(buyer).get('/api/orders').expect(200)).body.items;
    expect(orders.map((o: { status: string; cancelReason: string }) => [o.status, o.cancelReason])).toEqual([
      ['CANCELLED', 'PAYMENT_UNAVAILABLE'],
    ]);
    const failedNumber = orders[0].number;
    expect(stripe.paymentIntents().filter((intent) => intent.metadata.order_number === failedNumber)).toHaveLength(0);

    // Stripe answering again, the same key is a fresh attempt rather than a replay of the failure.
    const retried = await as(buyer).checkout(key).expect(201);
    expect(retried.body).toMatchObject({ status: 'AWAITING_PAYMENT', payment: { provider: 'stripe' } });
    expect(await stockOf(tea.variantId)).toBe(before - 3);
  });

  it('survives one Stripe timeout on create through the SDK retry with the same idempotency key', async () => {
    const buyer = await buyerWithCart();
    stripe.failNext({ method: 'POST', path: '/v1/payment_intents' }, 'timeout-after-processing', 1);

    const { body: order } = await as(buyer).checkout().expect(201);

    const creates = stripe
      .requests()
      .filter((r) => r.method === 'POST' && r.path === '/v1/payment_intents' && JSON.stringify(r.params).includes(order.number));
    expect(creates.map((r) => [r.status, r.replayed])).toEqual([
      [null, false],
      [200, true],
    ]);
    expect(new Set(creates.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(stripe.paymentIntents().filter((intent) => intent.metadata.order_number === order.number)).toEqual([
      expect.objectContaining({ id: order.payment.reference }),
    ]);
  });

  it('refunds a payment that arrives after its order expired, and tells the buyer', async () => {
    const { buyer, order, intentId } = await placeOrder();
    const before = await stockOf(tea.variantId);
    stripe.delivery.hold = true;
    stripe.confirm(intentId);
    await t.sql(`UPDATE "order" SET expires_at = qh_now() - interval '1 second' WHERE number = $1`, [order.number]);
    expect(await t.app.get(OrderDeadlinesService).expireDue()).toBeGreaterThanOrEqual(1);
    expect(await stockOf(tea.variantId)).toBe(before + 2);
    stripe.delivery.hold = false;

    await stripe.release();
    await stripe.idle();

    const final = await orderOf(buyer, order.number);
    expect(final).toMatchObject({ status: 'CANCELLED', cancelReason: 'RESERVATION_EXPIRED', payment: { status: 'REFUNDED' } });
    expect(final.refunds).toEqual([expect.objectContaining({ kind: 'LATE_PAYMENT', status: 'SUCCEEDED', amountFen: order.totalFen })]);
    expect(refundsAtStripe(intentId)).toEqual([order.totalFen]);
    expect(await outbox(order.number)).toEqual([{ topic: 'LATE_PAYMENT_REFUNDED' }]);
    // The stock went back once, at expiry.
    expect(await stockOf(tea.variantId)).toBe(before + 2);
  });

  it('stops the PaymentIntent at Stripe when an unpaid order expires or is cancelled', async () => {
    const expiring = await placeOrder();
    await t.sql(`UPDATE "order" SET expires_at = qh_now() - interval '1 second' WHERE number = $1`, [expiring.order.number]);
    await t.app.get(OrderDeadlinesService).expireDue();
    expect(stripe.paymentIntent(expiring.intentId)!.status).toBe('canceled');

    const cancelled = await placeOrder();
    await as(cancelled.buyer).post(`/api/orders/${cancelled.order.number}/cancel`).expect(200);
    expect(stripe.paymentIntent(cancelled.intentId)!.status).toBe('canceled');
    await stripe.idle();
    expect(await orderOf(cancelled.buyer, cancelled.order.number)).toMatchObject({ status: 'CANCELLED', cancelReason: 'BUYER' });
  });

  it('cancels the order when its PaymentIntent is cancelled at Stripe', async () => {
    const { buyer, order, intentId } = await placeOrder();
    const before = await stockOf(tea.variantId);
    const sdk = new Stripe(SECRET_KEY, { host: '127.0.0.1', port: stripe.port, protocol: 'http', telemetry: false });
    await sdk.paymentIntents.cancel(intentId);
    await stripe.idle();

    expect(await orderOf(buyer, order.number)).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'PAYMENT_CANCELED',
      payment: { status: 'CANCELLED' },
    });
    expect(await stockOf(tea.variantId)).toBe(before + 2);
  });

  it('does not mark an order paid when the amount received differs, and flags it for an admin', async () => {
    const { buyer, order, intentId } = await placeOrder();
    stripe.confirm(intentId, 'pm_card_visa', { amountReceivedFen: order.totalFen - 100 });
    await stripe.idle();

    expect(await orderOf(buyer, order.number)).toMatchObject({ status: 'AWAITING_PAYMENT', payment: { status: 'PENDING' } });
    const flagged = (await as(admin).get('/api/admin/payments/flagged').expect(200)).body;
    expect(flagged).toContainEqual(
      expect.objectContaining({
        orderNumber: order.number,
        amountFen: order.totalFen,
        receivedFen: order.totalFen - 100,
        receivedCurrency: 'cny',
      }),
    );
  });

  it('refunds chosen lines and then the rest; the order changes only when Stripe confirms', async () => {
    const { buyer, order, intentId } = await paidOrder([
      [tea, 3],
      [other, 1],
    ]);
    const lines = (await orderOf(buyer, order.number)).fulfillments.flatMap((f: { lines: object[] }) => f.lines);
    const teaLine = lines.find((l: { variantId: string }) => l.variantId === tea.variantId);
    stripe.delivery.hold = true;

    const partial = await as(admin)
      .post('/api/admin/refunds', { orderNumber: order.number, lines: [{ lineId: teaLine.id, quantity: 2 }], reason: '茶叶受潮' })
      .expect(201);
    expect(partial.body).toMatchObject({ kind: 'ADMIN', status: 'PENDING', amountFen: teaLine.unitPriceFen * 2, shippingFen: 0 });
    expect((await orderOf(buyer, order.number)).status).toBe('PAID');
    await stripe.release();
    expect(await orderOf(buyer, order.number)).toMatchObject({ status: 'PAID', refundedFen: teaLine.unitPriceFen * 2 });

    const tooMany = await as(admin)
      .post('/api/admin/refunds', { orderNumber: order.number, lines: [{ lineId: teaLine.id, quantity: 2 }], reason: '再退' })
      .expect(422);
    expect(tooMany.body.code).toBe('REFUND_QUANTITY_TOO_LARGE');
    const stranger = await as(admin)
      .post('/api/admin/refunds', {
        orderNumber: order.number,
        lines: [{ lineId: '7d4f3c2a-1b0e-4f5a-9c8d-2e1f0a9b8c7d', quantity: 1 }],
        reason: '再退',
      })
      .expect(422);
    expect(stranger.body.code).toBe('ORDER_LINE_NOT_FOUND');
    expect(
      (await as(admin).post('/api/admin/refunds', { orderNumber: order.number, lines: [], reason: '再退' }).expect(400)).body.code,
    ).toBe('VALIDATION_FAILED');

    const rest = await as(admin).post('/api/admin/refunds', { orderNumber: order.number, reason: '整单退款' }).expect(201);
    expect(rest.body).toMatchObject({ amountFen: order.totalFen - teaLine.unitPriceFen * 2, shippingFen: order.shippingFen });
    await stripe.release();
    expect(await orderOf(buyer, order.number)).toMatchObject({
      status: 'REFUNDED',
      refundedFen: order.totalFen,
      payment: { status: 'REFUNDED' },
    });
    expect(refundsAtStripe(intentId)).toEqual([teaLine.unitPriceFen * 2, order.totalFen - teaLine.unitPriceFen * 2]);
    expect(
      await t.sql(
        `SELECT action FROM audit_log WHERE entity_type = 'order' AND entity_id = (SELECT id::text FROM "order" WHERE number = $1) ORDER BY id`,
        [order.number],
      ),
    ).toEqual([{ action: 'refund.requested' }, { action: 'refund.requested' }]);
    expect((await as(admin).post('/api/admin/refunds', { orderNumber: order.number, reason: '又一次' }).expect(409)).body.code).toBe(
      'ORDER_STATUS_CONFLICT',
    );
  });

  it('holds back a parcel whose goods a pending refund covers, and calls it off once Stripe confirms', async () => {
    const { buyer, order } = await paidOrder([
      [tea, 1],
      [other, 1],
    ]);
    const parcel = (await orderOf(buyer, order.number)).fulfillments.find(
      (f: { cooperative: { id: string } }) => f.cooperative.id === other.cooperativeId,
    );
    const staff = await tokenFor(t, 'cooperative', other.cooperativeId);
    stripe.delivery.hold = true;

    const { body: refund } = await as(admin)
      .post('/api/admin/refunds', { orderNumber: order.number, lines: [{ lineId: parcel.lines[0].id, quantity: 1 }], reason: '缺货' })
      .expect(201);
    expect(refund).toMatchObject({
      status: 'PENDING',
      shippingFen: parcel.feeFen,
      amountFen: parcel.lines[0].lineTotalFen + parcel.feeFen,
    });
    const ship = { carrier: '中通快递', trackingNo: '75312345678901' };
    expect((await as(staff).post(`/api/coop/fulfillments/${parcel.id}/ship`, ship).expect(409)).body.code).toBe(
      'FULFILLMENT_STATUS_CONFLICT',
    );

    await stripe.release();
    const after = await orderOf(buyer, order.number);
    expect(after).toMatchObject({ status: 'PAID', refundedFen: refund.amountFen });
    expect(after.fulfillments.map((f: { status: string }) => f.status).sort()).toEqual(['CANCELLED', 'PENDING']);
  });

  it('keeps a refund pending while Stripe is down and hands it over on the next run of the job', async () => {
    const { buyer, order, intentId } = await paidOrder();
    stripe.failNext({ method: 'POST', path: '/v1/refunds' }, { status: 503 }, 2);

    const refund = await as(admin).post('/api/admin/refunds', { orderNumber: order.number, reason: '缺货' }).expect(201);
    expect(refund.body.status).toBe('PENDING');
    expect(refundsAtStripe(intentId)).toEqual([]);

    expect(await t.app.get(RefundsService).submitPending()).toBeGreaterThanOrEqual(1);
    await stripe.idle();
    expect(refundsAtStripe(intentId)).toEqual([order.totalFen]);
    expect(await orderOf(buyer, order.number)).toMatchObject({
      status: 'REFUNDED',
      refunds: [expect.objectContaining({ status: 'SUCCEEDED' })],
    });
  });

  it('refunds a paid order the buyer cancels before shipping, and puts the stock back', async () => {
    const { buyer, order } = await paidOrder();
    const before = await stockOf(tea.variantId);

    const cancelled = await as(buyer).post(`/api/orders/${order.number}/cancel`).expect(200);
    expect(cancelled.body).toMatchObject({
      status: 'CANCELLED',
      refunds: [expect.objectContaining({ kind: 'CANCELLATION', amountFen: order.totalFen })],
    });
    expect(await stockOf(tea.variantId)).toBe(before + 2);
    await stripe.idle();

    const final = await orderOf(buyer, order.number);
    expect(final).toMatchObject({ status: 'CANCELLED', refundedFen: order.totalFen, payment: { status: 'REFUNDED' } });
    expect(final.refunds[0].status).toBe('SUCCEEDED');
    expect(await outbox(order.number)).toEqual([{ topic: 'ORDER_PAID' }, { topic: 'ORDER_REFUNDED' }]);
  });

  it('delivers each notification once, even with two processes delivering at the same time, and retries a failed send', async () => {
    const notifications = t.app.get(NotificationsService);
    // What earlier tests left in the outbox goes out first, so that the failure below meets this order's message.
    await notifications.deliverDue();
    const { order } = await paidOrder();
    const transport = t.app.get<NotificationTransport>(NOTIFICATION_TRANSPORT);
    const sent: string[] = [];
    let failures = 1;
    const send = jest.spyOn(transport, 'send').mockImplementation(async (message) => {
      if (failures > 0) {
        failures -= 1;
        throw new Error('SMTP 421 try later');
      }
      sent.push(message.messageId);
    });
    try {
      await notifications.deliverDue();
      const [row] = await t.sql(
        `SELECT n.attempts, n.last_error, n.sent_at FROM notification_outbox n JOIN "order" o ON o.id = n.order_id WHERE o.number = $1`,
        [order.number],
      );
      expect(row).toMatchObject({ attempts: 1, last_error: 'SMTP 421 try later', sent_at: null });
      await t.sql(`UPDATE notification_outbox SET next_attempt_at = qh_now() WHERE sent_at IS NULL`);

      const pending = await count(`SELECT count(*) FROM notification_outbox WHERE sent_at IS NULL`);
      await Promise.all([notifications.deliverDue(), notifications.deliverDue(), notifications.deliverDue()]);
      expect(sent).toHaveLength(pending);
      expect(new Set(sent).size).toBe(pending);
      expect(await count(`SELECT count(*) FROM notification_outbox WHERE sent_at IS NULL`)).toBe(0);
      expect(send.mock.calls.every(([message]) => message.to.endsWith('@example.cn'))).toBe(true);
    } finally {
      send.mockRestore();
    }
  });
});
