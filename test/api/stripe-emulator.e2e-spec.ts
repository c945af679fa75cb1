// The Stripe emulator against the real `stripe` SDK: if the SDK and the emulator ever disagree (encoding,
// error mapping, webhook signatures), these fail before any payment test builds on the emulator.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { startStripeEmulator, type StripeEmulator, type StripeErrorBody } from '../support/stripe-emulator';

const SECRET_KEY = 'sk_test_emulator';
const WEBHOOK_SECRET = 'whsec_emulator';

/** One POST to the test webhook endpoint, after the SDK verified it (unverified ones land in `rejected`). */
interface Received {
  event: Stripe.Event;
  rawBody: string;
  signature: string;
  contentType: string | undefined;
  receivedAtMs: number;
}

describe('Stripe emulator, through the official SDK', () => {
  let emulator: StripeEmulator;
  let stripe: Stripe;
  let receiver: Server;
  let webhookUrl: string;
  let received: Received[] = [];
  let rejected: string[] = [];
  /** The receiver's answer to each verified event; tests swap it to make the endpoint fail. */
  let answer: (event: Stripe.Event) => number = () => 200;

  const client = (options: { key?: string; timeoutMs?: number } = {}) =>
    new Stripe(options.key ?? SECRET_KEY, {
      host: '127.0.0.1',
      port: emulator.port,
      protocol: 'http',
      maxNetworkRetries: 0,
      telemetry: false,
      timeout: options.timeoutMs ?? 2_000,
    });

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const rawBody = Buffer.concat(chunks).toString('utf8');
        const signature = String(req.headers['stripe-signature'] ?? '');
        try {
          const event = stripe.webhooks.constructEvent(rawBody, signature, WEBHOOK_SECRET);
          received.push({ event, rawBody, signature, contentType: req.headers['content-type'], receivedAtMs: Date.now() });
          res.writeHead(answer(event)).end();
        } catch (error) {
          rejected.push(String(error));
          res.writeHead(400).end();
        }
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/payments/stripe/webhook`;
    emulator = await startStripeEmulator({ port: 0, webhookUrl, webhookSecret: WEBHOOK_SECRET, retryDelayMs: 20 });
    stripe = client();
  });

  beforeEach(async () => {
    // Deliveries a previous test set off must not land in this one's `received`.
    await emulator.idle();
    received = [];
    rejected = [];
    answer = () => 200;
    emulator.reset();
    emulator.setWebhook(webhookUrl, WEBHOOK_SECRET);
  });

  afterEach(() => expect(rejected).toEqual([]));

  afterAll(async () => {
    await emulator?.close();
    receiver?.closeAllConnections();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  let orders = 0;
  /** A PaymentIntent as the API makes one for an order, under its own idempotency key. */
  async function createIntent(amountFen = 12_800) {
    orders += 1;
    return stripe.paymentIntents.create(
      {
        amount: amountFen,
        currency: 'cny',
        allowed_payment_method_types: ['card', 'alipay', 'wechat_pay'],
        payment_method_options: { wechat_pay: { client: 'web' } },
        description: `黔货入粤 QH-TEST-${orders}`,
        metadata: { order_number: `QH-TEST-${orders}`, order_id: `order-${orders}` },
      },
      { idempotencyKey: `order-${orders}-${Date.now()}` },
    );
  }

  async function paidIntent(amountFen = 10_000) {
    const intent = await createIntent(amountFen);
    expect(emulator.confirm(intent.id).error).toBeNull();
    await emulator.idle();
    received = [];
    return intent;
  }

  /** The SDK error a call rejects with; fails the test when the call succeeds. */
  async function failure(call: Promise<unknown>): Promise<Stripe.errors.StripeError> {
    try {
      await call;
    } catch (error) {
      expect(error).toBeInstanceOf(Stripe.errors.StripeError);
      return error as Stripe.errors.StripeError;
    }
    throw new Error('expected the Stripe call to fail');
  }

  const receivedOf = (type: string) => received.filter((r) => r.event.type === type);

  it('creates a PaymentIntent from the SDK encoding, replays it for a repeated idempotency key, refuses the key with other params', async () => {
    const params: Stripe.PaymentIntentCreateParams = {
      amount: 12_800,
      currency: 'CNY',
      allowed_payment_method_types: ['card', 'wechat_pay'],
      payment_method_options: { wechat_pay: { client: 'web' } },
      description: '黔货入粤 QH20260101-0001',
      metadata: { order_number: 'QH20260101-0001', order_id: 'b1f0c5de' },
    };
    const before = emulator.paymentIntents().length;
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: 'order-b1f0c5de' });
    expect(first).toMatchObject({
      object: 'payment_intent',
      amount: 12_800,
      amount_received: 0,
      currency: 'cny',
      status: 'requires_payment_method',
      allowed_payment_method_types: ['card', 'wechat_pay'],
      payment_method_types: ['card', 'wechat_pay'],
      payment_method_options: { wechat_pay: { client: 'web' } },
      description: '黔货入粤 QH20260101-0001',
      metadata: { order_number: 'QH20260101-0001', order_id: 'b1f0c5de' },
      latest_charge: null,
      last_payment_error: null,
      livemode: false,
    });
    expect(first.id).toMatch(/^pi_\w+$/);
    expect(first.client_secret).toMatch(new RegExp(`^${first.id}_secret_\\w+$`));
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect(emulator.requests().at(-1)).toMatchObject({
      method: 'POST',
      path: '/v1/payment_intents',
      idempotencyKey: 'order-b1f0c5de',
      params: { amount: '12800', allowed_payment_method_types: ['card', 'wechat_pay'], metadata: { order_number: 'QH20260101-0001' } },
    });

    const again = await stripe.paymentIntents.create(params, { idempotencyKey: 'order-b1f0c5de' });
    expect(again).toEqual(first);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(emulator.paymentIntents()).toHaveLength(before + 1);

    const clash = await failure(stripe.paymentIntents.create({ ...params, amount: 12_900 }, { idempotencyKey: 'order-b1f0c5de' }));
    expect(clash).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(clash).toMatchObject({ statusCode: 400, rawType: 'idempotency_error' });
    expect(emulator.paymentIntents()).toHaveLength(before + 1);
  });

  it('refuses a missing or non-integer amount with the parameter named', async () => {
    const missing = await failure(stripe.paymentIntents.create({ currency: 'cny' } as Stripe.PaymentIntentCreateParams));
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'amount' });
    const fractional = await failure(stripe.paymentIntents.create({ amount: 12.5, currency: 'cny' }));
    expect(fractional).toMatchObject({ statusCode: 400, code: 'parameter_invalid_integer', param: 'amount' });
    const zero = await failure(stripe.paymentIntents.create({ amount: 0, currency: 'cny' }));
    expect(zero).toMatchObject({ code: 'parameter_invalid_integer', param: 'amount' });
  });

  it('retrieves a PaymentIntent, and answers 404 resource_missing for an unknown one', async () => {
    const intent = await createIntent();
    const retrieved = await stripe.paymentIntents.retrieve(intent.id);
    expect(retrieved).toEqual(intent);
    const unknown = await failure(stripe.paymentIntents.retrieve('pi_doesnotexist'));
    expect(unknown).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(unknown).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  it('confirms with pm_card_visa: a charge, and signed payment_intent.succeeded and charge.succeeded webhooks the SDK verifies', async () => {
    const intent = await createIntent(12_800);
    const confirmed = await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    expect(confirmed).toMatchObject({ status: 'succeeded', amount_received: 12_800, latest_charge: expect.stringMatching(/^ch_/) });
    await emulator.idle();

    const [succeeded] = receivedOf('payment_intent.succeeded');
    expect(succeeded.event).toMatchObject({
      object: 'event',
      api_version: '2026-10-28.endive',
      livemode: false,
      pending_webhooks: 1,
      data: { object: { id: intent.id, status: 'succeeded', amount_received: 12_800, metadata: intent.metadata } },
    });
    expect(succeeded.event.id).toMatch(/^evt_/);
    expect(succeeded.contentType).toBe('application/json; charset=utf-8');
    expect(succeeded.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    // The signature covers exactly these bytes and this secret.
    expect(() => stripe.webhooks.constructEvent(succeeded.rawBody, succeeded.signature, 'whsec_other')).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    expect(() => stripe.webhooks.constructEvent(succeeded.rawBody.replace('12800', '12801'), succeeded.signature, WEBHOOK_SECRET)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );

    const [charge] = receivedOf('charge.succeeded');
    expect(charge.event.data.object).toMatchObject({
      id: confirmed.latest_charge,
      object: 'charge',
      amount: 12_800,
      amount_captured: 12_800,
      amount_refunded: 0,
      currency: 'cny',
      paid: true,
      status: 'succeeded',
      refunded: false,
      payment_intent: intent.id,
      metadata: intent.metadata,
    });
    expect(emulator.deliveries().filter((d) => d.eventId === succeeded.event.id)).toEqual([
      { eventId: succeeded.event.id, type: 'payment_intent.succeeded', attempt: 1, copy: 1, status: 200, error: null },
    ]);

    const twice = await failure(stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' }));
    expect(twice).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
  });

  it('declines pm_card_chargeDeclined with a StripeCardError and payment_intent.payment_failed; a retry with another card succeeds', async () => {
    const intent = await createIntent();
    const declined = await failure(stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclined' }));
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(declined).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'generic_decline' });
    expect(emulator.paymentIntent(intent.id)).toMatchObject({
      status: 'requires_payment_method',
      last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline' },
      latest_charge: null,
    });
    await emulator.idle();
    expect(received.map((r) => r.event.type)).toEqual(['payment_intent.payment_failed']);
    expect(received[0].event.data.object).toMatchObject({ id: intent.id, last_payment_error: { code: 'card_declined' } });

    const retried = await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    expect(retried).toMatchObject({ status: 'succeeded', last_payment_error: null, amount_received: intent.amount });
  });

  it('cancels an open intent with payment_intent.canceled, and refuses to cancel a succeeded one', async () => {
    const open = await createIntent();
    const canceled = await stripe.paymentIntents.cancel(open.id, { cancellation_reason: 'abandoned' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned', canceled_at: expect.any(Number) });
    await emulator.idle();
    expect(received.map((r) => [r.event.type, (r.event.data.object as Stripe.PaymentIntent).id])).toEqual([
      ['payment_intent.canceled', open.id],
    ]);
    const confirmCanceled = await failure(stripe.paymentIntents.confirm(open.id, { payment_method: 'pm_card_visa' }));
    expect(confirmCanceled).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });

    const paid = await paidIntent();
    const cancelPaid = await failure(stripe.paymentIntents.cancel(paid.id));
    expect(cancelPaid).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(cancelPaid).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
    expect(emulator.paymentIntent(paid.id)?.status).toBe('succeeded');
  });

  it('refunds part then the rest: two charge.refunded with growing amount_refunded, then refuses any more', async () => {
    const intent = await paidIntent(10_000);
    const partial = await stripe.refunds.create(
      { payment_intent: intent.id, amount: 3_000, metadata: { refund_id: 'r-1' }, reason: 'requested_by_customer' },
      { idempotencyKey: 'refund-r-1' },
    );
    expect(partial).toMatchObject({
      object: 'refund',
      amount: 3_000,
      currency: 'cny',
      status: 'succeeded',
      payment_intent: intent.id,
      metadata: { refund_id: 'r-1' },
      reason: 'requested_by_customer',
    });
    expect(partial.id).toMatch(/^re_/);
    const tooMuch = await failure(stripe.refunds.create({ payment_intent: intent.id, amount: 7_001 }));
    expect(tooMuch).toMatchObject({ statusCode: 400, code: 'amount_too_large', param: 'amount' });
    const rest = await stripe.refunds.create({ payment_intent: intent.id, metadata: { refund_id: 'r-2' } });
    expect(rest.amount).toBe(7_000);
    expect(await stripe.refunds.retrieve(rest.id)).toEqual(rest);
    await emulator.idle();

    const refunded = receivedOf('charge.refunded').map((r) => r.event.data.object as Stripe.Charge);
    expect(refunded.map((c) => [c.amount_refunded, c.refunded, c.refunds?.data.length])).toEqual([
      [3_000, false, 1],
      [10_000, true, 2],
    ]);
    expect(refunded[1].refunds?.data.map((r) => r.id)).toEqual([rest.id, partial.id]);
    expect(receivedOf('refund.created').map((r) => (r.event.data.object as Stripe.Refund).id)).toEqual([partial.id, rest.id]);

    const again = await failure(stripe.refunds.create({ payment_intent: intent.id, amount: 1 }));
    expect(again).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(again).toMatchObject({ statusCode: 400, code: 'charge_already_refunded' });
    const unpaid = await createIntent();
    const nothingToRefund = await failure(stripe.refunds.create({ payment_intent: unpaid.id }));
    expect(nothingToRefund).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
  });

  it('refundFromDashboard has the same effects and events as an API refund', async () => {
    const intent = await paidIntent(5_000);
    const refund = emulator.refundFromDashboard(intent.id, 2_000);
    expect(refund).toMatchObject({ amount: 2_000, payment_intent: intent.id, status: 'succeeded' });
    await emulator.idle();
    expect(received.map((r) => r.event.type)).toEqual(['charge.refunded', 'refund.created']);
    expect(received[0].event).toMatchObject({ request: { id: null }, data: { object: { amount_refunded: 2_000 } } });
    expect(() => emulator.refundFromDashboard(intent.id, 3_001)).toThrow(/greater than unrefunded amount/);
  });

  it('failNext 500: the SDK throws StripeAPIError and nothing is created; the next request goes through', async () => {
    const before = emulator.paymentIntents().length;
    emulator.failNext({ method: 'POST', path: '/v1/payment_intents' }, { status: 500 });
    const error = await failure(createIntent());
    expect(error).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(error).toMatchObject({ statusCode: 500, rawType: 'api_error' });
    expect(emulator.paymentIntents()).toHaveLength(before);
    await createIntent();
    expect(emulator.paymentIntents()).toHaveLength(before + 1);

    const paid = await paidIntent();
    emulator.failNext({ path: /^\/v1\/refunds$/ }, { status: 503 });
    expect(await failure(stripe.refunds.create({ payment_intent: paid.id }))).toMatchObject({ statusCode: 503 });
    expect(emulator.refunds().filter((r) => r.payment_intent === paid.id)).toEqual([]);
    await emulator.idle();
    expect(received).toEqual([]);
  });

  it("failNext 'timeout': the SDK gives up with StripeConnectionError and nothing is created", async () => {
    const before = emulator.paymentIntents().length;
    emulator.failNext({ method: 'POST', path: '/v1/payment_intents' }, 'timeout');
    const impatient = client({ timeoutMs: 300 });
    const error = await failure(impatient.paymentIntents.create({ amount: 100, currency: 'cny' }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(emulator.paymentIntents()).toHaveLength(before);
    expect(emulator.requests().at(-1)).toMatchObject({ path: '/v1/payment_intents', status: null });
    await impatient.paymentIntents.create({ amount: 100, currency: 'cny' });
    expect(emulator.paymentIntents()).toHaveLength(before + 1);
  });

  it('delivers each event 5 times when asked for duplicates, concurrently and with the same event id', async () => {
    const intent = await createIntent();
    emulator.delivery.duplicates = 5;
    emulator.confirm(intent.id);
    await emulator.idle();
    const succeeded = receivedOf('payment_intent.succeeded');
    expect(succeeded).toHaveLength(5);
    expect(new Set(succeeded.map((r) => r.event.id)).size).toBe(1);
    const copies = emulator.deliveries().filter((d) => d.eventId === succeeded[0].event.id);
    expect(copies.map((d) => d.copy).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(receivedOf('charge.succeeded')).toHaveLength(5);
  });

  it('holds events until release, then sends them in reverse order, one after the other', async () => {
    emulator.delivery.hold = true;
    const first = await createIntent();
    const second = await createIntent();
    emulator.confirm(first.id);
    await stripe.paymentIntents.cancel(second.id);
    await emulator.idle();
    expect(received).toEqual([]);
    const held = emulator.held();
    expect(held.map((e) => e.type)).toEqual(['payment_intent.succeeded', 'charge.succeeded', 'payment_intent.canceled']);

    await emulator.release('reverse');
    expect(received.map((r) => r.event.id)).toEqual(held.map((e) => e.id).reverse());
    expect(emulator.held()).toEqual([]);
  });

  it('releases only the listed held events, in the order listed', async () => {
    emulator.delivery.hold = true;
    const intent = await createIntent();
    emulator.confirm(intent.id);
    const [succeeded, charge] = emulator.held();
    await emulator.release([charge.id]);
    expect(received.map((r) => r.event.id)).toEqual([charge.id]);
    expect(emulator.held().map((e) => e.id)).toEqual([succeeded.id]);
    await expect(emulator.release(['evt_unknown'])).rejects.toThrow(/not held/);
    await emulator.release();
    expect(received.map((r) => r.event.id)).toEqual([charge.id, succeeded.id]);
  });

  it('waits delayMs before delivering, without delaying the API answer', async () => {
    emulator.delivery.delayMs = 150;
    const intent = await createIntent();
    const startMs = Date.now();
    await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    expect(Date.now() - startMs).toBeLessThan(150);
    expect(received).toEqual([]);
    await emulator.idle();
    const [succeeded] = receivedOf('payment_intent.succeeded');
    expect(succeeded.receivedAtMs - startMs).toBeGreaterThanOrEqual(145);
  });

  it('retries a delivery the endpoint answered with 500, and records every attempt', async () => {
    let failuresLeft = 1;
    answer = () => (failuresLeft-- > 0 ? 500 : 200);
    const intent = await createIntent();
    emulator.delivery.hold = true;
    emulator.confirm(intent.id);
    const [succeeded] = emulator.held();
    await emulator.release([succeeded.id]);
    expect(emulator.deliveries().filter((d) => d.eventId === succeeded.id)).toMatchObject([
      { attempt: 1, status: 500 },
      { attempt: 2, status: 200 },
    ]);
    expect(received.map((r) => r.event.id)).toEqual([succeeded.id, succeeded.id]);
    // The retry is signed afresh and still verifies (the receiver rejects anything else).
    expect(received[1].signature).toMatch(/^t=\d+,v1=/);
  });

  it('records a connection error as status 0 and gives up after maxAttempts', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    emulator.setWebhook(`http://127.0.0.1:${port}/webhook`, WEBHOOK_SECRET);
    const intent = await createIntent();
    emulator.confirm(intent.id, 'pm_card_chargeDeclined');
    await emulator.idle();
    const [failed] = emulator.events().filter((e) => e.type === 'payment_intent.payment_failed' && e.data.object.id === intent.id);
    expect(emulator.deliveries().filter((d) => d.eventId === failed.id)).toMatchObject([
      { attempt: 1, status: 0 },
      { attempt: 2, status: 0 },
      { attempt: 3, status: 0 },
    ]);
  });

  it('lets a buyer-side confirm forge the amount and currency received, which shows in the events', async () => {
    const intent = await createIntent(12_800);
    const { paymentIntent, error } = emulator.confirm(intent.id, 'pm_card_visa', { amountReceivedFen: 1, currency: 'usd' });
    expect(error).toBeNull();
    expect(paymentIntent).toMatchObject({ status: 'succeeded', amount: 12_800, amount_received: 1, currency: 'usd' });
    await emulator.idle();
    expect(receivedOf('payment_intent.succeeded')[0].event.data.object).toMatchObject({
      amount: 12_800,
      amount_received: 1,
      currency: 'usd',
    });
    expect(receivedOf('charge.succeeded')[0].event.data.object).toMatchObject({ amount: 1, currency: 'usd' });
  });

  it('refuses a wrong API key with StripeAuthenticationError', async () => {
    const before = emulator.paymentIntents().length;
    const error = await failure(client({ key: 'sk_test_wrongkey1234' }).paymentIntents.create({ amount: 100, currency: 'cny' }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error).toMatchObject({
      statusCode: 401,
      rawType: 'invalid_request_error',
      message: expect.stringMatching(/^Invalid API Key provided: sk_test_/),
    });
    expect(emulator.paymentIntents()).toHaveLength(before);
  });

  it('answers unknown routes and malformed bodies with Stripe-shaped errors, and keeps serving', async () => {
    const post = (path: string, body: string, auth = true) =>
      fetch(`${emulator.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(auth && { Authorization: `Bearer ${SECRET_KEY}` }) },
        body,
      });
    const unknown = await post('/v1/charges', 'amount=1');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: { type: 'invalid_request_error', message: expect.stringMatching(/^Unrecognized request URL/) },
    });
    for (const body of [
      'amount[=1&%zz',
      '__proto__[polluted]=1',
      'amount=1&amount[x]=2',
      '{"amount": 100, "currency": "cny"}',
      'metadata[a]=1&metadata=x',
    ]) {
      const response = await post('/v1/payment_intents', body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as StripeErrorBody).error.type).toBe('invalid_request_error');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const missingKey = await post('/v1/payment_intents', 'amount=100&currency=cny', false);
    expect(missingKey.status).toBe(401);
    expect(((await missingKey.json()) as StripeErrorBody).error.message).toMatch(/You did not provide an API key/);
    await createIntent();
  });

  it('serves the buyer-side confirm and the state under /_emulator without auth', async () => {
    const intent = await createIntent();
    const confirmed = await fetch(`${emulator.url}/_emulator/payment_intents/${intent.id}/confirm?payment_method=pm_card_visa`, {
      method: 'POST',
    });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toMatchObject({ id: intent.id, status: 'succeeded' });
    const again = await fetch(`${emulator.url}/_emulator/payment_intents/${intent.id}/confirm?payment_method=pm_card_visa`, {
      method: 'POST',
    });
    expect(again.status).toBe(400);
    const state = (await (await fetch(`${emulator.url}/_emulator/state`)).json()) as { paymentIntents: { id: string; status: string }[] };
    expect(state.paymentIntents).toContainEqual(expect.objectContaining({ id: intent.id, status: 'succeeded' }));
    await emulator.idle();
  });
});
