import { makeCreditCode } from '@qh/domain';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { tokenFor } from '../support/accounts';
import { startTestApp, TestApp } from '../support/test-app';

const DRAFT = {
  category: 'TEA',
  titleZh: '姑开古树红茶 250克',
  titleEn: 'Gukai old-tree black tea 250 g',
  originTownshipCode: '520525210',
  shippingClass: 'AMBIENT',
  shelfLifeDays: 540,
  variants: [{ labelZh: '250克罐装', labelEn: '250 g tin', priceFen: 12800, weightG: 400, stock: 50 }],
};

/** A valid, unused farmers' cooperative code of Nayong (hex digits are all in the code's alphabet). */
const freshCreditCode = () => makeCreditCode(`93520525${randomBytes(5).toString('hex').toUpperCase().slice(0, 9)}`);

/** The same code with another check character. */
const withWrongCheck = (code: string) => code.slice(0, 17) + (code[17] === '0' ? '1' : '0');

const CERTIFICATE = { number: '黔扶认〔2026〕0523-0117', issuer: '纳雍县乡村振兴局', batch: '2026年第二批', validUntil: '2099-12-31' };

describe('admin: cooperatives and product review', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({}, { demoData: true });
    admin = await tokenFor(t, 'admin');
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) => request(t.url).post(path).set('Authorization', `Bearer ${token}`).send(body),
    delete: (path: string) => request(t.url).delete(path).set('Authorization', `Bearer ${token}`),
  });

  /** A cooperative that has applied and waits in the queue; its code is valid unless one is given. */
  async function newApplicant(
    creditCode = makeCreditCode(
      `93520525${randomBytes(5)
        .toString('hex')
        .toUpperCase()
        .slice(0, 9)
        .replace(/[IOSVZ]/g, '1')}`,
    ),
  ) {
    const [row] = await t.sql(
      `INSERT INTO cooperative (name_zh, name_en, credit_code, township_code) VALUES ('纳雍县新申请合作社', 'Applicant Cooperative', $1, '520525202') RETURNING id`,
      [creditCode],
    );
    return row.id as string;
  }

  async function submittedProduct(cooperativeId: string, staff?: string) {
    const token = staff ?? (await tokenFor(t, 'cooperative', cooperativeId));
    const { body } = await as(token).post('/api/coop/products', DRAFT).expect(201);
    await as(token).post(`/api/coop/products/${body.id}/submit`).expect(200);
    return { id: body.id as string, slug: body.slug as string, token };
  }

  const firstVerifiedCooperative = async () =>
    (await t.sql(`SELECT id FROM cooperative WHERE status = 'VERIFIED' ORDER BY name_zh LIMIT 1`))[0].id as string;
  const statusOf = async (id: string) => (await t.sql(`SELECT status FROM cooperative WHERE id = $1`, [id]))[0].status;

  describe('the cooperative queue', () => {
    it('lists applicants oldest first with whether their credit code holds', async () => {
      const valid = await newApplicant();
      const invalid = await newApplicant(withWrongCheck(freshCreditCode()));
      const { body } = await as(admin).get('/api/admin/cooperatives?status=PENDING').expect(200);
      const byId = new Map(body.items.map((c: { id: string }) => [c.id, c]));
      expect(byId.get(valid)).toMatchObject({ status: 'PENDING', creditCodeValid: true, productCount: 0 });
      expect(byId.get(invalid)).toMatchObject({ status: 'PENDING', creditCodeValid: false });
      expect(body.items.every((c: { status: string }) => c.status === 'PENDING')).toBe(true);
    });

    it('pages through all cooperatives without repeats', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const { body }: { body: { items: { id: string }[]; nextCursor: string | null } } = await as(admin)
          .get(`/api/admin/cooperatives?limit=5${cursor ? `&cursor=${cursor}` : ''}`)
          .expect(200);
        seen.push(...body.items.map((c) => c.id));
        cursor = body.nextCursor;
      } while (cursor);
      const [{ count }] = await t.sql(`SELECT count(*)::int FROM cooperative`);
      expect(new Set(seen).size).toBe(count);
      expect(seen.length).toBe(count);
    });

    it('verifies a cooperative with a valid 93… code', async () => {
      const id = await newApplicant();
      const { body } = await as(admin).post(`/api/admin/cooperatives/${id}/verify`).expect(200);
      expect(body).toMatchObject({ id, status: 'VERIFIED', verifiedAt: expect.any(String) });
      await request(t.url).get(`/api/cooperatives/${id}`).expect(200);
    });

    it.each([
      ['a wrong check character', () => withWrongCheck(freshCreditCode())],
      ['an enterprise code, not a cooperative one', () => '91110000600037341L'],
    ])('refuses to verify %s and leaves the cooperative pending', async (_, code) => {
      const id = await newApplicant(code());
      const response = await as(admin).post(`/api/admin/cooperatives/${id}/verify`).expect(422);
      expect(response.body.code).toBe('INVALID_CREDIT_CODE');
      expect(await statusOf(id)).toBe('PENDING');
    });

    it('answers 409 to verifying twice and 404 to an unknown cooperative', async () => {
      const id = await newApplicant();
      await as(admin).post(`/api/admin/cooperatives/${id}/verify`).expect(200);
      expect((await as(admin).post(`/api/admin/cooperatives/${id}/verify`).expect(409)).body.code).toBe('COOPERATIVE_STATUS_CONFLICT');
      expect((await as(admin).post(`/api/admin/cooperatives/7d4f3c2a-1b0e-4f5a-9c8d-2e1f0a9b8c7d/verify`).expect(404)).body.code).toBe(
        'COOPERATIVE_NOT_FOUND',
      );
    });

    it('suspending hides all its products at once; verifying again brings them back', async () => {
      const id = await newApplicant();
      await as(admin).post(`/api/admin/cooperatives/${id}/verify`).expect(200);
      const product = await submittedProduct(id);
      await as(admin).post(`/api/admin/products/${product.id}/approve`).expect(200);
      await request(t.url).get(`/api/products/${product.slug}`).expect(200);

      expect((await as(admin).post(`/api/admin/cooperatives/${id}/suspend`, {}).expect(400)).body.code).toBe('VALIDATION_FAILED');
      const { body } = await as(admin).post(`/api/admin/cooperatives/${id}/suspend`, { reason: '抽检不合格，整改中' }).expect(200);
      expect(body).toMatchObject({ status: 'SUSPENDED', suspendedReason: '抽检不合格，整改中' });
      await request(t.url).get(`/api/products/${product.slug}`).expect(404);
      expect((await request(t.url).get(`/api/products?cooperative=${id}`).expect(200)).body.items).toEqual([]);
      await request(t.url).get(`/api/cooperatives/${id}`).expect(404);
      // Its staff can look but not change anything while suspended.
      await as(product.token).get(`/api/coop/products/${product.id}`).expect(200);
      const blocked = await as(product.token).post(`/api/coop/products/${product.id}/archive`).expect(403);
      expect(blocked.body.code).toBe('COOPERATIVE_SUSPENDED');

      await as(admin).post(`/api/admin/cooperatives/${id}/verify`).expect(200);
      await request(t.url).get(`/api/products/${product.slug}`).expect(200);
    });
  });

  describe('product review', () => {
    it('shows the queue oldest submission first', async () => {
      const cooperativeId = await firstVerifiedCooperative();
      const first = await submittedProduct(cooperativeId);
      const second = await submittedProduct(cooperativeId, first.token);
      const { body } = await as(admin).get('/api/admin/products?status=PENDING_REVIEW&limit=100').expect(200);
      const ids = body.items.map((p: { id: string }) => p.id);
      expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
      expect(body.items.every((p: { status: string }) => p.status === 'PENDING_REVIEW')).toBe(true);
    });

    it('approves a product into the shop', async () => {
      const product = await submittedProduct(await firstVerifiedCooperative());
      const { body } = await as(admin).post(`/api/admin/products/${product.id}/approve`).expect(200);
      expect(body).toMatchObject({ status: 'PUBLISHED', publishedAt: expect.any(String) });
      const shop = await request(t.url).get(`/api/products/${product.slug}`).expect(200);
      expect(shop.body).toMatchObject({ titleZh: DRAFT.titleZh, certified: false, certification: null });
    });

    it('rejects with a reason the cooperative sees, back to draft; a reason is required', async () => {
      const product = await submittedProduct(await firstVerifiedCooperative());
      expect((await as(admin).post(`/api/admin/products/${product.id}/reject`, { reason: '' }).expect(400)).body.code).toBe(
        'VALIDATION_FAILED',
      );
      await as(admin).post(`/api/admin/products/${product.id}/reject`, { reason: '请补充茶园实拍图' }).expect(200);
      const { body } = await as(product.token).get(`/api/coop/products/${product.id}`).expect(200);
      expect(body).toMatchObject({ status: 'DRAFT', rejectReason: '请补充茶园实拍图' });
      // Resubmitting clears the old reason.
      expect((await as(product.token).post(`/api/coop/products/${product.id}/submit`).expect(200)).body.rejectReason).toBeNull();
    });

    it('approves or rejects only products in review', async () => {
      const product = await submittedProduct(await firstVerifiedCooperative());
      await as(admin).post(`/api/admin/products/${product.id}/approve`).expect(200);
      expect((await as(admin).post(`/api/admin/products/${product.id}/approve`).expect(409)).body.code).toBe('PRODUCT_STATUS_CONFLICT');
      expect((await as(admin).post(`/api/admin/products/${product.id}/reject`, { reason: '重复' }).expect(409)).body.code).toBe(
        'PRODUCT_STATUS_CONFLICT',
      );
    });
  });

  describe('certification', () => {
    it('certifies a product: shoppers see the certificate and find it among certified products', async () => {
      const product = await submittedProduct(await firstVerifiedCooperative());
      await as(admin).post(`/api/admin/products/${product.id}/approve`).expect(200);
      const { body } = await as(admin).post(`/api/admin/products/${product.id}/certify`, CERTIFICATE).expect(200);
      expect(body.certification).toEqual({ ...CERTIFICATE, valid: true });
      const shop = await request(t.url).get(`/api/products/${product.slug}`).expect(200);
      expect(shop.body).toMatchObject({
        certified: true,
        certification: { number: CERTIFICATE.number, issuer: CERTIFICATE.issuer, validUntil: '2099-12-31' },
      });
      const certified = await request(t.url).get('/api/products?certified=true&category=TEA&limit=100').expect(200);
      expect(certified.body.items.map((p: { id: string }) => p.id)).toContain(product.id);
    });

    it('stops counting a certificate once it has expired', async () => {
      const product = await submittedProduct(await firstVerifiedCooperative());
      await as(admin).post(`/api/admin/products/${product.id}/approve`).expect(200);
      await as(admin).post(`/api/admin/products/${product.id}/certify`, CERTIFICATE).expect(200);
      await t.sql(`UPDATE product SET certified_until = qh_today() - 1 WHERE id = $1`, [product.id]);
      const shop = await request(t.url).get(`/api/products/${product.slug}`).expect(200);
      expect(shop.body).toMatchObject({ certified: false, certification: { valid: false } });
      const certified = await request(t.url).get('/api/products?certified=true&category=TEA&limit=100').expect(200);
      expect(certified.body.items.map((p: { id: string }) => p.id)).not.toContain(product.id);
    });

    it('refuses a certificate without a number or issuer, or one already expired', async () => {
      const product = await submittedProduct(await firstVerifiedCooperative());
      for (const body of [
        { ...CERTIFICATE, number: '' },
        { number: CERTIFICATE.number, validUntil: '2099-12-31' },
        { ...CERTIFICATE, validUntil: '31/12/2099' },
        { ...CERTIFICATE, validUntil: '2020-01-01' },
      ]) {
        expect((await as(admin).post(`/api/admin/products/${product.id}/certify`, body).expect(400)).body.code).toBe('VALIDATION_FAILED');
      }
      expect((await as(admin).get(`/api/admin/products/${product.id}`).expect(200)).body.certification).toBeNull();
    });

    it('withdraws a certificate', async () => {
      const product = await submittedProduct(await firstVerifiedCooperative());
      await as(admin).post(`/api/admin/products/${product.id}/certify`, CERTIFICATE).expect(200);
      expect((await as(admin).delete(`/api/admin/products/${product.id}/certify`).expect(200)).body.certification).toBeNull();
    });

    it('does not let a cooperative certify or approve its own product', async () => {
      const product = await submittedProduct(await firstVerifiedCooperative());
      expect((await as(product.token).post(`/api/admin/products/${product.id}/certify`, CERTIFICATE).expect(403)).body.code).toBe(
        'FORBIDDEN',
      );
      expect((await as(product.token).post(`/api/admin/products/${product.id}/approve`).expect(403)).body.code).toBe('FORBIDDEN');
      const [row] = await t.sql(`SELECT status, certification_no FROM product WHERE id = $1`, [product.id]);
      expect(row).toEqual({ status: 'PENDING_REVIEW', certification_no: null });
    });
  });

  it('audits every admin decision with its before and after', async () => {
    const product = await submittedProduct(await firstVerifiedCooperative());
    await as(admin).post(`/api/admin/products/${product.id}/approve`).expect(200);
    await as(admin).post(`/api/admin/products/${product.id}/certify`, CERTIFICATE).expect(200);
    const { body } = await as(admin).get('/api/admin/audit?entityType=product&limit=100').expect(200);
    const mine = body.items.filter((e: { entityId: string }) => e.entityId === product.id).reverse();
    expect(mine.map((e: { action: string }) => e.action)).toEqual([
      'product.created',
      'product.submitted',
      'product.approved',
      'product.certified',
    ]);
    expect(mine[2]).toMatchObject({ actorRole: 'admin', before: { status: 'PENDING_REVIEW' }, after: { status: 'PUBLISHED' } });
  });
});
