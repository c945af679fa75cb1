import request from 'supertest';
import { tokenFor } from '../support/accounts';
import { joinedMember, organisationCreditCode, signedInBuyer } from '../support/organisations';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Reserved-share plans (预留份额): the organisation's manager enters the year's canteen food budget and
 * the share reserved for poverty-alleviated areas; the target follows exactly. Officials and admins
 * correct it, audited with what it was before; the district's default share applies when none is given.
 */
describe('reserved-share plans', () => {
  let t: TestApp;
  let admin: string;
  let official: string;
  let year: number;
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await tokenFor(t, 'admin');
    official = await tokenFor(t, 'official');
    year = Number(t.clock.today().slice(0, 4));
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
    put: (path: string, body: object) => request(t.url).put(path).set('Authorization', `Bearer ${token}`).send(body),
  });

  /** A verified canteen in `districtCode`, with its manager. */
  async function canteen(districtCode = '440106') {
    serial += 1;
    const manager = await signedInBuyer(t, 'manager');
    const { body } = await request(t.url)
      .post('/api/org')
      .set('Authorization', `Bearer ${manager.token}`)
      .send({
        name: `预留份额测试饭堂${serial}`,
        creditCode: organisationCreditCode('11'),
        type: 'GOVERNMENT',
        districtCode,
        budgetUnit: true,
        hasCanteen: true,
        contactName: '李建华',
        contactMobile: '13800138000',
      })
      .expect(201);
    await request(t.url).post(`/api/admin/organisations/${body.id}/verify`).set('Authorization', `Bearer ${admin}`).expect(200);
    return { id: body.id as string, manager };
  }

  it('lets the manager set the year’s budget; the target is the default 10%, exactly; members read it, only managers set it', async () => {
    const org = await canteen('440104');
    const purchaser = await joinedMember(t, org.manager.token, ['PURCHASER']);
    const set = await as(org.manager.token).put(`/api/org/plans/${year}`, { budgetFen: 1_234_567_89 }).expect(200);
    expect(set.body).toMatchObject({ year, noCanteen: false, budgetFen: 1_234_567_89, shareBp: 1_000, targetFen: 123_456_79 });
    expect(set.body.updatedBy).toBe(org.manager.email);

    const read = await as(purchaser.token).get('/api/org/plans').expect(200);
    expect(read.body).toMatchObject({ defaultShareBp: 1_000, items: [expect.objectContaining({ year, targetFen: 123_456_79 })] });
    const refused = await as(purchaser.token).put(`/api/org/plans/${year}`, { budgetFen: 1 });
    expect([refused.status, refused.body.code]).toEqual([403, 'ORGANISATION_ROLE_REQUIRED']);

    // Another organisation's manager sees only their own.
    const other = await canteen();
    expect((await as(other.manager.token).get('/api/org/plans').expect(200)).body.items).toEqual([]);
  });

  it('takes a share of its own, a year without a canteen, and refuses what is not a plan', async () => {
    const org = await canteen('440105');
    const share = await as(org.manager.token).put(`/api/org/plans/${year}`, { budgetFen: 800_000_00, shareBp: 2_000 }).expect(200);
    expect(share.body).toMatchObject({ shareBp: 2_000, targetFen: 160_000_00 });
    const none = await as(org.manager.token)
      .put(`/api/org/plans/${year + 1}`, { noCanteen: true })
      .expect(200);
    expect(none.body).toMatchObject({ noCanteen: true, budgetFen: null, shareBp: null, targetFen: null });

    for (const [path, body, field] of [
      [`/api/org/plans/${year}`, {}, 'budgetFen'],
      [`/api/org/plans/${year}`, { noCanteen: true, budgetFen: 100 }, 'noCanteen'],
      [`/api/org/plans/${year}`, { budgetFen: -1 }, 'budgetFen'],
      [`/api/org/plans/${year}`, { budgetFen: 100, shareBp: 10_001 }, 'shareBp'],
      ['/api/org/plans/2015', { budgetFen: 100 }, 'year'],
      [`/api/org/plans/${year + 2}`, { budgetFen: 100 }, 'year'],
      ['/api/org/plans/twenty', { budgetFen: 100 }, 'year'],
    ] as const) {
      const refused = await as(org.manager.token).put(path, body);
      expect([path, refused.status, refused.body.code]).toEqual([path, 400, 'VALIDATION_FAILED']);
      expect(refused.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
    }
    const plans = (await as(org.manager.token).get('/api/org/plans').expect(200)).body.items;
    expect(plans.map((plan: { year: number; targetFen: number | null }) => [plan.year, plan.targetFen])).toEqual([
      [year + 1, null],
      [year, 160_000_00],
    ]);
  });

  it('uses the district’s default share, set by an admin, when a plan names none', async () => {
    const org = await canteen('440111');
    await as(admin).put('/api/admin/reserved-shares/440111', { shareBp: 1_500 }).expect(200);
    expect((await as(admin).put('/api/admin/reserved-shares/999999', { shareBp: 1_500 }).expect(404)).body.code).toBe('NOT_FOUND');
    const plan = await as(org.manager.token).put(`/api/org/plans/${year}`, { budgetFen: 100_000_00 }).expect(200);
    expect(plan.body).toMatchObject({ shareBp: 1_500, targetFen: 15_000_00 });
    expect((await as(org.manager.token).get('/api/org/plans').expect(200)).body.defaultShareBp).toBe(1_500);
  });

  it('lets an official correct a plan, audited with before and after; buyers cannot', async () => {
    const org = await canteen();
    await as(org.manager.token).put(`/api/org/plans/${year}`, { budgetFen: 500_000_00 }).expect(200);
    const corrected = await as(official).put(`/api/impact/organisations/${org.id}/plans/${year}`, {
      budgetFen: 520_000_00,
      shareBp: 1_200,
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ budgetFen: 520_000_00, shareBp: 1_200, targetFen: 62_400_00 });
    expect((await as(official).get(`/api/impact/organisations/${org.id}/plans`).expect(200)).body.items).toHaveLength(1);
    const [audit] = await t.sql(
      `SELECT actor_role, before, after FROM audit_log WHERE entity_id = $1 AND action = 'reserved_share_plan.corrected'`,
      [org.id],
    );
    expect(audit).toMatchObject({
      actor_role: 'official',
      before: { year, budgetFen: 500_000_00, shareBp: 1_000, targetFen: 50_000_00, noCanteen: false },
      after: { year, budgetFen: 520_000_00, shareBp: 1_200, targetFen: 62_400_00, noCanteen: false },
    });
    expect((await as(org.manager.token).get(`/api/impact/organisations/${org.id}/plans`).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await as(official).get('/api/impact/organisations/5b0f3c3e-7d1a-4c6e-9f20-3a8b1c2d4e5f/plans').expect(404)).body.code).toBe(
      'ORGANISATION_NOT_FOUND',
    );
  });
});
