import type { VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import type { Claim } from '../../shop/claims';
import { captureObjectUrls, claim, claimLine, photoResponse } from '../../shop/testing/claim-fixtures';

let wrapper: VueWrapper | undefined;
let urls: ReturnType<typeof captureObjectUrls>;

beforeEach(() => {
  urls = captureObjectUrls();
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  urls.restore();
});

type Handler = (request: Request) => Response | Promise<Response>;

/** A canteen's claim the buyer escalated: 2 boxes of eggs asked, the cooperative offered 1, with a photo. */
const escalated = (overrides: Partial<Claim> = {}) =>
  claim({
    status: 'ESCALATED',
    organisationName: '广州市天河区机关事务管理局饭堂',
    photos: 1,
    lines: [
      claimLine({ offeredQuantity: 1 }),
      claimLine({ lineId: 'ol-3', titleZh: '化作村鸭蛋', labelZh: '30枚托', unitPriceFen: 5_800, askedQuantity: 1, offeredQuantity: 0 }),
    ],
    offeredFen: 4_600,
    answeredAt: '2026-12-14T08:00:00.000Z',
    answerNote: '一盒可补偿，另一盒签收时完好',
    ...overrides,
  });
/** An unanswered claim whose 24 hours are over. */
const unanswered = () =>
  claim({ id: 'claim-2', orderNumber: 'QH20261212-000007', answerDueAt: new Date(Date.now() - 3_600_000).toISOString() });

async function openQueue(routes: Record<string, Handler> = {}, path = '/admin/claims') {
  const api = fakeSessionApi(userWithRole('admin'), {
    'GET /api/admin/claims': (request) => {
      const status = new URL(request.url).searchParams.get('status');
      return jsonResponse(200, {
        items: status === 'ESCALATED' ? [escalated()] : status === 'OPEN' ? [unanswered(), claim({ id: 'claim-3' })] : [],
      });
    },
    'GET /api/admin/claims/claim-1/photos/0': () => photoResponse(),
    ...routes,
  });
  let router;
  ({ wrapper, router } = await mountApp({ path }));
  await settle();
  const row = (id: string) => wrapper!.get(`[data-testid="admin-claim-row"][data-id="${id}"]`);
  return { app: wrapper!, api, row, router: router! };
}

describe('AdminClaimsPage', () => {
  it('opens on the escalated claims, with the order, both sides, the lines, the notes and the photos', async () => {
    const { app, api, row } = await openQueue();

    expect(app.get('h1').text()).toBe('售后处理');
    expect(new URL(api.callsTo('GET', '/api/admin/claims')[0]!.url).searchParams.get('status')).toBe('ESCALATED');
    expect(app.findAll('.portal-tabs[aria-label="按状态筛选售后"] a').map((tab) => tab.text())).toEqual([
      '平台处理中',
      '待合作社答复',
      '合作社部分同意',
      '合作社有异议',
      '已退款',
      '已驳回',
      '已撤回',
    ]);
    expect(app.get('[data-testid="admin-claims-tab-ESCALATED"]').attributes('aria-current')).toBe('page');
    const first = row('claim-1');
    expect(first.attributes('data-status')).toBe('ESCALATED');
    expect(first.get('[data-testid="admin-claim-order"]').text()).toBe('订单 QH20261129-000123');
    expect(first.get('[data-testid="admin-claim-cooperative"]').text()).toBe('化作村禽蛋合作社');
    expect(first.get('[data-testid="admin-claim-organisation"]').text()).toBe('广州市天河区机关事务管理局饭堂');
    expect(first.get('[data-testid="admin-claim-reason"]').text()).toBe('破损');
    expect(first.findAll('[data-testid="admin-claim-line"]').map((line) => line.text())).toEqual([
      '化作村林下土鸡蛋 20枚 · 20枚装：申请 2 件，合作社提出 1 件 · ¥46.00/件',
      '化作村鸭蛋 · 30枚托：申请 1 件，合作社提出 0 件 · ¥58.00/件',
    ]);
    expect(first.get('[data-testid="admin-claim-asked"]').text()).toBe('¥150.00');
    expect(first.get('[data-testid="admin-claim-offered"]').text()).toBe('¥46.00');
    expect(first.get('[data-testid="admin-claim-buyer-note"]').text()).toBe('买家说明 两盒鸡蛋运输中压碎');
    expect(first.get('[data-testid="admin-claim-answer-note"]').text()).toBe('合作社答复 一盒可补偿，另一盒签收时完好');
    expect(api.callsTo('GET', '/api/admin/claims/claim-1/photos/0')[0]!.headers.get('Authorization')).toBe('Bearer token-1');
    expect(first.get('[data-testid="claim-photo"]').attributes('src')).toBe('blob:photo-1');
    // The decision starts from what the buyer asked.
    expect(first.findAll<HTMLInputElement>('[data-testid="admin-claim-grant"]').map((input) => input.element.value)).toEqual(['2', '1']);
    expect(first.get('[data-testid="admin-claim-decide"]').text()).toBe('准予退款 ¥150.00');
  });

  it('needs a note, then grants the units chosen and shows the claim settled in place', async () => {
    const { api, row } = await openQueue({
      'POST /api/admin/claims/claim-1/decide': () =>
        jsonResponse(
          200,
          escalated({
            status: 'SETTLED',
            lines: [
              claimLine({ offeredQuantity: 1, grantedQuantity: 1 }),
              claimLine({ lineId: 'ol-3', askedQuantity: 1, offeredQuantity: 0, grantedQuantity: 1, unitPriceFen: 5_800 }),
            ],
            grantedFen: 10_400,
            decisionNote: '照片显示两盒均有破损',
            refund: { id: 'r-1', status: 'PENDING', amountFen: 10_400 },
          }),
        ),
    });
    const first = row('claim-1');
    await first.findAll('[data-testid="admin-claim-grant"]')[0]!.setValue('1');
    expect(first.get('[data-testid="admin-claim-decide-total"]').text()).toBe('准予退款 ¥104.00');

    await first.get('[data-testid="admin-claim-decide-form"]').trigger('submit');
    await settle();
    expect(first.get('[data-testid="admin-claim-note-error"]').text()).toBe('请填写处理意见。');
    expect(api.callsTo('POST', '/api/admin/claims/claim-1/decide')).toHaveLength(0);

    await first.get('[data-testid="admin-claim-decision-note"]').setValue(' 照片显示两盒均有破损 ');
    await first.get('[data-testid="admin-claim-decide"]').trigger('click');
    await settle();

    expect(await api.callsTo('POST', '/api/admin/claims/claim-1/decide')[0]!.json()).toEqual({
      lines: [
        { lineId: 'ol-1', quantity: 1 },
        { lineId: 'ol-3', quantity: 1 },
      ],
      note: '照片显示两盒均有破损',
    });
    expect(row('claim-1').attributes('data-status')).toBe('SETTLED');
    expect(row('claim-1').get('[data-testid="admin-claim-status"]').text()).toBe('已退款');
    expect(row('claim-1').get('[data-testid="admin-claim-done"]').text()).toBe('已决定退款，订单上会出现一笔售后退款。');
    expect(row('claim-1').get('[data-testid="admin-claim-refund"]').text()).toBe('退款 ¥104.00 · 退款处理中');
    expect(row('claim-1').find('[data-testid="admin-claim-decide"]').exists()).toBe(false);
  });

  it('rejects a claim when nothing is granted, and says so on the button', async () => {
    const { api, row } = await openQueue({
      'POST /api/admin/claims/claim-1/decide': () =>
        jsonResponse(200, escalated({ status: 'REJECTED', grantedFen: 0, decisionNote: '签收时完好' })),
    });
    const first = row('claim-1');
    for (const input of first.findAll('[data-testid="admin-claim-grant"]')) await input.setValue('0');
    expect(first.get('[data-testid="admin-claim-decide"]').text()).toBe('驳回申请');

    await first.get('[data-testid="admin-claim-decision-note"]').setValue('签收时完好');
    await first.get('[data-testid="admin-claim-decide-form"]').trigger('submit');
    await settle();

    expect((await api.callsTo('POST', '/api/admin/claims/claim-1/decide')[0]!.json()).lines).toEqual([
      { lineId: 'ol-1', quantity: 0 },
      { lineId: 'ol-3', quantity: 0 },
    ]);
    expect(row('claim-1').attributes('data-status')).toBe('REJECTED');
    expect(row('claim-1').get('[data-testid="admin-claim-done"]').text()).toBe('已驳回，买家和合作社会看到处理意见。');
  });

  it('marks unanswered claims past their 24 hours and lets an admin decide those only', async () => {
    const { app, row } = await openQueue({}, '/admin/claims?status=OPEN');

    expect(app.get('[data-testid="admin-claims-tab-OPEN"]').attributes('aria-current')).toBe('page');
    expect(row('claim-2').get('[data-testid="admin-claim-due"]').attributes('data-overdue')).toBe('true');
    expect(row('claim-2').get('[data-testid="admin-claim-due"]').text()).toContain('已超时');
    expect(row('claim-2').find('[data-testid="admin-claim-decide"]').exists()).toBe(true);
    expect(row('claim-3').get('[data-testid="admin-claim-due"]').attributes('data-overdue')).toBeUndefined();
    expect(row('claim-3').find('[data-testid="admin-claim-decide"]').exists()).toBe(false);
  });

  it('says when the claim was decided meanwhile', async () => {
    const { row } = await openQueue({ 'POST /api/admin/claims/claim-1/decide': () => errorResponse(409, 'CLAIM_STATUS_CONFLICT') });

    await row('claim-1').get('[data-testid="admin-claim-decision-note"]').setValue('同意');
    await row('claim-1').get('[data-testid="admin-claim-decide"]').trigger('click');
    await settle();

    expect(row('claim-1').get('[data-testid="admin-claim-error"]').text()).toBe(
      '这条售后已经有了结果，或合作社仍在答复期限内，请刷新页面。',
    );
    expect(row('claim-1').attributes('data-status')).toBe('ESCALATED');
  });

  it('is linked from the administration’s start page and its navigation', async () => {
    const { router } = await openQueue({}, '/admin');

    await wrapper!.get('[data-testid="admin-home-claims"]').trigger('click');
    await settle();

    expect(router.currentRoute.value.path).toBe('/admin/claims');
    expect(wrapper!.get('[data-testid="admin-nav-claims"]').attributes('aria-current')).toBe('page');
  });
});
