import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import type { Quality, QualityRow } from '../admin-claims';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

function row(overrides: Partial<QualityRow> = {}): QualityRow {
  return {
    cooperativeId: 'coop-1',
    cooperativeName: '化作村禽蛋合作社',
    productId: null,
    productTitle: null,
    shipments: 200,
    onTimeShipments: 197,
    claims: 3,
    claimRateBp: 150,
    shippedFen: 1_234_500,
    refundedByClaimsFen: 13_800,
    refundedShareBp: 112,
    ...overrides,
  };
}

const QUALITY: Quality = {
  byCooperative: [
    row(),
    // Nothing shipped yet: no share can be read.
    row({
      cooperativeId: 'coop-2',
      cooperativeName: '百花坪茶叶合作社',
      shipments: 0,
      onTimeShipments: 0,
      claims: 0,
      claimRateBp: null,
      shippedFen: 0,
      refundedByClaimsFen: 0,
      refundedShareBp: null,
    }),
  ],
  byProduct: [
    row({
      productId: 'p-1',
      productTitle: '化作村林下土鸡蛋 20枚',
      shipments: 120,
      onTimeShipments: 119,
      claimRateBp: 250,
      refundedShareBp: 5,
    }),
  ],
};

async function openQuality(answer: () => Response = () => jsonResponse(200, QUALITY)) {
  const api = fakeSessionApi(userWithRole('admin'), { 'GET /api/admin/quality': answer });
  let router;
  ({ wrapper, router } = await mountApp({ path: '/admin/quality' }));
  await settle();
  return { app: wrapper!, api, router: router! };
}

const cells = (tr: { findAll: VueWrapper['findAll'] }) => tr.findAll('th, td').map((cell) => cell.text());

describe('AdminQualityPage', () => {
  it('shows each cooperative’s and product’s shipments, on-time share, claims, claim rate and refunded share', async () => {
    const { app } = await openQuality();

    expect(app.get('h1').text()).toBe('质量统计');
    expect(app.get('[data-testid="quality-byCooperative"] h2').text()).toBe('按合作社');
    expect(
      app
        .get('[data-testid="quality-byCooperative"] thead')
        .findAll('th')
        .map((th) => th.text()),
    ).toEqual(['合作社', '发货包裹', '准时发货', '售后申请', '售后率', '发货商品金额', '售后退款', '售后退款占比']);
    const cooperatives = app.findAll('[data-testid="quality-cooperative-row"]');
    expect(cells(cooperatives[0]!)).toEqual(['化作村禽蛋合作社', '200', '98.5%', '3', '1.5%', '¥12,345.00', '¥138.00', '1.1%']);
    expect(cells(cooperatives[1]!)).toEqual(['百花坪茶叶合作社', '0', '—', '0', '—', '¥0.00', '¥0.00', '—']);
    const products = app.findAll('[data-testid="quality-product-row"]');
    expect(cells(products[0]!)).toEqual([
      '化作村林下土鸡蛋 20枚',
      '化作村禽蛋合作社',
      '120',
      '99.2%',
      '3',
      '2.5%',
      '¥12,345.00',
      '¥138.00',
      '0.1%',
    ]);
  });

  it('says when the figures cannot be read, and reads them again on request', async () => {
    let fail = true;
    const { app, api } = await openQuality(() => (fail ? errorResponse(500, 'INTERNAL') : jsonResponse(200, QUALITY)));
    expect(app.find('[data-testid="admin-quality-error"]').exists()).toBe(true);

    fail = false;
    await app.get('[data-testid="admin-quality-error"] button').trigger('click');
    await settle();

    expect(api.callsTo('GET', '/api/admin/quality')).toHaveLength(2);
    expect(app.findAll('[data-testid="quality-cooperative-row"]')).toHaveLength(2);
  });

  it('is linked from the administration’s start page', async () => {
    const { app, router } = await openQuality();
    await router.push('/admin');
    await settle();

    await app.get('[data-testid="admin-home-quality"]').trigger('click');
    await settle();
    expect(router.currentRoute.value.path).toBe('/admin/quality');
    expect(app.get('[data-testid="admin-nav-quality"]').attributes('aria-current')).toBe('page');
    expect(app.find('[data-testid="admin-home-lots"]').exists()).toBe(false);
  });
});
