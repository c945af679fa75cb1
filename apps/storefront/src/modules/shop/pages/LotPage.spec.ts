import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import type { SessionUser } from '../../../stores/session';
import type { PublicLot } from '../lots';
import { publicLot } from '../testing/lot-fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const LOT = '/api/lots/K7QX3M9A';
const MINE = `${LOT}/mine`;

async function openLot(options: { user?: SessionUser | null; lot?: PublicLot; locale?: 'en'; path?: string } = {}) {
  const api = fakeSessionApi(options.user ?? null, {
    [`GET ${LOT}`]: () => jsonResponse(200, options.lot ?? publicLot()),
    [`GET ${MINE}`]: () => jsonResponse(200, { lines: [{ orderNumber: 'QH20261203-000042', lineId: 'ol-1', quantity: 3 }] }),
    ...(options.path ? { [`GET /api/lots/NOSUCH22`]: () => errorResponse(404, 'LOT_NOT_FOUND') } : {}),
  });
  ({ wrapper } = await mountApp({ path: options.path ?? '/lot/K7QX3M9A', locale: options.locale }));
  await settle();
  return { app: wrapper!, api };
}

const text = (app: VueWrapper, id: string) => app.get(`[data-testid="${id}"]`).text();

describe('a lot’s public page', () => {
  it('shows a guest what the lot is, where and when it was made, its papers and what its sales did', async () => {
    const { app, api } = await openLot();

    expect(app.get('[data-testid="lot-page"]').attributes('data-code')).toBe('K7QX3M9A');
    expect(app.findAll('h1').map((h1) => h1.text())).toEqual(['化作村林下土鸡蛋 20枚']);
    expect(app.get('[data-testid="lot-product"] a').attributes('href')).toBe('/products/huazuo-eggs');
    expect(app.get('.lot-page__photo').attributes('src')).toBe('/media/products/eggs-thumb.webp');
    expect(text(app, 'lot-cooperative')).toBe('厍东关樱桃合作社');
    expect(app.get('[data-testid="lot-cooperative"] a').attributes('href')).toBe('/cooperatives/coop-1');
    expect(text(app, 'lot-village')).toBe('厍东关乡 化作村');
    expect(text(app, 'lot-produced-on')).toBe('2026年12月2日');
    expect(text(app, 'lot-best-before')).toBe('2026年12月26日');
    expect(text(app, 'lot-certificate')).toBe('HGZ-520525-20261');
    expect(text(app, 'lot-quarantine')).toBe('5205252026120300173');
    expect(app.get('[data-testid="lot-report"]').attributes('href')).toBe('/api/lots/K7QX3M9A/report');
    expect(text(app, 'lot-trail-pledged')).toBe('¥12,345.50');
    expect(text(app, 'lot-trail-paid')).toBe('¥8,000.00');
    expect(app.get('[data-testid="lot-trail"] h2').text()).toBe('2026 年的帮扶账');
    // Fewer than 5 households are never counted out loud.
    expect(text(app, 'linked-households')).toContain('合作社利益联结不足 5 户');
    expect(text(app, 'linked-households')).toContain('不足 5 户');
    expect(app.find('[data-testid="lot-recall"]').exists()).toBe(false);
    expect(app.find('[data-testid="lot-claim-link"]').exists()).toBe(false);
    expect(api.callsTo('GET', MINE)).toHaveLength(0);
    expect(document.title).toBe('化作村林下土鸡蛋 20枚 · 批次 K7QX3M9A · 黔货入粤');
  });

  it('shows a recall before anything else', async () => {
    const { app } = await openLot({
      lot: publicLot({ recall: { at: '2026-12-12T02:00:00.000Z', notice: '该批次鸡蛋检出问题，请停止食用并联系我们退款。' } }),
    });

    const recall = app.get('[data-testid="lot-recall"]');
    expect(recall.attributes('role')).toBe('alert');
    expect(recall.text()).toContain('此批次已召回');
    expect(text(app, 'lot-recall-notice')).toBe('该批次鸡蛋检出问题，请停止食用并联系我们退款。');
    expect(recall.text()).toContain('召回日期：2026年12月12日');
    expect(app.get('[data-testid="lot-page"]').element.firstElementChild).toBe(recall.element);
  });

  it('leaves out the quarantine certificate and the report when the lot has none', async () => {
    const { app } = await openLot({ lot: publicLot({ quarantineNo: null, hasReport: false, imageUrl: null }) });

    expect(app.find('[data-testid="lot-quarantine"]').exists()).toBe(false);
    expect(app.find('[data-testid="lot-report"]').exists()).toBe(false);
    expect(app.find('.lot-page__photo').exists()).toBe(false);
  });

  it('links a signed-in buyer’s order lines from the lot to a claim on them', async () => {
    const { app, api } = await openLot({ user: userWithRole('buyer') });

    expect(api.callsTo('GET', MINE)[0]!.headers.get('Authorization')).toBe('Bearer token-1');
    expect(text(app, 'lot-mine')).toContain('订单 QH20261203-000042 收到 3 件。');
    const link = app.get('[data-testid="lot-claim-link"]');
    expect(link.text()).toBe('申请售后');
    expect(link.attributes('href')).toBe('/orders/QH20261203-000042/claim?line=ol-1');
  });

  it('asks nothing more for a signed-in cooperative', async () => {
    const { app, api } = await openLot({ user: userWithRole('cooperative') });

    expect(api.callsTo('GET', MINE)).toHaveLength(0);
    expect(app.find('[data-testid="lot-claim-link"]').exists()).toBe(false);
  });

  it('says kindly when there is no such lot', async () => {
    const { app } = await openLot({ path: '/lot/nosuch22' });

    expect(app.get('[data-testid="lot-not-found"] h1').text()).toBe('没有这个批次');
    expect(text(app, 'lot-not-found')).toContain('找不到批次 NOSUCH22。请核对箱贴上的批次码，或重新扫描二维码。');
    expect(app.find('[data-testid="lot-page"]').exists()).toBe(false);
  });

  it('reads in English', async () => {
    const { app } = await openLot({ locale: 'en' });

    expect(text(app, 'lot-product')).toBe('Free-range eggs from Huazuo, 20');
    expect(text(app, 'lot-cooperative')).toBe('Shedongguan Cherry Cooperative');
    expect(text(app, 'lot-village')).toBe('化作村, 厍东关乡');
    expect(text(app, 'lot-produced-on')).toBe('December 2, 2026');
    expect(app.get('[data-testid="lot-trail"] h2').text()).toBe('What its sales did in 2026');
  });
});
