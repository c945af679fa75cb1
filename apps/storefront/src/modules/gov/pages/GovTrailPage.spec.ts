import type { VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { trailOf, ZHANGJIAWAN } from '../testing/trail-fixtures';

let wrapper: VueWrapper | undefined;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-10T02:00:00.000Z'));
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.useRealTimers();
});

const cells = (element: { findAll: (selector: string) => { text: () => string }[] }) =>
  element.findAll('th, td').map((cell) => cell.text());

const TRAIL = '/api/impact/trail';

describe('GovTrailPage', () => {
  it('shows pledged, paid and acknowledged to the fen, with tables whose totals are the cards', async () => {
    const server = fakeSessionApi(userWithRole('official'), { [`GET ${TRAIL}`]: () => jsonResponse(200, trailOf()) });
    ({ wrapper } = await mountApp({ path: '/gov/trail?year=2026&householdStatus=LIFTED' }));
    await settle();
    const app = wrapper!;

    expect(app.get('h1').text()).toBe('资金到户追踪');
    expect(Object.fromEntries(new URL(server.callsTo('GET', TRAIL).at(-1)!.url).searchParams)).toEqual({
      year: '2026',
      householdStatus: 'LIFTED',
    });
    expect(app.get('[data-testid="trail-pledgedFen"]').text()).toBe('¥1,234.56');
    expect(app.get('[data-testid="trail-paidToCooperativesFen"]').text()).toBe('¥50,000.00');
    expect(app.get('[data-testid="trail-paidToHouseholdsFen"]').text()).toBe('¥1,000.00');
    expect(app.get('[data-testid="trail-acknowledgedFen"]').text()).toBe('¥800.00');
    expect(app.get('[data-testid="trail-outstandingFen"]').text()).toBe('¥234.56');
    expect(app.get('[data-testid="trail-ageing-30"]').text()).toBe('¥200.00');
    expect(app.get('[data-testid="trail-ageing-60"]').text()).toBe('¥34.56');
    expect(app.get('[data-testid="trail-ageing-over"]').text()).toBe('¥0.00');
    expect(app.get('[data-testid="trail-overdue"]').text()).toBe('2 笔，¥15.00');

    const township = app.get('[data-testid="trail-by-township"]');
    expect(township.get('caption').text()).toBe('按乡镇');
    expect(township.findAll('[data-testid="trail-row"]').map(cells)).toEqual([
      ['张家湾镇', '¥1,000.00', '¥800.00', '¥700.00', '¥200.00'],
      ['厍东关彝族白族苗族乡', '¥234.56', '¥200.00', '¥100.00', '¥34.56'],
    ]);
    // Every table's total row is the cards.
    for (const table of ['township', 'cooperative', 'status']) {
      expect(cells(app.get(`[data-testid="trail-by-${table}"] [data-testid="trail-total"]`))).toEqual([
        '合计',
        '¥1,234.56',
        '¥1,000.00',
        '¥800.00',
        '¥234.56',
      ]);
    }
    // Lifted households and those monitored for falling back are shown apart.
    expect(app.get('[data-testid="trail-by-status"]').findAll('[data-testid="trail-row"]').map(cells)).toEqual([
      ['脱贫户', '¥1,000.00', '¥900.00', '¥700.00', '¥100.00'],
      ['监测对象', '¥234.56', '¥100.00', '¥100.00', '¥134.56'],
    ]);
    expect(app.get('[data-testid="trail-exit-years"]').findAll('tbody tr').map(cells)).toEqual([
      ['2019', '3', '12'],
      ['未脱贫（监测）', '1', '5'],
    ]);
    // A county official has every tab.
    expect(app.find('[data-testid="gov-nav-dashboard"]').exists()).toBe(true);
    expect(app.get('[data-testid="gov-nav-trail"]').attributes('aria-current')).toBe('page');
  });

  it('keeps the filters in the address and asks the API again when one changes', async () => {
    const server = fakeSessionApi(userWithRole('official'), { [`GET ${TRAIL}`]: () => jsonResponse(200, trailOf()) });
    const mounted = await mountApp({ path: '/gov/trail' });
    wrapper = mounted.wrapper;
    await settle();

    await wrapper.get('[data-testid="trail-township"]').setValue(ZHANGJIAWAN);
    await settle();
    await wrapper.get('[data-testid="trail-cooperative"]').setValue('coop-eggs');
    await settle();

    expect(mounted.router.currentRoute.value.query).toEqual({ townshipCode: ZHANGJIAWAN, cooperativeId: 'coop-eggs' });
    expect(Object.fromEntries(new URL(server.callsTo('GET', TRAIL).at(-1)!.url).searchParams)).toEqual({
      townshipCode: ZHANGJIAWAN,
      cooperativeId: 'coop-eggs',
    });
  });

  it('downloads each table as CSV through the signed-in client, with the same filters', async () => {
    const server = fakeSessionApi(userWithRole('official'), {
      [`GET ${TRAIL}`]: () => jsonResponse(200, trailOf()),
      [`GET ${TRAIL}.csv`]: () => new Response('\uFEFFgroup\n', { status: 200, headers: { 'Content-Type': 'text/csv' } }),
    });
    ({ wrapper } = await mountApp({ path: `/gov/trail?year=2026&townshipCode=${ZHANGJIAWAN}` }));
    await settle();

    const button = wrapper!.get('[data-testid="trail-download-township"]');
    expect(button.text()).toBe('导出 CSV');
    const saved: string[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push(this.download);
    };
    globalThis.URL.createObjectURL ??= () => 'blob:x';
    globalThis.URL.revokeObjectURL ??= () => undefined;
    try {
      await button.trigger('click');
      await settle();
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }

    const csv = server.callsTo('GET', `${TRAIL}.csv`)[0]!;
    expect(csv.headers.get('Authorization')).toBe('Bearer token-1');
    expect(Object.fromEntries(new URL(csv.url).searchParams)).toEqual({ year: '2026', townshipCode: ZHANGJIAWAN, by: 'township' });
    expect(saved).toEqual(['money-trail-2026-by-township.csv']);
  });

  it('sends a township official from the county’s dashboard to its own townships’ trail', async () => {
    fakeSessionApi(userWithRole('official', { townships: [ZHANGJIAWAN] }), { [`GET ${TRAIL}`]: () => jsonResponse(200, trailOf()) });
    const mounted = await mountApp({ path: '/gov' });
    wrapper = mounted.wrapper;
    await settle();

    expect(mounted.router.currentRoute.value.name).toBe('gov-trail');
    expect(wrapper.find('[data-testid="gov-nav-dashboard"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="gov-nav-institutions"]').exists()).toBe(false);
    expect(wrapper.findAll('.gov-nav a').map((tab) => tab.text())).toEqual(['资金到户', '发放核实']);
    expect(wrapper.get('[data-testid="trail-scope"]').text()).toContain('张家湾镇');
    const townships = wrapper
      .get('[data-testid="trail-township"]')
      .findAll('option')
      .map((option) => option.text());
    expect(townships).toEqual(['全部', '张家湾镇']);
  });

  it('gives the county officials the trail and the payouts beside their other tabs', async () => {
    fakeSessionApi(userWithRole('official'), { [`GET ${TRAIL}`]: () => jsonResponse(200, trailOf()) });
    ({ wrapper } = await mountApp({ path: '/gov/trail' }));
    await settle();

    expect(wrapper!.findAll('.gov-nav a').map((tab) => tab.text())).toEqual(['消费帮扶成效', '预算单位预留份额', '资金到户', '发放核实']);
  });
});
