import type { VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Router } from 'vue-router';
import { fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { progress } from '../../org/testing/reserved-share-fixtures';
import { leagueTable } from '../testing/league-fixtures';

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

async function openLeague(path = '/gov/institutions') {
  const server = fakeSessionApi(userWithRole('official'), {
    'GET /api/impact/institutions': () => jsonResponse(200, leagueTable()),
    'GET /api/impact/institutions/export.csv': () =>
      new Response('\uFEFF单位 organisation\r\n合计\r\n', { headers: { 'content-type': 'text/csv; charset=utf-8' } }),
    'GET /api/impact/organisations/org-canteen/progress': () =>
      jsonResponse(200, progress({ organisationId: 'org-canteen', name: '广州市天河区机关事务管理中心饭堂' })),
  });
  let router: Router;
  ({ wrapper, router } = await mountApp({ path }));
  await settle();
  return { app: wrapper!, server, router };
}

const lastQuery = (server: Awaited<ReturnType<typeof openLeague>>['server'], path: string) =>
  Object.fromEntries(new URL(server.callsTo('GET', path).at(-1)!.url).searchParams);
const cells = (row: { findAll: (selector: string) => { text: () => string }[] }) => row.findAll('th, td').map((cell) => cell.text());

describe('the officials’ league table of reserved shares', () => {
  it('lists the budget units lagging first, with their plan, purchases and percentage, and the total', async () => {
    const { app, server } = await openLeague();

    expect(app.get('h1').text()).toBe('预算单位预留份额完成情况');
    expect(app.get('[data-testid="gov-nav-institutions"]').attributes('aria-current')).toBe('page');
    // This year, as the API's clock has it.
    expect(lastQuery(server, '/api/impact/institutions')).toEqual({});
    expect((app.get('[data-testid="league-year"]').element as HTMLSelectElement).value).toBe('2026');

    const rows = app.findAll('[data-testid="league-row"]');
    expect(rows.map((row) => row.attributes('data-organisation-id'))).toEqual(['org-canteen', 'org-school', 'org-union']);
    expect(cells(rows[0]!)).toEqual([
      '广州市天河区机关事务管理中心饭堂',
      '党政机关',
      '天河区',
      '¥3,600,000.00',
      '10.00%',
      '¥360,000.00',
      '¥45,678.00',
      '¥30,000.00',
      '12.68%',
      '12月10日',
    ]);
    expect(rows[0]!.get('[data-testid="league-progress"]').text()).toBe('12.68%');
    expect(rows[1]!.get('[data-testid="league-no-plan"]').text()).toBe('未填报计划');
    expect(rows[1]!.get('[data-testid="league-progress"]').text()).toBe('—');
    expect(rows[2]!.get('[data-testid="league-not-budget-unit"]').text()).toBe('非预算单位，不设预留比例');

    expect(cells(app.get('[data-testid="league-total"]'))).toEqual([
      '合计（3 个单位）',
      '',
      '',
      '¥3,600,000.00',
      '',
      '¥360,000.00',
      '¥46,878.00',
      '¥30,000.00',
      // Only the canteen has a target: the school's purchases are in the total, not in its progress.
      '12.68%',
      '',
    ]);
    expect(app.findAll('[data-testid="league-by-district"] tbody th').map((th) => th.text())).toEqual(['天河区']);
    expect(app.findAll('[data-testid="league-by-type"] tbody th').map((th) => th.text())).toEqual(['党政机关', '学校', '工会']);
    expect(app.get('[data-testid="league-marketplace"]').text()).toBe(
      '2026 年平台销售额 ¥987,654.00：机关、学校等单位采购 ¥46,878.00，占 4.74%；个人与家庭采购 ¥940,776.00。',
    );
  });

  it('keeps the year, district and type in the address and asks the API for them', async () => {
    const { app, server, router } = await openLeague();

    await app.get('[data-testid="league-district"]').setValue('440106');
    await settle();
    await app.get('[data-testid="league-type"]').setValue('SCHOOL');
    await settle();
    await app.get('[data-testid="league-year"]').setValue('2025');
    await settle();

    expect(router.currentRoute.value.query).toEqual({ year: '2025', districtCode: '440106', type: 'SCHOOL' });
    expect(lastQuery(server, '/api/impact/institutions')).toEqual({ year: '2025', districtCode: '440106', type: 'SCHOOL' });
    expect(app.get('[data-testid="league-print-header"]').text()).toContain('筛选：天河区、学校');

    await app.get('[data-testid="league-reset"]').trigger('click');
    await settle();
    expect(router.currentRoute.value.query).toEqual({});
  });

  it('reads the filters from the address, leaving out what is not one', async () => {
    const { server } = await openLeague('/gov/institutions?year=2025&districtCode=999999&type=SCHOOL');
    expect(lastQuery(server, '/api/impact/institutions')).toEqual({ year: '2025', type: 'SCHOOL' });
  });

  it('downloads the CSV of the year on screen with the same filters', async () => {
    const { app, server } = await openLeague('/gov/institutions?districtCode=440106');
    let savedAs = '';
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      savedAs = this.download;
    };
    globalThis.URL.createObjectURL ??= () => 'blob:x';
    globalThis.URL.revokeObjectURL ??= () => undefined;
    try {
      await app.get('[data-testid="league-download"]').trigger('click');
      await settle();
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(lastQuery(server, '/api/impact/institutions/export.csv')).toEqual({ year: '2026', districtCode: '440106' });
    expect(savedAs).toBe('qianhuo-reserved-share-2026-440106.csv');
  });

  it('opens an organisation’s progress in a panel, and closes it', async () => {
    const { app, server, router } = await openLeague();

    await app.get('[data-testid="league-row"][data-organisation-id="org-canteen"] [data-testid="league-open"]').trigger('click');
    await settle();

    expect(router.currentRoute.value.query).toEqual({ organisation: 'org-canteen' });
    expect(lastQuery(server, '/api/impact/organisations/org-canteen/progress')).toEqual({ year: '2026' });
    const panel = app.get('[data-testid="league-panel"]');
    expect(panel.get('h2').text()).toBe('广州市天河区机关事务管理中心饭堂');
    expect(panel.get('[data-testid="progress-percent"]').text()).toBe('12.68%');
    expect(panel.get('[data-testid="progress-pending"]').text()).toBe('2 张订单，货款 ¥13,160.00');
    expect(document.activeElement).toBe(panel.element);

    await panel.get('[data-testid="league-panel-close"]').trigger('click');
    await settle();
    expect(app.find('[data-testid="league-panel"]').exists()).toBe(false);
  });
});
