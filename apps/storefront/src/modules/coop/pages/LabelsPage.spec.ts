import type { VueWrapper } from '@vue/test-utils';
import QRCode from 'qrcode';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import type { LabelSheet } from '../lots';
import { labelSheet, lotLabel } from '../testing/lot-fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const LABELS = '/api/coop/fulfillments/f-1/labels';

async function openLabels(answer: () => Response = () => jsonResponse(200, labelSheet())) {
  const api = fakeSessionApi(userWithRole('cooperative'), { [`GET ${LABELS}`]: answer });
  ({ wrapper } = await mountApp({ path: '/coop/fulfillments/f-1/labels' }));
  await settle();
  return { app: wrapper!, api };
}

const labels = (app: VueWrapper) => app.findAll('[data-testid="label"]');

describe('box labels of a shipped part', () => {
  it('prints one label per box with the product, where and when it was made, its papers and a QR code of the lot’s page', async () => {
    const { app, api } = await openLabels();

    expect(api.callsTo('GET', LABELS)).toHaveLength(1);
    expect(app.findAll('h1').map((h1) => h1.text())).toEqual(['箱贴']);
    expect(app.get('[data-testid="labels-order"]').text()).toBe('订单 QH20261203-000042 · 共 3 张箱贴');
    expect(labels(app)).toHaveLength(3);

    const first = labels(app)[0]!;
    expect(first.get('[data-testid="label-product"]').text()).toBe('化作村林下土鸡蛋 20枚 · 20枚装');
    expect(first.get('[data-testid="label-cooperative"]').text()).toBe('厍东关樱桃合作社');
    expect(first.get('[data-testid="label-origin"]').text()).toBe('产地：厍东关乡化作村');
    expect(first.get('[data-testid="label-code"]').text()).toBe('K7QX3M9A');
    expect(first.findAll('dt').map((term) => term.text())).toEqual(['批次', '生产日期', '保质期至', '合格证', '检疫证明']);
    expect(first.get('[data-testid="label-produced-on"]').text()).toBe('2026年12月2日');
    expect(first.get('[data-testid="label-best-before"]').text()).toBe('2026年12月26日');
    expect(first.get('[data-testid="label-certificate"]').text()).toBe('HGZ-520525-20261');
    expect(first.get('[data-testid="label-quarantine"]').text()).toBe('5205252026120300173');
    expect(labels(app).map((label) => label.get('[data-testid="label-box"]').text())).toEqual(['第 1/3 箱', '第 2/3 箱', '第 3/3 箱']);

    const qr = first.get('[data-testid="label-qr"]');
    expect(qr.attributes('data-url')).toBe(`${window.location.origin}/lot/K7QX3M9A`);
    expect(qr.attributes('aria-label')).toBe('批次 K7QX3M9A 的二维码');
    // The picture is the QR code of exactly that address: its dark modules are those the library draws for it.
    const drawn = await QRCode.toString(`${window.location.origin}/lot/K7QX3M9A`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    const modules = (svg: string) => [...svg.matchAll(/ d="([^"]+)"/g)].map((match) => match[1]);
    expect(modules(qr.get('svg').html())).toEqual(modules(drawn));
    expect(modules(drawn).length).toBeGreaterThan(0);
  });

  it('prints each lot’s own labels, and no quarantine line for a product without one', async () => {
    const sheet: LabelSheet = labelSheet([
      lotLabel({ copies: 2 }),
      lotLabel({
        lotCode: 'TEAL2345',
        lotPath: '/lot/TEAL2345',
        titleZh: '百花坪高山绿茶',
        labelZh: '250 g',
        quarantineNo: null,
        copies: 1,
      }),
    ]);
    const { app } = await openLabels(() => jsonResponse(200, sheet));

    expect(labels(app).map((label) => label.attributes('data-lot'))).toEqual(['K7QX3M9A', 'K7QX3M9A', 'TEAL2345']);
    const tea = labels(app)[2]!;
    expect(tea.find('[data-testid="label-quarantine"]').exists()).toBe(false);
    expect(tea.text()).not.toContain('检疫证明');
    expect(tea.get('[data-testid="label-qr"]').attributes('data-url')).toBe(`${window.location.origin}/lot/TEAL2345`);
    // The two lots' codes differ, and so do their pictures.
    expect(tea.get('[data-testid="label-qr"]').html()).not.toBe(labels(app)[0]!.get('[data-testid="label-qr"]').html());
  });

  it('prints the sheet from its button', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const { app } = await openLabels();

    await app.get('[data-testid="print-labels"]').trigger('click');

    expect(print).toHaveBeenCalledTimes(1);
  });

  it('says when the parcel shipped without lots, with nothing to print', async () => {
    const { app } = await openLabels(() => jsonResponse(200, labelSheet([])));

    expect(app.get('[data-testid="labels-empty"]').text()).toBe('这个包裹发货时没有记录批次，所以没有箱贴可打印。');
    expect(app.find('[data-testid="print-labels"]').exists()).toBe(false);
  });

  it('says when the shipment is not the cooperative’s', async () => {
    const { app } = await openLabels(() => errorResponse(404, 'FULFILLMENT_NOT_FOUND'));

    expect(app.get('[data-testid="labels-not-found"]').text()).toBe('没有找到这个包裹，它可能不属于本社。');
    expect(labels(app)).toHaveLength(0);
  });

  it('reads in English', async () => {
    fakeSessionApi(userWithRole('cooperative'), { [`GET ${LABELS}`]: () => jsonResponse(200, labelSheet()) });
    ({ wrapper } = await mountApp({ path: '/coop/fulfillments/f-1/labels', locale: 'en' }));
    await settle();

    expect(wrapper.get('[data-testid="label-origin"]').text()).toBe('Origin: 化作村, 厍东关乡');
    expect(wrapper.get('[data-testid="label-box"]').text()).toBe('Box 1/3');
  });
});
