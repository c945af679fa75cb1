import request from 'supertest';
import { hashPassword } from '../../apps/api/src/auth/password';
import { CartService } from '../../apps/api/src/orders/cart.service';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { tokenFor } from '../support/accounts';
import { startTestApp, TestApp } from '../support/test-app';
import { setStock } from '../support/builders';

const TIANHE = { name: '陈晓岚', mobile: '13800138000', districtCode: '440106', street: '天河路 385 号 12 楼 1203 室' };

async function accountWith(t: TestApp, email: string, password: string): Promise<void> {
  await t.sql(`INSERT INTO account (email, password_hash, role) VALUES ($1, $2, 'buyer')`, [email, await hashPassword(password)]);
}

const statuses = (responses: request.Response[]) =>
  responses.reduce<Record<string, number>>((counts, r) => ({ ...counts, [r.status]: (counts[r.status] ?? 0) + 1 }), {});

describe('abuse limits: sign-in and registration', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '5', LOGIN_MAX_FAILURES_PER_IP: '12', REGISTER_MAX_PER_IP: '3' });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, forwardedFor?: string) => {
    const call = request(t.url).post('/api/auth/login').send({ email, password });
    return forwardedFor ? call.set('X-Forwarded-For', forwardedFor) : call;
  };

  it('counts 30 wrong passwords sent at once as 30: five are checked, the rest answered 429', async () => {
    await accountWith(t, 'raced@example.cn', 'the-right-password');
    const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => login('raced@example.cn', `guess-${i}`)));
    expect(statuses(responses)).toEqual({ 401: 5, 429: 25 });
    const refused = responses.find((r) => r.status === 429)!;
    expect(refused.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Locked for the window, even with the right password.
    expect((await login('raced@example.cn', 'the-right-password')).status).toBe(429);
  });

  it('limits wrong passwords from one address across many emails, whatever X-Forwarded-For claims', async () => {
    await t.sql(`DELETE FROM login_attempt`);
    const responses: request.Response[] = [];
    for (let i = 0; i < 15; i += 1) responses.push(await login(`nobody-${i}@example.cn`, 'wrong-password', `203.0.113.${i}`));
    expect(responses.map((r) => r.status)).toEqual([...Array(12).fill(401), 429, 429, 429]);
    // Until the window has passed, nobody signs in from that address: the spoofed header named no one else.
    await accountWith(t, 'neighbour@example.cn', 'neighbour-password');
    const neighbour = await login('neighbour@example.cn', 'neighbour-password', '198.51.100.99');
    expect([neighbour.status, neighbour.headers['retry-after']]).toEqual([429, '60']);
  });

  it('limits registrations from one address, and says when to come back', async () => {
    const register = (i: number) =>
      request(t.url)
        .post('/api/auth/register')
        .send({ email: `newcomer-${i}@example.cn`, password: 'long-enough-pw' });
    const responses = await Promise.all([0, 1, 2, 3, 4].map(register));
    expect(statuses(responses)).toEqual({ 201: 3, 429: 2 });
    const refused = responses.find((r) => r.status === 429)!;
    expect(refused.body).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(refused.headers['retry-after']).toBe('600');
    const [{ accounts }] = await t.sql(`SELECT count(*)::int AS accounts FROM account WHERE email LIKE 'newcomer-%'`);
    expect(accounts).toBe(3);
  });

  it('purges attempts once they count for nothing', async () => {
    await t.sql(`UPDATE login_attempt SET at = at - interval '2 days'`);
    await t.sql(`UPDATE registration_attempt SET at = at - interval '2 days'`);
    expect(await t.app.get(AuthService).purgeOldAttempts()).toBeGreaterThan(0);
    expect(await t.sql(`SELECT 1 FROM login_attempt UNION ALL SELECT 1 FROM registration_attempt`)).toEqual([]);
    // Nothing counts against anyone any more.
    expect((await login('raced@example.cn', 'the-right-password')).status).toBe(200);
  });
});

describe('abuse limits behind a trusted proxy', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES_PER_IP: '3', TRUST_PROXY: '127.0.0.1' });
  });
  afterAll(() => t.close());

  it('counts each caller the proxy names separately', async () => {
    const wrong = (i: number, address: string) =>
      request(t.url)
        .post('/api/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email: `x${i}@example.cn`, password: 'wrong-pw' });
    const fromOne = [];
    for (let i = 0; i < 4; i += 1) fromOne.push((await wrong(i, '198.51.100.7')).status);
    expect(fromOne).toEqual([401, 401, 401, 429]);
    expect((await wrong(9, '198.51.100.8')).status).toBe(401);
  });
});

describe('abuse limits: what one buyer may hold unpaid', () => {
  let t: TestApp;
  let variant: { variantId: string };

  beforeAll(async () => {
    t = await startTestApp({ MAX_UNPAID_ORDERS: '2', MAX_RESERVED_UNITS: '10' }, { demoData: true });
    // An ambient product sold all year, with stock to spare.
    [variant] = (await t.sql(
      `SELECT v.id AS "variantId" FROM product_variant v JOIN product p ON p.id = v.product_id
        WHERE p.status = 'PUBLISHED' AND p.shipping_class = 'AMBIENT' AND p.sale_starts_at IS NULL ORDER BY v.sku LIMIT 1`,
    )) as { variantId: string }[];
    await setStock(t, variant.variantId, 1000);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    add: (quantity: number) =>
      request(t.url).post('/api/cart/lines').set('Authorization', `Bearer ${token}`).send({ variantId: variant.variantId, quantity }),
    checkout: (key: string) =>
      request(t.url).post('/api/checkout').set('Authorization', `Bearer ${token}`).set('Idempotency-Key', key).send({ address: TIANHE }),
  });
  const stock = async () => (await t.sql(`SELECT stock FROM product_variant WHERE id = $1`, [variant.variantId]))[0].stock as number;

  it('refuses a third unpaid order with 409 and keeps the cart; paying one makes room', async () => {
    const buyer = await tokenFor(t, 'buyer');
    const numbers: string[] = [];
    for (const key of ['unpaid-first', 'unpaid-second']) {
      await as(buyer).add(1).expect(200);
      numbers.push((await as(buyer).checkout(key).expect(201)).body.number);
    }
    await as(buyer).add(1).expect(200);
    const before = await stock();
    const third = await as(buyer).checkout('unpaid-third').expect(409);
    expect(third.body.code).toBe('TOO_MANY_UNPAID_ORDERS');
    expect(await stock()).toBe(before);
    const { body: cart } = await request(t.url).get('/api/cart').set('Authorization', `Bearer ${buyer}`).expect(200);
    expect(cart.lines).toHaveLength(1);

    await request(t.url).post(`/api/payments/demo/${numbers[0]}/pay`).set('Authorization', `Bearer ${buyer}`).expect(200);
    await as(buyer).checkout('unpaid-third').expect(201);
  });

  it('refuses an order that would hold more units than allowed', async () => {
    const buyer = await tokenFor(t, 'buyer');
    await as(buyer).add(6).expect(200);
    await as(buyer).checkout('units-six').expect(201);
    await as(buyer).add(5).expect(200);
    const refused = await as(buyer).checkout('units-five-more').expect(409);
    expect(refused.body.code).toBe('TOO_MANY_RESERVED_UNITS');
    expect(refused.body.message).toContain('10');
  });

  it('places one order when the same cart is checked out three times at once', async () => {
    const buyer = await tokenFor(t, 'buyer');
    await as(buyer).add(2).expect(200);
    const before = await stock();
    const responses = await Promise.all(['a', 'b', 'c'].map((key) => as(buyer).checkout(`at-once-${key}`)));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(responses.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(['CART_EMPTY', 'CART_EMPTY']);
    expect(await stock()).toBe(before - 2);
  });

  it('purges guest carts whose cookie has expired, and keeps the rest', async () => {
    await request(t.url).post('/api/cart/lines').send({ variantId: variant.variantId, quantity: 1 }).expect(200);
    await request(t.url).post('/api/cart/lines').send({ variantId: variant.variantId, quantity: 1 }).expect(200);
    await t.sql(
      `UPDATE cart SET updated_at = qh_now() - interval '31 days' WHERE id = (SELECT id FROM cart WHERE token_hash IS NOT NULL ORDER BY created_at LIMIT 1)`,
    );
    const [{ guests }] = await t.sql(`SELECT count(*)::int AS guests FROM cart WHERE token_hash IS NOT NULL`);
    expect(await t.app.get(CartService).purgeAbandonedGuestCarts()).toBe(1);
    const [{ left }] = await t.sql(`SELECT count(*)::int AS left FROM cart WHERE token_hash IS NOT NULL`);
    expect(left).toBe(Number(guests) - 1);
  });
});
