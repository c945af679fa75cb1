import { makeResidentId } from '@qh/domain';
import request from 'supertest';
import { RawHttp } from './support/raw-http';
import { buildWorld, type World } from './support/world';

/**
 * One focused case for each cause of a 500 that an outside fuzz found (14,261 requests, 653
 * answers of 500 from 14 causes); the fuzz suite finds them too, this says which is which.
 */
describe('the causes of 500s found by the outside fuzz', () => {
  let world: World;
  let http: RawHttp;

  beforeAll(async () => {
    world = await buildWorld();
    http = new RawHttp(world.t.url);
  }, 120_000);
  afterAll(async () => {
    http?.close();
    await world?.t.close();
  });

  const as = (token: string | null) => {
    const auth = (test: request.Test) => (token ? test.set('Authorization', `Bearer ${token}`) : test);
    return {
      get: (path: string) => auth(request(world.t.url).get(path)),
      post: (path: string, body?: object) => auth(request(world.t.url).post(path)).send(body),
      patch: (path: string, body: object) => auth(request(world.t.url).patch(path)).send(body),
    };
  };
  const admin = () => as(world.tokens.admin);
  const official = () => as(world.tokens.official);
  const cursor = (order: string, key: string, id = '5b0f3c3e-7d1a-4c6e-9f20-3a8b1c2d4e5f') =>
    Buffer.from(JSON.stringify([order, key, id])).toString('base64url');

  it('1. answers a bad request to the CSV export as a JSON error, not as an object sent as CSV', async () => {
    const response = await official().get('/api/impact/export.csv?from=2026-02-30').expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: [{ field: 'from' }] });
    expect((await official().get('/api/impact/export.csv?zz=1').expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('2. refuses JSON nested 10,000 levels deep before validation walks it, from anyone, at once', async () => {
    for (const body of ['['.repeat(10_000) + ']'.repeat(10_000), '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)]) {
      const started = Date.now();
      const response = await http.send({ method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/json' }, body });
      expect([response.status, (response.json as { code: string }).code]).toEqual([400, 'JSON_TOO_COMPLEX']);
      expect(Date.now() - started).toBeLessThan(1_000);
    }
    const wide = JSON.stringify({ email: 'a@b.cn', password: 'x', pad: Array(60_000).fill(0) });
    const response = await http.send({
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      body: wide,
    });
    expect((response.json as { code: string }).code).toBe('JSON_TOO_COMPLEX');
  });

  it('3. refuses NUL and unpaired surrogates anywhere in a request with VALIDATION_FAILED naming the field', async () => {
    const field = (response: request.Response) => [response.status, response.body.code, response.body.details?.[0]?.field];
    expect(field(await as(null).get('/api/products?q=a%00b'))).toEqual([400, 'VALIDATION_FAILED', 'q']);
    expect(field(await admin().patch(`/api/admin/households/${world.householdId}`, { village: '桃营\ud800村' }))).toEqual([
      400,
      'VALIDATION_FAILED',
      'village',
    ]);
    expect(field(await as(null).post('/api/auth/register', { email: 'a\ud800@example.cn', password: 'long-enough-1' }))).toEqual([
      400,
      'VALIDATION_FAILED',
      'email',
    ]);
    expect(field(await as(world.a.staffToken).patch(`/api/coop/products/${world.a.productId}`, { titleEn: 'Tea\u0000' }))).toEqual([
      400,
      'VALIDATION_FAILED',
      'titleEn',
    ]);
    const path = await http.send({ method: 'GET', path: `/api/products/${world.a.slug}%00` });
    expect([path.status, (path.json as { code: string }).code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('4. refuses cursors whose key or id does not fit the sort, on all seven keyset lists', async () => {
    const lists: [string | null, string][] = [
      [null, `/api/products?sort=price_asc&cursor=${cursor('price_asc', 'abc')}`],
      [null, `/api/products?q=yingtao&cursor=${cursor('relevance', 'NaN')}`],
      [null, `/api/products?cursor=${cursor('newest', 'not-a-time')}`],
      [world.a.staffToken, `/api/coop/products?cursor=${cursor('newest', 'x\u0000')}`],
      [world.tokens.admin, `/api/admin/cooperatives?cursor=${cursor('created', '0000-01-01T00:00:00.000000Z')}`],
      [world.tokens.admin, `/api/admin/products?status=PENDING_REVIEW&cursor=${cursor('queue', '2026-02-30T00:00:00.000000Z')}`],
      [world.a.buyerToken, `/api/orders?cursor=${cursor('orders', '2026-01-01T00:00:00.000000Z', '------------------------------------')}`],
      [world.a.staffToken, `/api/coop/fulfillments?cursor=${cursor('fulfillments', '1e999')}`],
      [world.tokens.admin, `/api/admin/households?cursor=${cursor('households', 'NY-\ud800')}`],
    ];
    for (const [token, path] of lists) {
      const response = await as(token).get(path);
      expect([path, response.status, response.body.code]).toEqual([path, 400, 'INVALID_CURSOR']);
    }
  });

  it('5. takes real calendar days of this century only, and instants only with their offset', async () => {
    for (const day of ['0000-01-01', '9999-12-31', '2026-02-30']) {
      expect((await official().get(`/api/impact/summary?from=${day}`).expect(400)).body.details[0].field).toBe('from');
    }
    const link = { cooperativeId: world.a.cooperativeId, mechanism: 'EMPLOYMENT', weight: 1, validFrom: '2026-02-30' };
    expect((await admin().post(`/api/admin/households/${world.householdId}/links`, link).expect(400)).body.details[0].field).toBe(
      'validFrom',
    );
    for (const at of ['2026-W01-1', '2027-04-10T08:00:00']) {
      const response = await as(world.a.staffToken).patch(`/api/coop/products/${world.a.productId}`, { saleEndsAt: at }).expect(400);
      expect(response.body.details[0].field).toBe('saleEndsAt');
    }
  });

  it('6. refuses null on an optional field whose column cannot hold it', async () => {
    for (const field of ['village', 'headName', 'idNumber', 'townshipCode']) {
      const response = await admin().patch(`/api/admin/households/${world.householdId}`, { [field]: null });
      expect([field, response.status, response.body.details?.[0]?.field]).toEqual([field, 400, field]);
    }
    const product = await as(world.a.staffToken).patch(`/api/coop/products/${world.a.productId}`, { category: null }).expect(400);
    expect(product.body.details[0].field).toBe('category');
  });

  it('7. answers multipart without a boundary, and a checkout without an address, with 400', async () => {
    for (const [token, path] of [
      [world.a.staffToken, `/api/coop/products/${world.a.productId}/images`],
      [world.tokens.admin, '/api/admin/households/import'],
    ]) {
      const response = await http.send({
        method: 'POST',
        path,
        headers: { 'content-type': 'multipart/form-data', authorization: `Bearer ${token}` },
        body: 'abc',
      });
      expect([path, response.status, (response.json as { code: string }).code]).toEqual([path, 400, 'BAD_REQUEST']);
    }
    const buyer = as(world.a.buyerToken);
    expect((await buyer.get('/api/cart').expect(200)).body.lines).not.toEqual([]);
    const checkout = await buyer.post('/api/checkout', {}).set('Idempotency-Key', 'no-address-0001').expect(400);
    expect(checkout.body.details[0].field).toBe('address');
  });

  it('8. registers a household once when four admins register it at the same moment: one 201, three 409', async () => {
    const household = {
      townshipCode: '520525202',
      village: '桃营村',
      members: 4,
      registeredYear: 2015,
      status: 'LIFTED',
      headName: '王秀英',
      idNumber: makeResidentId('520525', '19620304', '561'),
    };
    const answers = await Promise.all(Array.from({ length: 4 }, () => admin().post('/api/admin/households', household)));
    expect(answers.map((r) => (r.status === 201 ? '201' : `${r.status} ${r.body.code}`)).sort()).toEqual([
      '201',
      '409 HOUSEHOLD_DUPLICATE',
      '409 HOUSEHOLD_DUPLICATE',
      '409 HOUSEHOLD_DUPLICATE',
    ]);
    for (const answer of answers) expect(answer.text).not.toContain(household.idNumber);
  });

  it('answers what Fastify and Node refuse themselves with the same error shape', async () => {
    const shape = (status: number, code: string) => ({
      statusCode: status,
      code,
      message: expect.any(String),
      requestId: expect.any(String),
    });
    const badEscape = await http.send({ method: 'GET', path: '/api/products/%E4%B8' });
    expect([badEscape.status, badEscape.json]).toEqual([400, shape(400, 'BAD_REQUEST')]);
    const longParam = await http.send({ method: 'POST', path: `/api/orders/${'x'.repeat(3_000)}/cancel` });
    expect([longParam.status, longParam.json]).toEqual([414, shape(414, 'URI_TOO_LONG')]);
    const longUrl = await http.send({ method: 'GET', path: `/api/products?q=${'x'.repeat(20_000)}` });
    expect([longUrl.status, longUrl.json]).toEqual([431, shape(431, 'REQUEST_HEADERS_TOO_LARGE')]);
  });
});
