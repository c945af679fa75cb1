import type { VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import type { HouseholdPayout, Trail } from '../trail';

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

const row = (pledgedFen: number, paidFen: number, acknowledgedFen: number) => ({
  pledgedFen,
  paidToHouseholdsFen: paidFen,
  acknowledgedFen,
  outstandingFen: pledgedFen - paidFen,
});

function trail(): Trail {
  return {
    year: 2026,
    pledgedFen: 123_456,
    paidToCooperativesFen: 5_000_000,
    paidToHouseholdsFen: 100_000,
    acknowledgedFen: 80_000,
    outstandingFen: 23_456,
    ageing: { upTo30DaysFen: 20_000, from31To60DaysFen: 3_456, over60DaysFen: 0 },
    overdue: { payouts: 2, amountFen: 1_500 },
    byTownship: [
      { code: '520525108', name: '张家湾镇', ...row(100_000, 80_000, 70_000) },
      { code: '520525202', name: '厍东关彝族白族苗族乡', ...row(23_456, 20_000, 10_000) },
    ],
    byCooperative: [{ id: 'coop-eggs', name: '张家湾蛋鸡合作社', ...row(123_456, 100_000, 80_000) }],
    byHouseholdStatus: [
      { status: 'LIFTED', ...row(100_000, 90_000, 70_000) },
      { status: 'MONITORED', ...row(23_456, 10_000, 10_000) },
    ],
    peopleByExitYear: [
      { exitYear: 2019, households: 3, people: 12 },
      { exitYear: null, households: 1, people: 5 },
    ],
  };
}

function payout(overrides: Partial<HouseholdPayout> = {}): HouseholdPayout {
  return {
    id: 'payout-1',
    household: { id: 'household-1', code: 'NY-000108', maskedName: '王**', village: '张家湾村', townshipCode: '520525108' },
    cooperative: { id: 'coop-eggs', name: '张家湾蛋鸡合作社' },
    period: '2026-11',
    amountFen: 12_345,
    method: 'BANK',
    reference: 'NX-1',
    hasReceipt: false,
    paidOn: '2026-12-05',
    recordedAt: '2026-12-05T02:00:00Z',
    reversesId: null,
    reversed: false,
    acknowledgement: null,
    overdue: false,
    ...overrides,
  };
}

const cells = (element: { findAll: (selector: string) => { text: () => string }[] }) =>
  element.findAll('th, td').map((cell) => cell.text());

describe('the officials’ money trail', () => {
  it('shows pledged, paid and acknowledged to the fen, with tables whose totals are the cards', async () => {
    const server = fakeSessionApi(userWithRole('official'), { 'GET /api/impact/trail': () => jsonResponse(200, trail()) });
    ({ wrapper } = await mountApp({ path: '/gov/trail?year=2026&householdStatus=LIFTED' }));
    await settle();
    const app = wrapper!;

    expect(app.get('h1').text()).toBe('资金到户追踪');
    expect(Object.fromEntries(new URL(server.callsTo('GET', '/api/impact/trail').at(-1)!.url).searchParams)).toEqual({
      year: '2026',
      householdStatus: 'LIFTED',
    });
    expect(app.get('[data-testid="trail-pledgedFen"]').text()).toBe('¥1,234.56');
    expect(app.get('[data-testid="trail-paidToCooperativesFen"]').text()).toBe('¥50,000.00');
    expect(app.get('[data-testid="trail-outstandingFen"]').text()).toBe('¥234.56');
    expect(app.get('[data-testid="trail-ageing-60"]').text()).toBe('¥34.56');
    expect(app.get('[data-testid="trail-overdue"]').text()).toBe('2 笔，¥15.00');
    const township = app.get('[data-testid="trail-by-township"]');
    expect(township.findAll('[data-testid="trail-row"]').map(cells)[0]).toEqual(['张家湾镇', '¥1,000.00', '¥800.00', '¥700.00', '¥200.00']);
    expect(cells(township.get('[data-testid="trail-total"]'))).toEqual(['合计', '¥1,234.56', '¥1,000.00', '¥800.00', '¥234.56']);
    expect(
      app
        .get('[data-testid="trail-by-status"]')
        .findAll('[data-testid="trail-row"]')
        .map((r) => cells(r)[0]),
    ).toEqual(['脱贫户', '监测对象']);
    expect(cells(app.get('[data-testid="trail-exit-years"]').findAll('tbody tr')[1]!)).toEqual(['未脱贫（监测）', '1', '5']);
    // A county official has every tab.
    expect(app.find('[data-testid="gov-nav-dashboard"]').exists()).toBe(true);
  });

  it('sends a township official from the county’s dashboard to its own townships’ trail', async () => {
    fakeSessionApi(userWithRole('official', { townships: ['520525108'] }), {
      'GET /api/impact/trail': () => jsonResponse(200, trail()),
    });
    const mounted = await mountApp({ path: '/gov' });
    wrapper = mounted.wrapper;
    await settle();

    expect(mounted.router.currentRoute.value.name).toBe('gov-trail');
    expect(wrapper.find('[data-testid="gov-nav-dashboard"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="trail-scope"]').text()).toContain('张家湾镇');
    const townships = wrapper
      .get('[data-testid="trail-township"]')
      .findAll('option')
      .map((option) => option.text());
    expect(townships).toEqual(['全部', '张家湾镇']);
  });
});

describe('the payouts to households, to acknowledge', () => {
  it('lets a township official acknowledge a payout after visiting, with the day and a note', async () => {
    const server = fakeSessionApi(userWithRole('official', { townships: ['520525108'] }), {
      'GET /api/impact/household-payouts': () => jsonResponse(200, { items: [payout(), payout({ id: 'payout-2', overdue: true })] }),
      'POST /api/impact/household-payouts/payout-1/acknowledge': () =>
        jsonResponse(
          201,
          payout({ acknowledgement: { visitedOn: '2026-12-08', note: '入户核实', acknowledgedAt: '2026-12-10T02:00:00Z' } }),
        ),
    });
    ({ wrapper } = await mountApp({ path: '/gov/payouts' }));
    await settle();
    const app = wrapper!;

    const rows = app.findAll('[data-testid="payout-row"]');
    expect(rows.map((r) => r.get('[data-testid="payout-state"]').text())).toEqual(['待核实', '超期未核实']);
    expect(rows[0]!.get('[data-testid="payout-amount"]').text()).toBe('¥123.45');
    await rows[0]!.get('[data-testid="payout-acknowledge"]').trigger('click');
    await app.get('[data-testid="acknowledge-visited-on"]').setValue('2026-12-08');
    await app.get('[data-testid="acknowledge-note"]').setValue('入户核实');
    await app.get('[data-testid="acknowledge-form"]').trigger('submit');
    await settle();

    expect(await server.callsTo('POST', '/api/impact/household-payouts/payout-1/acknowledge')[0]!.json()).toEqual({
      visitedOn: '2026-12-08',
      note: '入户核实',
    });
    expect(app.findAll('[data-testid="payout-row"]')[0]!.get('[data-testid="payout-state"]').text()).toBe('已核实（2026-12-08）');
    expect(app.find('[data-testid="acknowledge-form"]').exists()).toBe(false);
  });

  it('shows a county official the payouts without the form: those who visit acknowledge them', async () => {
    fakeSessionApi(userWithRole('official'), {
      'GET /api/impact/household-payouts': () => jsonResponse(200, { items: [payout()] }),
    });
    ({ wrapper } = await mountApp({ path: '/gov/payouts' }));
    await settle();

    expect(wrapper!.findAll('[data-testid="payout-row"]')).toHaveLength(1);
    expect(wrapper!.find('[data-testid="payout-acknowledge"]').exists()).toBe(false);
  });
});
