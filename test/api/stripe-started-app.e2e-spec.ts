import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../apps/api/src/database/embedded-postgres';
import { until } from '../support/built-app';
import { startStripeEmulator, type StripeEmulator } from '../support/stripe-emulator';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const ROOT = join(__dirname, '../..');
const MAIN = join(ROOT, 'apps/api/dist/main.js');

/**
 * The built app, started as `npm start` starts it but with the Stripe variables pointing at the
 * emulator: a checkout creates a PaymentIntent there, and the emulator's webhook (each event sent
 * three times) makes the order paid exactly once; the outbox job then tells the buyer once.
 */
describe('the started app with Stripe pointed at the emulator', () => {
  let stripe: StripeEmulator;
  let database: TestDatabase;
  let app: ChildProcess;
  let dataDir: string;
  let baseUrl: string;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('apps/api/dist/main.js is missing: run npm run build first');
    stripe = await startStripeEmulator({ port: 0, secretKey: 'sk_test_started', webhookSecret: 'whsec_started' });
    database = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'qh-stripe-app-'));
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    stripe.setWebhook(`${baseUrl}/api/payments/stripe/webhook`, 'whsec_started');
    app = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DATABASE_URL: database.url,
        LOG_LEVEL: 'warn',
        STRIPE_SECRET_KEY: 'sk_test_started',
        STRIPE_WEBHOOK_SECRET: 'whsec_started',
        STRIPE_PUBLISHABLE_KEY: 'pk_test_started',
        STRIPE_API_URL: stripe.url,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    await until('the app answering /api/health', async () => ((await fetch(`${baseUrl}/api/health`)).ok ? true : undefined), 90_000);
  }, 120_000);

  afterAll(async () => {
    if (app && app.exitCode === null) {
      const exited = new Promise((resolve) => app.once('exit', resolve));
      app.kill('SIGINT');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 15_000)))]);
      clearTimeout(timer);
      if (app.exitCode === null) app.kill('SIGKILL');
    }
    await stripe?.close();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  const json = async (path: string, init: RequestInit & { token?: string } = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      ...init,
      headers: {
        'Content-Type': 'application/json',
        ...(init.token && { Authorization: `Bearer ${init.token}` }),
        ...(init.headers as Record<string, string>),
      },
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shapes are what the test asserts
    return { status: response.status, body: (await response.json()) as any };
  };

  it('creates the PaymentIntent at the emulator and turns the order PAID once', async () => {
    stripe.delivery.duplicates = 3;
    const email = `buyer-${Date.now()}@example.cn`;
    expect(
      (await json('/api/auth/register', { method: 'POST', body: JSON.stringify({ email, password: 'a long enough password' }) })).status,
    ).toBe(201);
    const { body: session } = await json('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email, password: 'a long enough password' }),
    });
    const token = session.accessToken as string;
    // Something on sale now and in stock, from the demo data: a product sold all year, or one in its season.
    const { body: page } = await json('/api/products?limit=100');
    const onSale = page.items.find(
      (item: { inStock: boolean; season: { saleStartsAt: string | null; inSeason: boolean } }) =>
        item.inStock && (item.season.saleStartsAt === null || item.season.inSeason),
    );
    const { body: product } = await json(`/api/products/${onSale.slug}`);
    const variant = product.variants.find((v: { stockStatus: string }) => v.stockStatus !== 'SOLD_OUT');
    const added = await json('/api/cart/lines', { method: 'POST', token, body: JSON.stringify({ variantId: variant.id, quantity: 1 }) });
    expect(added.status).toBe(200);

    const placed = await json('/api/checkout', {
      method: 'POST',
      token,
      headers: { 'Idempotency-Key': `started-app-${Date.now()}` },
      body: JSON.stringify({ address: { name: '陈晓岚', mobile: '13800138000', districtCode: '440106', street: '天河路 385 号' } }),
    });
    expect([placed.status, placed.body.code]).toEqual([201, undefined]);
    const order = placed.body;
    expect(order.payment).toMatchObject({ provider: 'stripe', publishableKey: 'pk_test_started' });
    expect(stripe.paymentIntent(order.payment.reference)).toMatchObject({
      amount: order.totalFen,
      currency: 'cny',
      status: 'requires_payment_method',
    });

    // The buyer pays at "Stripe", the way the emulator's manual route lets a person do it.
    const paid = await fetch(`${stripe.url}/_emulator/payment_intents/${order.payment.reference}/confirm?payment_method=pm_card_visa`, {
      method: 'POST',
    });
    expect(paid.status).toBe(200);
    await stripe.idle();

    const final = await until<{ payment: { status: string } }>(
      'the order turning PAID',
      async () => {
        const { body } = await json(`/api/orders/${order.number}`, { token });
        return body.status === 'PAID' ? body : undefined;
      },
      60_000,
    );
    expect(final.payment.status).toBe('SUCCEEDED');
    const succeeded = stripe.events().find((e) => e.type === 'payment_intent.succeeded')!;
    expect(
      stripe
        .deliveries()
        .filter((d) => d.eventId === succeeded.id)
        .map((d) => d.status),
    ).toEqual([200, 200, 200]);

    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT n.topic, n.sent_at IS NOT NULL AS sent FROM notification_outbox n JOIN "order" o ON o.id = n.order_id WHERE o.number = $1`,
        [order.number],
      );
      expect(rows.map((row) => row.topic)).toEqual(['ORDER_PAID']);
      // The outbox trigger wakes the pg-boss delivery job at once, not at the next minute.
      await until(
        'the paid notification going out',
        async () => {
          const { rows: sent } = await client.query(
            `SELECT 1 FROM notification_outbox n JOIN "order" o ON o.id = n.order_id WHERE o.number = $1 AND n.sent_at IS NOT NULL`,
            [order.number],
          );
          return sent.length ? true : undefined;
        },
        20_000,
      );
    } finally {
      await client.end();
    }
  }, 150_000);
});
