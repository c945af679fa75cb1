import request from 'supertest';
import { SettlementService } from '../../apps/api/src/impact/settlement.service';
import { tokenFor } from '../support/accounts';
import { newCooperative, newProduct, paidOrder } from '../support/builders';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Money pledged on a day the cooperative had no household linked reaches nobody: the settlement
 * records it as unallocated, and the officials' figures say so beside the pool, instead of a pool
 * with 0 households and no word about where it stands.
 */
describe('pledges no household could take', () => {
  let t: TestApp;
  let official: string;

  beforeAll(async () => {
    t = await startTestApp();
    official = await tokenFor(t, 'official');
  });
  afterAll(() => t.close());

  const figures = async (path: string) => (await request(t.url).get(path).set('Authorization', `Bearer ${official}`).expect(200)).body;

  it('shows the pool of a cooperative without linked households as unallocated once the day is settled', async () => {
    const lonely = await newCooperative(t, { benefitRateBp: 1000 });
    const noodles = await newProduct(t, lonely, { priceFen: 2000, certifiedUntil: '2099-12-31' });
    await paidOrder(t, await tokenFor(t, 'buyer'), [{ variantId: noodles.variantId, quantity: 3 }]);

    const before = await figures('/api/impact/summary');
    expect(before).toMatchObject({ linkedSalesFen: 6000, poolFen: 600, households: 0, unallocatedFen: 0 });

    const [{ today }] = await t.sql(`SELECT to_char(qh_today(), 'YYYY-MM-DD') AS today`);
    await t.app.get(SettlementService).settleThrough(today as string);

    expect(await figures('/api/impact/summary')).toMatchObject({ poolFen: 600, households: 0, unallocatedFen: 600 });
    const { items: years } = await figures('/api/impact/series?by=year');
    expect(years).toEqual([expect.objectContaining({ poolFen: 600, unallocatedFen: 600 })]);
    const { items: cooperatives } = await figures('/api/impact/breakdown?by=cooperative');
    expect(cooperatives).toEqual([expect.objectContaining({ key: lonely.id, unallocatedFen: 600 })]);
    // A settlement is one cooperative's day: it does not split by category.
    const { items: categories } = await figures('/api/impact/breakdown?by=category');
    expect(categories).toEqual([expect.objectContaining({ key: 'NOODLE', poolFen: 600, unallocatedFen: null })]);
    expect(await figures('/api/impact/summary?category=NOODLE')).toMatchObject({ unallocatedFen: null });

    const csv = (await request(t.url).get('/api/impact/export.csv?table=year').set('Authorization', `Bearer ${official}`).expect(200)).text;
    const [header, , total] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header!.split(',').at(-1)).toBe('未分配(元) unallocated (yuan)');
    expect(total!.split(',').at(-1)).toBe('6.00');
    // Officials file cooperatives by their credit code: the table by cooperative carries it.
    const [{ creditCode }] = await t.sql(`SELECT credit_code AS "creditCode" FROM cooperative WHERE id = $1`, [lonely.id]);
    const byCoop = (
      await request(t.url).get('/api/impact/export.csv?table=cooperative').set('Authorization', `Bearer ${official}`).expect(200)
    ).text;
    expect(byCoop.split('\r\n')[1]!.split(',').slice(0, 3)).toEqual([lonely.id, expect.any(String), creditCode]);
  });
});
