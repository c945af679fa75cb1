import type { VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { householdPayout, SHEDONGGUAN, ZHANGJIAWAN } from '../testing/trail-fixtures';

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

const PAYOUTS = '/api/impact/household-payouts';
const ACKNOWLEDGED = { visitedOn: '2026-12-08', note: '入户核实', acknowledgedAt: '2026-12-10T02:00:00Z' };

describe('GovPayoutsPage', () => {
  it('lists the payouts with the household, cooperative, method and whether anyone visited', async () => {
    fakeSessionApi(userWithRole('official', { townships: [ZHANGJIAWAN] }), {
      [`GET ${PAYOUTS}`]: () =>
        jsonResponse(200, {
          items: [
            householdPayout(),
            householdPayout({ id: 'payout-2', overdue: true }),
            householdPayout({ id: 'payout-3', method: 'CASH', reference: 'SJ-7', hasReceipt: true, acknowledgement: ACKNOWLEDGED }),
          ],
        }),
    });
    ({ wrapper } = await mountApp({ path: '/gov/payouts' }));
    await settle();
    const app = wrapper!;

    expect(app.get('h1').text()).toBe('到户发放核实');
    expect(app.get('[data-testid="payouts-table"] caption').text()).toBe('到户发放记录');
    const rows = app.findAll('[data-testid="payout-row"]');
    expect(rows.map((row) => row.get('[data-testid="payout-state"]').text())).toEqual(['待核实', '超期未核实', '已核实（2026-12-08）']);
    const first = rows[0]!;
    expect(first.get('th').text()).toContain('NY-000108');
    expect(first.get('th').text()).toContain('王**');
    expect(first.get('th').text()).toContain('张家湾镇 张家湾村');
    expect(first.text()).toContain('张家湾蛋鸡合作社');
    expect(first.text()).toContain('2026-11');
    expect(first.get('[data-testid="payout-amount"]').text()).toBe('¥123.45');
    expect(first.text()).toContain('银行转账 NX-1');
    expect(first.text()).toContain('2026-12-05');
    expect(first.find('[data-testid="payout-receipt"]').exists()).toBe(false);
    expect(rows[2]!.get('[data-testid="payout-receipt"]').text()).toBe('收据');
    // The township official reads each household's statement.
    expect(first.get('th a').attributes('href')).toBe('/gov/households/household-1');
    // Only what is still to visit can be acknowledged.
    expect(rows.map((row) => row.find('[data-testid="payout-acknowledge"]').exists())).toEqual([true, true, false]);
  });

  it('lets a township official acknowledge a payout after visiting, with the day and a note', async () => {
    const server = fakeSessionApi(userWithRole('official', { townships: [ZHANGJIAWAN] }), {
      [`GET ${PAYOUTS}`]: () => jsonResponse(200, { items: [householdPayout(), householdPayout({ id: 'payout-2', overdue: true })] }),
      [`POST ${PAYOUTS}/payout-1/acknowledge`]: () => jsonResponse(201, householdPayout({ acknowledgement: ACKNOWLEDGED })),
    });
    ({ wrapper } = await mountApp({ path: '/gov/payouts' }));
    await settle();
    const app = wrapper!;

    const rows = app.findAll('[data-testid="payout-row"]');
    await rows[0]!.get('[data-testid="payout-acknowledge"]').trigger('click');
    const visitedOn = app.get<HTMLInputElement>('[data-testid="acknowledge-visited-on"]');
    // The visit is today unless the official says otherwise, never before the payout.
    expect(visitedOn.element.value).toBe('2026-12-10');
    expect(visitedOn.attributes('min')).toBe('2026-12-05');
    expect(app.get('[data-testid="acknowledge-form"] label').text()).toContain('走访日期');
    await visitedOn.setValue('2026-12-08');
    await app.get('[data-testid="acknowledge-note"]').setValue('入户核实');
    await app.get('[data-testid="acknowledge-form"]').trigger('submit');
    await settle();

    expect(await server.callsTo('POST', `${PAYOUTS}/payout-1/acknowledge`)[0]!.json()).toEqual({
      visitedOn: '2026-12-08',
      note: '入户核实',
    });
    expect(app.findAll('[data-testid="payout-row"]')[0]!.get('[data-testid="payout-state"]').text()).toBe('已核实（2026-12-08）');
    expect(app.findAll('[data-testid="payout-row"]')[0]!.find('[data-testid="payout-acknowledge"]').exists()).toBe(false);
    expect(app.find('[data-testid="acknowledge-form"]').exists()).toBe(false);
  });

  it('says so when someone acknowledged the payout first, and keeps the form open', async () => {
    fakeSessionApi(userWithRole('official', { townships: [ZHANGJIAWAN] }), {
      [`GET ${PAYOUTS}`]: () => jsonResponse(200, { items: [householdPayout()] }),
      [`POST ${PAYOUTS}/payout-1/acknowledge`]: () => errorResponse(409, 'PAYOUT_ALREADY_ACKNOWLEDGED'),
    });
    ({ wrapper } = await mountApp({ path: '/gov/payouts' }));
    await settle();

    await wrapper!.get('[data-testid="payout-acknowledge"]').trigger('click');
    await wrapper!.get('[data-testid="acknowledge-form"]').trigger('submit');
    await settle();

    expect(wrapper!.get('[data-testid="acknowledge-form"] [role="alert"]').text()).toBe('这笔发放已有人核实过了。');
  });

  it('shows a county official the payouts without the form or the statements: those who visit acknowledge them', async () => {
    fakeSessionApi(userWithRole('official'), {
      [`GET ${PAYOUTS}`]: () => jsonResponse(200, { items: [householdPayout()] }),
    });
    ({ wrapper } = await mountApp({ path: '/gov/payouts' }));
    await settle();

    expect(wrapper!.findAll('[data-testid="payout-row"]')).toHaveLength(1);
    expect(wrapper!.find('[data-testid="payout-acknowledge"]').exists()).toBe(false);
    expect(wrapper!.find('[data-testid="payout-row"] th a').exists()).toBe(false);
  });

  it('lets an admin read the statements, without acknowledging', async () => {
    fakeSessionApi(userWithRole('admin'), {
      [`GET ${PAYOUTS}`]: () => jsonResponse(200, { items: [householdPayout()] }),
    });
    ({ wrapper } = await mountApp({ path: '/gov/payouts' }));
    await settle();

    expect(wrapper!.get('[data-testid="payout-row"] th a').attributes('href')).toBe('/gov/households/household-1');
    expect(wrapper!.find('[data-testid="payout-acknowledge"]').exists()).toBe(false);
  });

  it('filters by status, overdue and township, in the address and the question', async () => {
    const server = fakeSessionApi(userWithRole('official'), {
      [`GET ${PAYOUTS}`]: () => jsonResponse(200, { items: [] }),
    });
    const mounted = await mountApp({ path: '/gov/payouts' });
    wrapper = mounted.wrapper;
    await settle();

    expect(wrapper.text()).toContain('没有符合条件的发放记录。');
    await wrapper.get('[data-testid="payouts-status"]').setValue('ALL');
    await settle();
    await wrapper.get('[data-testid="payouts-overdue"]').setValue(true);
    await settle();
    await wrapper.get('[data-testid="payouts-township"]').setValue(SHEDONGGUAN);
    await settle();

    expect(mounted.router.currentRoute.value.query).toEqual({ status: 'ALL', overdue: 'true', townshipCode: SHEDONGGUAN });
    expect(Object.fromEntries(new URL(server.callsTo('GET', PAYOUTS).at(-1)!.url).searchParams)).toEqual({
      status: 'ALL',
      overdue: 'true',
      townshipCode: SHEDONGGUAN,
    });
  });
});
