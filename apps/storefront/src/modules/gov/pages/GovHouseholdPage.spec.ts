import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { householdStatement, ZHANGJIAWAN } from '../testing/trail-fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const cells = (element: { findAll: (selector: string) => { text: () => string }[] }) =>
  element.findAll('th, td').map((cell) => cell.text());

describe('GovHouseholdPage', () => {
  it('shows the household, its allocations by month and mechanism, its payouts and its balance', async () => {
    fakeSessionApi(userWithRole('official', { townships: [ZHANGJIAWAN] }), {
      'GET /api/impact/households/household-1/statement': () => jsonResponse(200, householdStatement()),
    });
    ({ wrapper } = await mountApp({ path: '/gov/households/household-1' }));
    await settle();
    const app = wrapper!;

    expect(app.get('h1').text()).toBe('农户资金明细');
    expect(app.get('[data-testid="household-audited"]').text()).toBe('查看本页会记入审计日志。');
    const facts = app.get('[data-testid="household-facts"]').text();
    for (const fact of ['NY-000108', '张家湾镇 张家湾村', '监测对象', '4', '未脱贫（监测）']) expect(facts).toContain(fact);
    expect(app.findAll('[data-testid="household-allocation"]').map(cells)).toEqual([
      ['2026-10', '张家湾蛋鸡合作社', '入股分红', '¥100.00'],
      ['2026-11', '张家湾蛋鸡合作社', '订单收购、务工就业', '¥23.45'],
    ]);
    expect(cells(app.get('[data-testid="household-payout"]'))).toEqual([
      '2026-11',
      '张家湾蛋鸡合作社',
      '¥123.45',
      '银行转账 NX-1',
      '2026-12-05',
      '已核实（2026-12-08） （本人签收）',
    ]);
    expect(app.get('[data-testid="household-allocatedFen"]').text()).toBe('¥123.45');
    expect(app.get('[data-testid="household-outstandingFen"]').text()).toBe('¥0.00');
  });

  it('says why when the household is not in the official’s townships', async () => {
    fakeSessionApi(userWithRole('official', { townships: [ZHANGJIAWAN] }), {
      'GET /api/impact/households/household-9/statement': () => errorResponse(404, 'HOUSEHOLD_NOT_FOUND'),
    });
    ({ wrapper } = await mountApp({ path: '/gov/households/household-9' }));
    await settle();

    expect(wrapper!.get('[data-testid="household-error"]').text()).toBe('找不到这户农户，或不在您负责的乡镇。');
  });
});
