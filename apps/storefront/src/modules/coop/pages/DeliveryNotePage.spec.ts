import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { coopFulfillment, fulfillment } from '../../../testing/orders';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const ORGANISATION_PART = coopFulfillment({
  id: 'f-9',
  orderNumber: 'QH20261211-000042',
  address: { name: '王师傅', mobile: '13900139000', districtCode: '440106', street: '天府路 1 号 机关大院 3 号楼 负一层 卸货区' },
  note: '请走东门卸货',
  delivery: { on: '2026-12-14', organisationName: '广州市天河区机关事务管理局饭堂', siteName: '机关一食堂' },
  lines: [
    { ...fulfillment().lines[0]!, id: 'ol-1', titleZh: '厍东关玛瑙红樱桃', labelZh: '5 kg 整箱', quantity: 30 },
    { ...fulfillment().lines[0]!, id: 'ol-2', titleZh: '厍东关玛瑙红樱桃', labelZh: '2.5 kg 礼盒', quantity: 12, refundedQuantity: 2 },
  ],
});

/** The cooperative's shipments: `?id=` answers just that one, or none when it is not the cooperative's. */
async function openNote(id = 'f-9') {
  const api = fakeSessionApi(userWithRole('cooperative'), {
    'GET /api/coop/fulfillments': (request) =>
      jsonResponse(200, { items: new URL(request.url).searchParams.get('id') === 'f-9' ? [ORGANISATION_PART] : [], nextCursor: null }),
  });
  ({ wrapper } = await mountApp({ path: `/coop/fulfillments/${id}/delivery-note` }));
  await settle();
  return { app: wrapper!, api };
}

const text = (app: VueWrapper, id: string) => app.get(`[data-testid="${id}"]`).text();

describe('DeliveryNotePage', () => {
  it('shows who sends what to which site on which day, the lines to count and an empty column for what was received', async () => {
    const { app, api } = await openNote();

    const calls = api.callsTo('GET', '/api/coop/fulfillments');
    expect(calls).toHaveLength(1);
    expect(new URL(calls[0]!.url).searchParams.get('id')).toBe('f-9');
    expect(app.findAll('h1').map((h1) => h1.text())).toEqual(['送货单']);
    expect(text(app, 'delivery-note-cooperative')).toBe('厍东关樱桃合作社');
    expect(text(app, 'delivery-note-order')).toBe('订单号：QH20261211-000042');
    expect(text(app, 'delivery-note-organisation')).toBe('广州市天河区机关事务管理局饭堂');
    expect(text(app, 'delivery-note-site')).toBe('机关一食堂');
    expect(text(app, 'delivery-note-address')).toBe('广州市天河区 天府路 1 号 机关大院 3 号楼 负一层 卸货区');
    expect(text(app, 'delivery-note-contact')).toBe('王师傅 13900139000');
    expect(text(app, 'delivery-note-day')).toBe('2026年12月14日');
    expect(app.get('[data-testid="delivery-note"]').text()).toContain('请走东门卸货');

    const lines = app.findAll('[data-testid="delivery-note-line"]');
    expect(lines.map((line) => line.findAll('td').map((cell) => cell.text()))).toEqual([
      ['1', '厍东关玛瑙红樱桃', '5 kg 整箱', '30', '', ''],
      ['2', '厍东关玛瑙红樱桃', '2.5 kg 礼盒', '10', '', ''],
    ]);
    expect(app.findAll('thead th').map((th) => th.text())).toEqual(['序号', '商品', '规格', '送货数量', '实收数量', '备注']);
    expect(text(app, 'delivery-note-total')).toBe('40');
  });

  it('has boxes to sign for the driver and the receiver, and a date', async () => {
    const { app } = await openNote();

    expect(app.findAll('[data-testid="delivery-note-sign"]').map((box) => box.text())).toEqual(['送货人', '收货人签字', '日期']);
  });

  it('prints the note from its button', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const { app } = await openNote();

    await app.get('[data-testid="delivery-note-print"]').trigger('click');

    expect(print).toHaveBeenCalledTimes(1);
  });

  it('says so when the shipment is not the cooperative’s', async () => {
    const { app } = await openNote('f-other');

    expect(text(app, 'delivery-note-not-found')).toContain('没有找到这个包裹，它可能不属于本社。');
    expect(app.find('[data-testid="delivery-note-print"]').exists()).toBe(false);
  });
});
