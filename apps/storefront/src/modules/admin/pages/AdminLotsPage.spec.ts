import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import type { AdminLot, LotRecipients } from '../admin-claims';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

type Handler = (request: Request) => Response | Promise<Response>;

/** A lot of eggs from Huazuo: 40 boxes, 5 shipped. */
function lot(overrides: Partial<AdminLot> = {}): AdminLot {
  return {
    id: 'lot-1',
    code: 'K7QX3M9A',
    product: {
      id: 'p-1',
      slug: 'huazuo-eggs',
      titleZh: '化作村林下土鸡蛋 20枚',
      titleEn: 'Free-range eggs from Huazuo, 20',
      category: 'EGG',
    },
    cooperativeId: 'coop-1',
    cooperativeName: '化作村禽蛋合作社',
    village: '化作村',
    producedOn: '2026-12-02',
    bestBefore: '2026-12-26',
    quantity: 40,
    shippedQuantity: 5,
    certificateNo: 'HGZ-520525-20261',
    quarantineNo: '5205252026120300173',
    hasReport: false,
    closedAt: null,
    recalledAt: null,
    recallNotice: null,
    createdAt: '2026-12-03T02:00:00.000Z',
    ...overrides,
  };
}

function recipients(overrides: Partial<LotRecipients> = {}): LotRecipients {
  return {
    lot: lot(),
    lines: [
      {
        orderNumber: 'QH20261203-000042',
        lineId: 'ol-1',
        titleZh: '化作村林下土鸡蛋 20枚',
        quantity: 3,
        organisationName: null,
        shippedAt: '2026-12-04T02:00:00.000Z',
      },
      {
        orderNumber: 'QH20261203-000050',
        lineId: 'ol-7',
        titleZh: '化作村林下土鸡蛋 20枚',
        quantity: 2,
        organisationName: '广州市天河区机关事务管理局饭堂',
        shippedAt: '2026-12-04T03:00:00.000Z',
      },
    ],
    orders: 2,
    organisations: 1,
    notified: 0,
    ...overrides,
  };
}

async function openLots(routes: Record<string, Handler> = {}) {
  const api = fakeSessionApi(userWithRole('admin'), {
    'GET /api/admin/lots': (request) =>
      jsonResponse(200, {
        items: new URL(request.url).searchParams.get('code')
          ? [lot()]
          : [lot(), lot({ id: 'lot-2', code: 'P3RT8WXY', closedAt: '2026-12-10T02:00:00.000Z' })],
      }),
    'GET /api/admin/lots/lot-1/recipients': () => jsonResponse(200, recipients()),
    ...routes,
  });
  ({ wrapper } = await mountApp({ path: '/admin/lots' }));
  await settle();
  const row = (code: string) => wrapper!.get(`[data-testid="admin-lot-row"][data-code="${code}"]`);
  return { app: wrapper!, api, row };
}

async function search(app: VueWrapper, typed: string): Promise<void> {
  await app.get('[data-testid="admin-lot-search"]').setValue(typed);
  await app.get('[data-testid="admin-lot-search-form"]').trigger('submit');
  await settle();
}

describe('AdminLotsPage', () => {
  it('lists the newest lots with their product, cooperative, state and units shipped', async () => {
    const { app, api, row } = await openLots();

    expect(app.get('h1').text()).toBe('批次追溯与召回');
    expect(new URL(api.callsTo('GET', '/api/admin/lots')[0]!.url).searchParams.get('limit')).toBe('20');
    expect(app.findAll('[data-testid="admin-lot-row"]').map((item) => item.attributes('data-code'))).toEqual(['K7QX3M9A', 'P3RT8WXY']);
    expect(row('K7QX3M9A').get('[data-testid="admin-lot-product"]').text()).toBe('化作村林下土鸡蛋 20枚');
    expect(row('K7QX3M9A').get('[data-testid="admin-lot-state"]').text()).toBe('可发货');
    expect(row('K7QX3M9A').get('[data-testid="admin-lot-shipped"]').text()).toBe('5 / 40 件');
    expect(row('K7QX3M9A').text()).toContain('5205252026120300173');
    expect(row('P3RT8WXY').get('[data-testid="admin-lot-state"]').text()).toBe('已关闭');
  });

  it('finds a lot by its code as typed from a label, and shows who received it', async () => {
    const { app, api, row } = await openLots();

    await search(app, ' k7qx3m9a ');

    expect(new URL(api.callsTo('GET', '/api/admin/lots').at(-1)!.url).searchParams.get('code')).toBe('K7QX3M9A');
    expect(app.findAll('[data-testid="admin-lot-row"]')).toHaveLength(1);
    const found = row('K7QX3M9A').get('[data-testid="lot-recipients"]');
    expect(found.get('[data-testid="lot-recipients-summary"]').text()).toBe('2 个订单、1 个单位，共 2 条商品记录。');
    expect(
      found.findAll('[data-testid="lot-recipient"]').map((line) =>
        line
          .findAll('td')
          .map((cell) => cell.text())
          .slice(0, 4),
      ),
    ).toEqual([
      ['QH20261203-000042', '个人买家', '化作村林下土鸡蛋 20枚', '3'],
      ['QH20261203-000050', '广州市天河区机关事务管理局饭堂', '化作村林下土鸡蛋 20枚', '2'],
    ]);
    expect(app.find('[data-testid="admin-lot-recent"]').exists()).toBe(true);
  });

  it('says what a lot code looks like instead of asking for something that cannot be one', async () => {
    const { app, api } = await openLots();

    await search(app, 'QH2026');

    expect(app.get('[data-testid="admin-lot-search-error"]').text()).toBe('批次码是 8 位字母和数字（不含 0、1、I、L、O）。');
    expect(api.callsTo('GET', '/api/admin/lots')).toHaveLength(1);
  });

  it('recalls a lot with a notice, says how many buyers were told, and shows the notice from then on', async () => {
    const recalledAt = '2026-12-12T02:00:00.000Z';
    const notice = '该批次鸡蛋检出问题，请停止食用并联系我们退款。';
    const { app, api, row } = await openLots({
      'POST /api/admin/lots/lot-1/recall': () =>
        jsonResponse(200, recipients({ lot: lot({ recalledAt, recallNotice: notice }), notified: 2 })),
    });
    await row('K7QX3M9A').get('[data-testid="admin-lot-open"]').trigger('click');
    await settle();

    await row('K7QX3M9A').get('[data-testid="lot-recall-notice"]').setValue('有问题');
    await row('K7QX3M9A').get('[data-testid="lot-recall-form"]').trigger('submit');
    await settle();
    expect(row('K7QX3M9A').get('[data-testid="lot-recall-notice-error"]').text()).toBe('召回公告需要 5 到 500 个字。');
    expect(api.callsTo('POST', '/api/admin/lots/lot-1/recall')).toHaveLength(0);

    await row('K7QX3M9A').get('[data-testid="lot-recall-notice"]').setValue(` ${notice} `);
    await row('K7QX3M9A').get('[data-testid="lot-recall-submit"]').trigger('click');
    await settle();

    expect(await api.callsTo('POST', '/api/admin/lots/lot-1/recall')[0]!.json()).toEqual({ notice });
    expect(row('K7QX3M9A').get('[data-testid="lot-recall-done"]').text()).toBe('已召回，已通知 2 位买家。');
    expect(row('K7QX3M9A').get('[data-testid="lot-recall-shown"]').text()).toBe(notice);
    expect(row('K7QX3M9A').get('[data-testid="admin-lot-notice"]').text()).toContain(notice);
    expect(row('K7QX3M9A').attributes('data-state')).toBe('RECALLED');
    expect(row('K7QX3M9A').find('[data-testid="lot-recall-form"]').exists()).toBe(false);
    expect(app.find('[data-testid="lot-recall-error"]').exists()).toBe(false);
  });

  it('shows a lot recalled already, with its notice and no second recall; and says when another admin was first', async () => {
    const notice = '该批次鸡蛋检出问题，请停止食用。';
    const { row } = await openLots({
      'GET /api/admin/lots/lot-1/recipients': () => jsonResponse(200, recipients()),
      'POST /api/admin/lots/lot-1/recall': () => errorResponse(409, 'LOT_RECALLED'),
      'GET /api/admin/lots/lot-2/recipients': () =>
        jsonResponse(
          200,
          recipients({
            lot: lot({ id: 'lot-2', code: 'P3RT8WXY', recalledAt: '2026-12-12T02:00:00.000Z', recallNotice: notice }),
            notified: 3,
          }),
        ),
    });

    await row('P3RT8WXY').get('[data-testid="admin-lot-open"]').trigger('click');
    await settle();
    expect(row('P3RT8WXY').get('[data-testid="lot-recall-shown"]').text()).toBe(notice);
    expect(row('P3RT8WXY').get('[data-testid="lot-recalled"]').text()).toContain('已通知 3 位买家。');
    expect(row('P3RT8WXY').find('[data-testid="lot-recall-form"]').exists()).toBe(false);

    await row('K7QX3M9A').get('[data-testid="admin-lot-open"]').trigger('click');
    await settle();
    expect(row('P3RT8WXY').find('[data-testid="lot-recipients"]').exists()).toBe(false);
    await row('K7QX3M9A').get('[data-testid="lot-recall-notice"]').setValue('该批次鸡蛋检出问题');
    await row('K7QX3M9A').get('[data-testid="lot-recall-submit"]').trigger('click');
    await settle();
    expect(row('K7QX3M9A').get('[data-testid="lot-recall-error"]').text()).toBe('这个批次已经召回过了（可能刚被其他管理员召回）。');
  });
});
