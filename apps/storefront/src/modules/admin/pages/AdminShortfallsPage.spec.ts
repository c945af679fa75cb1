import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import type { ShortfallClaim } from '../admin-api';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

/** A canteen's claim: one case of cherries of 30 arrived crushed. */
function claim(overrides: Partial<ShortfallClaim> = {}): ShortfallClaim {
  return {
    id: 'claim-1',
    status: 'PENDING',
    orderNumber: 'QH20261211-000042',
    fulfillmentId: 'f-1',
    organisationName: '广州市天河区机关事务管理局饭堂',
    cooperativeName: '厍东关樱桃合作社',
    note: '一箱压坏，已拍照',
    photos: ['/uploads/2f0c6a51-7d1e-4c3b-9a8f-0d1e2f3a4b5c.jpg'],
    lines: [
      { lineId: 'ol-1', titleZh: '厍东关玛瑙红樱桃', labelZh: '5 kg 整箱', unitPriceFen: 41_800, shortQuantity: 1, reason: 'DAMAGED' },
    ],
    amountFen: 41_800,
    refundId: null,
    declineReason: null,
    createdAt: '2026-12-14T02:30:00.000Z',
    decidedAt: null,
    ...overrides,
  };
}

type Handler = (request: Request) => Response | Promise<Response>;

async function openQueue(routes: Record<string, Handler> = {}) {
  const api = fakeSessionApi(userWithRole('admin'), {
    'GET /api/admin/shortfalls': () =>
      jsonResponse(200, {
        items: [
          claim(),
          claim({
            id: 'claim-2',
            orderNumber: 'QH20261212-000007',
            note: null,
            photos: [],
            lines: [
              { lineId: 'ol-9', titleZh: '百花坪高山绿茶', labelZh: '250 g', unitPriceFen: 12_800, shortQuantity: 2, reason: 'WRONG_ITEM' },
            ],
            amountFen: 25_600,
          }),
        ],
        nextCursor: null,
      }),
    ...routes,
  });
  ({ wrapper } = await mountApp({ path: '/admin/shortfalls' }));
  await settle();
  const row = (id: string) => wrapper!.get(`[data-testid="admin-shortfall-row"][data-id="${id}"]`);
  return { app: wrapper!, api, row };
}

describe('AdminShortfallsPage', () => {
  it('lists the claims waiting for a decision with the order, who, what was short and why, and the amount', async () => {
    const { app, api, row } = await openQueue();

    expect(app.get('h1').text()).toBe('验收短缺处理');
    expect(new URL(api.callsTo('GET', '/api/admin/shortfalls')[0]!.url).searchParams.get('status')).toBe('PENDING');
    expect(app.get('[data-testid="admin-shortfall-filter-PENDING"]').attributes('aria-current')).toBe('page');
    const first = row('claim-1');
    expect(first.attributes('data-status')).toBe('PENDING');
    expect(first.text()).toContain('QH20261211-000042');
    expect(first.get('[data-testid="shortfall-organisation"]').text()).toBe('广州市天河区机关事务管理局饭堂');
    expect(first.get('[data-testid="shortfall-cooperative"]').text()).toBe('厍东关樱桃合作社');
    expect(first.get('[data-testid="shortfall-line"]').text()).toBe(
      '厍东关玛瑙红樱桃 · 5 kg 整箱：短少 1 件 · 破损 · ¥418.00/件，共 ¥418.00',
    );
    expect(first.get('[data-testid="shortfall-amount"]').text()).toBe('¥418.00');
    expect(first.get('[data-testid="shortfall-note"]').text()).toBe('验收备注 一箱压坏，已拍照');
    expect(first.get('[data-testid="shortfall-status"]').text()).toBe('待处理');
    expect(row('claim-2').get('[data-testid="shortfall-line"]').text()).toContain('短少 2 件 · 错发');
    expect(row('claim-2').find('[data-testid="shortfall-note"]').exists()).toBe(false);
    // The receiver's photo, opening the full picture; none on the other claim.
    expect(first.get('[data-testid="claim-photo"]').attributes('src')).toBe('/uploads/2f0c6a51-7d1e-4c3b-9a8f-0d1e2f3a4b5c.jpg');
    expect(first.get('[data-testid="claim-photos"] a').attributes('href')).toBe('/uploads/2f0c6a51-7d1e-4c3b-9a8f-0d1e2f3a4b5c.jpg');
    expect(row('claim-2').find('[data-testid="claim-photo"]').exists()).toBe(false);
  });

  it('refunds a claim and shows it refunded in place', async () => {
    const { api, row } = await openQueue({
      'POST /api/admin/shortfalls/claim-1/refund': () =>
        jsonResponse(200, claim({ status: 'REFUNDED', refundId: 'refund-1', decidedAt: '2026-12-15T02:00:00.000Z' })),
    });

    await row('claim-1').get('[data-testid="shortfall-refund"]').trigger('click');
    await settle();

    expect(api.callsTo('POST', '/api/admin/shortfalls/claim-1/refund')).toHaveLength(1);
    expect(row('claim-1').attributes('data-status')).toBe('REFUNDED');
    expect(row('claim-1').get('[data-testid="shortfall-status"]').text()).toBe('已退款');
    expect(row('claim-1').get('[data-testid="shortfall-done"]').text()).toBe('已退款，订单上会出现一笔验收短缺退款。');
    expect(row('claim-1').find('[data-testid="shortfall-refund"]').exists()).toBe(false);
    expect(row('claim-2').attributes('data-status')).toBe('PENDING');
  });

  it('asks for a reason before declining, and sends it', async () => {
    const { api, row } = await openQueue({
      'POST /api/admin/shortfalls/claim-2/decline': () =>
        jsonResponse(
          200,
          claim({ id: 'claim-2', status: 'DECLINED', declineReason: '照片显示商品完好', decidedAt: '2026-12-15T02:00:00.000Z' }),
        ),
    });

    await row('claim-2').get('[data-testid="shortfall-decline"]').trigger('click');
    expect(row('claim-2').get('label[for="shortfall-claim-2-reason"]').text()).toBe('驳回原因');
    expect(row('claim-2').get('[data-testid="shortfall-decline"]').text()).toBe('确认驳回');

    await row('claim-2').get('[data-testid="shortfall-decline"]').trigger('click');
    expect(row('claim-2').text()).toContain('请填写原因，至少 2 个字。');
    expect(api.callsTo('POST', '/api/admin/shortfalls/claim-2/decline')).toHaveLength(0);

    await row('claim-2').get('[data-testid="shortfall-decline-reason-input"]').setValue(' 照片显示商品完好 ');
    await row('claim-2').get('[data-testid="shortfall-decline"]').trigger('click');
    await settle();

    expect(await api.callsTo('POST', '/api/admin/shortfalls/claim-2/decline')[0]!.json()).toEqual({ reason: '照片显示商品完好' });
    expect(row('claim-2').attributes('data-status')).toBe('DECLINED');
    expect(row('claim-2').get('[data-testid="shortfall-status"]').text()).toBe('已驳回');
    expect(row('claim-2').get('[data-testid="shortfall-decline-reason"]').text()).toBe('驳回原因：照片显示商品完好');
    expect(row('claim-2').get('[data-testid="shortfall-done"]').text()).toBe('已驳回，采购单位会看到原因。');
  });

  it('says when another admin decided the claim first', async () => {
    const { row } = await openQueue({
      'POST /api/admin/shortfalls/claim-1/refund': () => errorResponse(409, 'SHORTFALL_CLAIM_STATUS_CONFLICT'),
    });

    await row('claim-1').get('[data-testid="shortfall-refund"]').trigger('click');
    await settle();

    expect(row('claim-1').get('[data-testid="shortfall-error"]').text()).toBe(
      '这条短缺申请已经处理过了（可能已被其他管理员处理），请刷新页面。',
    );
    expect(row('claim-1').attributes('data-status')).toBe('PENDING');
  });

  it('is linked from the administration’s start page and its navigation', async () => {
    fakeSessionApi(userWithRole('admin'), { 'GET /api/admin/shortfalls': () => jsonResponse(200, { items: [], nextCursor: null }) });
    let router;
    ({ wrapper, router } = await mountApp({ path: '/admin' }));

    await wrapper.get('[data-testid="admin-home-shortfalls"]').trigger('click');
    await settle();

    expect(router.currentRoute.value.path).toBe('/admin/shortfalls');
    expect(wrapper.get('[data-testid="admin-nav-shortfalls"]').attributes('aria-current')).toBe('page');
    expect(wrapper.get('[data-testid="admin-shortfalls-empty"]').text()).toBe('没有这个状态的短缺申请。');
  });
});
