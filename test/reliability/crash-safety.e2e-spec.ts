import { BuiltApp, until } from '../support/built-app';

/**
 * Crash safety of the built app on its own embedded PostgreSQL: kill -9 of the app in the middle
 * of 40 concurrent checkouts and payments, a restart on the same data folder, then SQL over what
 * was left (stock, lines, shipments, payments, ledger: nothing lost, nothing twice); then SIGKILL of
 * PostgreSQL itself under load, which clients see as 503 DATABASE_UNAVAILABLE with Retry-After
 * until the app's watchdog has it running again.
 */
const BUYERS = 40;
/** The app is killed once this many payments have answered: other orders are unpaid, in flight or not begun. */
const KILL_AFTER_PAYMENTS = 6;
/** Buyers who keep checking out while PostgreSQL is killed; others keep reading. */
const SHOPPERS = 10;
const READERS = 6;
/** Longer than this is a hang: a request must be answered (if only with 503) within a few seconds. */
const ANSWER_WITHIN_MS = 7_000;
const ADDRESS = { name: '陈晓岚', mobile: '13800138000', districtCode: '440106', street: '天河路 385 号' };
const PASSWORD = 'crash-safety-password';

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shapes are what the test asserts
  body: any;
  retryAfter: string | null;
  ms: number;
}

interface Buyer {
  id: string;
  token: string;
  /** Variants this buyer puts in the cart, one unit each. */
  variants: string[];
  key: string;
  /** The order number the buyer was told, and whether it was paid as far as the buyer saw. */
  order?: string;
  paid: boolean;
}

/**
 * A request the kill cut off: no answer at all (the socket closed, or nobody listened any more).
 * By name: fetch's errors come from outside Jest's sandbox, where `instanceof` does not see them.
 */
function isCutOff(error: unknown): boolean {
  const { name, message } = (error ?? {}) as { name?: string; message?: string };
  return name === 'TypeError' && message === 'fetch failed';
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('crash safety of the started app', () => {
  const app = new BuiltApp({
    SEED_DEMO_DATA: 'true',
    DEMO_HISTORY_ORDERS: '0',
    JOBS_ENABLED: 'true',
    // All the buyers register from one address.
    REGISTER_MAX_PER_IP: '1000',
    LOG_LEVEL: 'warn',
  });
  const buyers: Buyer[] = [];
  let passed = 0;
  /** Stock of every variant before the first checkout. */
  const startingStock = new Map<string, number>();
  const figures = {
    startMs: 0,
    registerMs: 0,
    restartMs: 0,
    placedBeforeKill: 0,
    paidBeforeKill: 0,
    placed: 0,
    paid: 0,
    cancelled: 0,
    awaiting: 0,
    cutOff: 0,
    checks: 0,
    outageAnswers: 0,
    interrupted: 0,
    unavailable: 0,
    slowestMs: 0,
    recoveryMs: 0,
  };

  const call = async (
    path: string,
    init: { method?: string; token?: string; body?: unknown; key?: string; timeoutMs?: number } = {},
  ): Promise<Answer> => {
    const started = Date.now();
    const response = await fetch(`${app.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.body !== undefined && { 'Content-Type': 'application/json' }),
        ...(init.token && { Authorization: `Bearer ${init.token}` }),
        ...(init.key && { 'Idempotency-Key': init.key }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(init.timeoutMs ?? 15_000),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
      retryAfter: response.headers.get('retry-after'),
      ms: Date.now() - started,
    };
  };
  const addLine = (buyer: Buyer, variantId: string) =>
    call('/api/cart/lines', { method: 'POST', token: buyer.token, body: { variantId, quantity: 1 } });
  const checkout = (buyer: Buyer, key: string) =>
    call('/api/checkout', { method: 'POST', token: buyer.token, key, body: { address: ADDRESS } });
  const pay = (buyer: Buyer, number: string) => call(`/api/payments/demo/${number}/pay`, { method: 'POST', token: buyer.token });

  /**
   * The invariants, over every order of the test's buyers: stock plus what open and paid orders
   * hold is the starting stock, and each order has its lines, shipments, payment and ledger entries
   * exactly once. Returns the orders by status.
   */
  const checkInvariants = async (): Promise<Record<string, number>> =>
    app.sql(async (client) => {
      const ids = buyers.map((buyer) => buyer.id);
      const { rows: stock } = await client.query(
        `SELECT v.id, v.stock, coalesce(h.units, 0)::int AS held
           FROM product_variant v
           LEFT JOIN (SELECT l.variant_id, sum(l.quantity) AS units FROM order_line l JOIN "order" o ON o.id = l.order_id
                       WHERE o.buyer_id = ANY($1::uuid[]) AND o.status <> 'CANCELLED' GROUP BY l.variant_id) h ON h.variant_id = v.id`,
        [ids],
      );
      for (const row of stock) {
        expect({ variant: row.id, total: row.stock + row.held }).toEqual({ variant: row.id, total: startingStock.get(row.id) });
        figures.checks += 1;
      }
      const { rows: orders } = await client.query(
        `SELECT o.number, o.status, o.total_fen::bigint AS total, o.linked_sales_fen::bigint AS linked,
                (SELECT count(*) FROM order_line l WHERE l.order_id = o.id)::int AS lines,
                (SELECT coalesce(sum(l.quantity), 0) FROM order_line l WHERE l.order_id = o.id)::int AS units,
                (SELECT count(DISTINCT l.cooperative_id) FROM order_line l WHERE l.order_id = o.id)::int AS cooperatives,
                (SELECT count(*) FROM fulfillment f WHERE f.order_id = o.id)::int AS fulfillments,
                (SELECT count(*) FROM order_line l JOIN fulfillment f ON f.id = l.fulfillment_id
                  WHERE l.order_id = o.id AND (f.order_id <> o.id OR f.cooperative_id <> l.cooperative_id))::int AS misfiled,
                (SELECT coalesce(sum(m.delta), 0) FROM inventory_movement m WHERE m.order_id = o.id)::int AS moved,
                (SELECT count(*) FROM payment p WHERE p.order_id = o.id)::int AS payments,
                (SELECT min(p.status) FROM payment p WHERE p.order_id = o.id) AS payment_status,
                (SELECT min(p.amount_fen) FROM payment p WHERE p.order_id = o.id)::bigint AS payment_fen,
                (SELECT count(*) FROM order_line l WHERE l.order_id = o.id AND l.certified)::int AS certified_lines,
                (SELECT count(*) FROM attribution_entry a WHERE a.order_id = o.id AND a.kind = 'SALE')::int AS sales,
                (SELECT count(DISTINCT a.order_line_id) FROM attribution_entry a JOIN order_line l ON l.id = a.order_line_id
                  WHERE a.order_id = o.id AND a.kind = 'SALE' AND l.certified)::int AS certified_sales,
                (SELECT coalesce(sum(a.linked_sales_fen), 0) FROM attribution_entry a WHERE a.order_id = o.id AND a.kind = 'SALE')::bigint AS ledger_fen
           FROM "order" o WHERE o.buyer_id = ANY($1::uuid[])`,
        [ids],
      );
      const byStatus: Record<string, number> = {};
      for (const order of orders) {
        byStatus[order.status] = (byStatus[order.status] ?? 0) + 1;
        const paid = !['AWAITING_PAYMENT', 'CANCELLED'].includes(order.status);
        const cancelled = order.status === 'CANCELLED';
        const seen = {
          number: order.number,
          hasLines: order.lines > 0,
          oneShipmentPerCooperative: order.fulfillments === order.cooperatives && order.misfiled === 0,
          stockTaken: order.moved === (cancelled ? 0 : -order.units),
          onePayment: order.payments === 1 && order.payment_fen === order.total,
          paymentStatus: paid ? order.payment_status === 'SUCCEEDED' : order.payment_status !== 'SUCCEEDED',
          ledger: paid
            ? order.sales === order.certified_lines && order.certified_sales === order.certified_lines && order.ledger_fen === order.linked
            : order.sales === 0,
        };
        expect(seen).toEqual({
          number: order.number,
          hasLines: true,
          oneShipmentPerCooperative: true,
          stockTaken: true,
          onePayment: true,
          paymentStatus: true,
          ledger: true,
        });
        figures.checks += 6;
      }
      return byStatus;
    });

  beforeAll(async () => {
    const started = Date.now();
    await app.start();
    figures.startMs = Date.now() - started;
    // Products on sale now and in stock, as the API says (seasons depend on the date, and the test never does).
    const onSale: { slug: string; certified: boolean }[] = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const { status, body: page } = await call(`/api/products?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect([status, page.code]).toEqual([200, undefined]);
      for (const item of page.items) {
        if (item.inStock && (item.season.saleStartsAt === null || item.season.inSeason)) onSale.push(item);
      }
      cursor = page.nextCursor;
    }
    const coldChain = await app.sql(
      async (client) =>
        (await client.query(`SELECT cold_chain FROM delivery_district WHERE code = $1`, [ADDRESS.districtCode])).rows[0].cold_chain,
    );
    const variants: { id: string; certified: boolean }[] = [];
    for (const { slug, certified } of onSale) {
      const { body: product } = await call(`/api/products/${slug}`);
      if (product.shippingClass !== 'AMBIENT' && !coldChain) continue;
      for (const variant of product.variants) if (variant.stockStatus === 'IN_STOCK') variants.push({ id: variant.id, certified });
    }
    await app.sql(async (client) => {
      for (const row of (await client.query(`SELECT id, stock FROM product_variant`)).rows) startingStock.set(row.id, row.stock);
    });
    // Enough stock that no checkout runs short; certified and uncertified goods both, so the ledger has lines to skip.
    const plenty = variants.filter((variant) => startingStock.get(variant.id)! >= 60);
    const pool = [...plenty.filter((v) => v.certified).slice(0, 6), ...plenty.filter((v) => !v.certified).slice(0, 2)];
    expect(pool.length).toBeGreaterThanOrEqual(3);

    // A few at a time: each registration is an argon2id hash (64 MiB), and the machine may have two cores.
    const stamp = Date.now().toString(36);
    const registering = Date.now();
    let next = 0;
    const register = async () => {
      for (let i = next++; i < BUYERS; i = next++) {
        const registered = await call('/api/auth/register', {
          method: 'POST',
          body: { email: `crash-${stamp}-${i}@example.cn`, password: PASSWORD },
          timeoutMs: 60_000,
        });
        expect(registered.status).toBe(201);
        const variants = [pool[i % pool.length].id, pool[(i + 1) % pool.length].id];
        buyers[i] = { id: registered.body.user.id, token: registered.body.accessToken, variants, key: `crash-${stamp}-${i}`, paid: false };
      }
    };
    await Promise.all(Array.from({ length: 4 }, register));
    figures.registerMs = Date.now() - registering;
  }, 120_000);

  afterAll(async () => {
    // What the app said, when something went wrong: its warnings, errors and exits.
    if (passed < 2) process.stderr.write(`the app's log:\n${app.tail(60, 40)}\n`);
    await app.dispose();
    process.stdout.write(
      `crash safety: first start ${figures.startMs} ms, ${BUYERS} buyers registered in ${figures.registerMs} ms; ` +
        `kill -9 with ${figures.placedBeforeKill} checkouts and ${figures.paidBeforeKill} payments answered, ` +
        `${figures.cutOff} buyers cut off mid-way, ` +
        `restart on the same data folder ${figures.restartMs} ms; ` +
        `${figures.placed} orders placed, ${figures.paid} paid, ${figures.awaiting} awaiting payment, ${figures.cancelled} cancelled; ` +
        `PostgreSQL killed under load: ${figures.outageAnswers} answers, ${figures.unavailable} of them 503 DATABASE_UNAVAILABLE, ` +
        `slowest ${figures.slowestMs} ms, back after ${figures.recoveryMs} ms, ${figures.interrupted} checkouts interrupted and finished ` +
        `with their key; ${figures.checks} checks made\n`,
    );
  }, 60_000);

  it('starts again on the same data folder after kill -9 mid-checkout, and loses or doubles nothing', async () => {
    let placedBeforeKill = 0;
    let paidBeforeKill = 0;
    let killing: Promise<void> | undefined;
    const shop = async (buyer: Buyer) => {
      try {
        for (const variantId of buyer.variants) expect((await addLine(buyer, variantId)).status).toBe(200);
        const placed = await checkout(buyer, buyer.key);
        expect([placed.status, placed.body.code]).toEqual([201, undefined]);
        buyer.order = placed.body.number;
        placedBeforeKill += 1;
        expect((await pay(buyer, placed.body.number)).status).toBe(200);
        buyer.paid = true;
        if (++paidBeforeKill === KILL_AFTER_PAYMENTS) killing = app.kill();
      } catch (error) {
        if (!isCutOff(error)) throw error;
        figures.cutOff += 1;
      }
    };
    await Promise.all(buyers.map(shop));
    await killing;
    figures.placedBeforeKill = placedBeforeKill;
    figures.paidBeforeKill = paidBeforeKill;
    expect(figures.cutOff).toBeGreaterThan(0);

    // The app is gone; its PostgreSQL is not, and still holds the data folder.
    const left = app.postmaster();
    expect(left?.pid).toBeDefined();
    expect(app.runningPostmaster()).toBe(left?.pid);
    const restarting = Date.now();
    await app.start();
    figures.restartMs = Date.now() - restarting;
    expect(app.logged(/left running by an earlier start/)).toHaveLength(1);

    // Each buyer sends the same checkout again: the order the kill hid, or a new one if there was none.
    await Promise.all(
      buyers.map(async (buyer) => {
        let again = await checkout(buyer, buyer.key);
        if (again.status === 409 && again.body.code === 'CART_EMPTY') {
          for (const variantId of buyer.variants) await addLine(buyer, variantId);
          again = await checkout(buyer, buyer.key);
        }
        expect([200, 201]).toContain(again.status);
        // An order the buyer was told about is never lost, and never made twice.
        if (buyer.order) expect([again.status, again.body.number]).toEqual([200, buyer.order]);
        if (buyer.paid) expect(again.body.status).toBe('PAID');
        if (again.body.status === 'AWAITING_PAYMENT') expect((await pay(buyer, again.body.number)).status).toBe(200);
        buyer.order = again.body.number;
      }),
    );
    const byStatus = await checkInvariants();
    expect(byStatus).toEqual({ PAID: BUYERS });
    passed += 1;
  }, 120_000);

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After while its PostgreSQL is down, and starts it again', async () => {
    const before = app.postmaster()!;
    const appPid = app.pid;
    const answers: (Answer & { path: string })[] = [];
    let running = true;
    const timed = async (path: string, request: () => Promise<Answer>) => {
      const answer = await request();
      answers.push({ ...answer, path });
      return answer;
    };
    const readers = buyers.slice(SHOPPERS, SHOPPERS + READERS).map(async (buyer) => {
      while (running) {
        await timed('/api/orders', () => call('/api/orders', { token: buyer.token }));
        await timed('/api/cart', () => call('/api/cart', { token: buyer.token }));
        await timed('/api/health', () => call('/api/health'));
        await pause(20);
      }
    });
    // Checkouts in flight when PostgreSQL dies; a buyer stops at the first one not answered with success.
    const unfinished: { buyer: Buyer; key: string }[] = [];
    const shoppers = buyers.slice(0, SHOPPERS).map(async (buyer, i) => {
      for (let round = 0; running; round++) {
        const key = `${buyer.key}-outage-${round}`;
        const added = await timed('/api/cart/lines', () => addLine(buyer, buyer.variants[round % 2]));
        const placed = added.status === 200 ? await timed('/api/checkout', () => checkout(buyer, key)) : added;
        const paid = placed.status === 201 ? await timed('/api/payments/demo', () => pay(buyer, placed.body.number)) : placed;
        if (paid.status !== 200) {
          unfinished.push({ buyer, key });
          return;
        }
        await pause(10 * i);
      }
    });

    await pause(500);
    const restartsBefore = app.logged(/embedded PostgreSQL is running again/).length;
    process.kill(before.pid, 'SIGKILL');
    const killedAt = Date.now();
    // A backend of the killed postmaster can still answer for a moment, so health alone could say "up" too early:
    // the database is back once the watchdog has started a new postmaster and health answers through it.
    await until(
      'the watchdog starting PostgreSQL again and the health check saying the database is up',
      async () =>
        app.logged(/embedded PostgreSQL is running again/).length > restartsBefore && (await call('/api/health')).status === 200
          ? true
          : undefined,
      60_000,
    );
    figures.recoveryMs = Date.now() - killedAt;
    await pause(500);
    running = false;
    await Promise.all([...readers, ...shoppers]);

    const outage = answers.filter((answer) => answer.status >= 500);
    figures.outageAnswers = answers.length;
    figures.unavailable = outage.filter((answer) => answer.body?.code === 'DATABASE_UNAVAILABLE').length;
    figures.slowestMs = Math.max(...answers.map((answer) => answer.ms));
    expect(figures.unavailable).toBeGreaterThan(0);
    expect(figures.slowestMs).toBeLessThan(ANSWER_WITHIN_MS);
    // Every failure is a 503 that says to come back, never a 500; health says it in its own shape.
    for (const answer of outage) {
      const code = answer.path === '/api/health' ? answer.body.database : answer.body.code;
      expect({ status: answer.status, code, retryAfter: Number(answer.retryAfter) > 0 }).toEqual({
        status: 503,
        code: answer.path === '/api/health' ? 'down' : expect.stringMatching(/^(DATABASE_UNAVAILABLE|PAYMENT_PROVIDER_UNAVAILABLE)$/),
        retryAfter: true,
      });
    }
    // The same app process throughout: nothing in it gave up when its database went away.
    expect(app.pid).toBe(appPid);
    const after = app.postmaster()!;
    expect(after.pid).not.toBe(before.pid);
    expect(after.port).toBe(before.port);

    // Back to normal: a new checkout and its payment go through.
    const buyer = buyers[SHOPPERS + READERS];
    expect((await addLine(buyer, buyer.variants[0])).status).toBe(200);
    const placed = await checkout(buyer, `${buyer.key}-after-outage`);
    expect([placed.status, placed.body.code]).toEqual([201, undefined]);
    expect((await pay(buyer, placed.body.number)).status).toBe(200);

    // What the outage interrupted is finished with the same key: the order made before the failure, or one made now.
    figures.interrupted = unfinished.length;
    for (const { buyer: shopper, key } of unfinished) {
      const again = await checkout(shopper, key);
      if (again.status === 409) {
        expect(again.body.code).toBe('CART_EMPTY');
        continue;
      }
      expect([200, 201]).toContain(again.status);
      if (again.body.status === 'AWAITING_PAYMENT') expect((await pay(shopper, again.body.number)).status).toBe(200);
    }

    const byStatus = await checkInvariants();
    figures.placed = Object.values(byStatus).reduce((sum, count) => sum + count, 0);
    figures.paid = byStatus.PAID ?? 0;
    figures.awaiting = byStatus.AWAITING_PAYMENT ?? 0;
    figures.cancelled = byStatus.CANCELLED ?? 0;
    expect(figures.awaiting).toBe(0);
    expect(figures.paid).toBeGreaterThan(BUYERS);
    passed += 1;
  }, 120_000);
});
