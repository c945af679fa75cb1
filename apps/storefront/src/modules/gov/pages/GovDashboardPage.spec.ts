import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { buyerBreakdown } from '../testing/league-fixtures';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const figures = (scale = 1) => ({
  gmvFen: 12_345_600 * scale,
  linkedSalesFen: 9_876_500 * scale,
  poolFen: 987_650 * scale,
  households: 40 * scale,
  people: 150 * scale,
  orders: 321 * scale,
  buyers: 123 * scale,
  unallocatedFen: 0 as number | null,
});
const group = (key: string, nameZh: string, scale = 1) => ({ key, nameZh, nameEn: key, ...figures(scale) });

async function openDashboard(path = '/gov', mismatchedDays: string[] | null = [], summary = figures()) {
  const server = fakeSessionApi(userWithRole('official'), {
    'GET /api/impact/summary': () => jsonResponse(200, summary),
    'GET /api/impact/series': (request) =>
      jsonResponse(
        200,
        new URL(request.url).searchParams.get('by') === 'year'
          ? { by: 'year', items: [group('2025', '2025'), group('2026', '2026')] }
          : { by: 'month', items: [group('2026-04', '2026-04')] },
      ),
    'GET /api/impact/breakdown': (request) => {
      const by = new URL(request.url).searchParams.get('by');
      const items = {
        category: [{ ...group('CHERRY', '玛瑙红樱桃'), unallocatedFen: null }],
        township: [group('520525202', '厍东关彝族白族苗族乡')],
        cooperative: [group('c-1', '厍东关樱桃合作社')],
      }[by!];
      return jsonResponse(200, { by, items });
    },
    'GET /api/impact/buyers': (request) => {
      const year = new URL(request.url).searchParams.get('year');
      return jsonResponse(200, buyerBreakdown({ year: year ? Number(year) : 2026 }));
    },
    'GET /api/impact/export.csv': () => new Response('\uFEFF分组 group\r\n', { headers: { 'content-type': 'text/csv; charset=utf-8' } }),
    'GET /api/impact/verification': () =>
      jsonResponse(200, {
        latest: mismatchedDays && {
          checkedAt: '2026-11-29T16:25:03Z',
          from: '2016-09-01',
          to: '2026-11-29',
          checkedDays: 120,
          mismatchedDays,
        },
      }),
  });
  ({ wrapper } = await mountApp({ path }));
  await settle();
  return { app: wrapper!, server };
}

describe('the officials’ dashboard', () => {
  it('shows the headline figures, the yearly table and each breakdown', async () => {
    const { app } = await openDashboard();

    expect(app.get('[data-testid="gov-figure-linkedSalesFen"] dd').text()).toBe('¥98,765.00');
    expect(app.get('[data-testid="gov-figure-households"] dd').text()).toBe('40');
    expect(app.findAll('[data-testid="gov-years"] tbody th').map((th) => th.text())).toEqual(['2025', '2026']);
    expect(app.findAll('[data-testid="gov-yearly-chart"] rect title').map((bar) => bar.text())).toEqual([
      '2025 消费帮扶产品销售额 ¥98,765.00',
      '2026 消费帮扶产品销售额 ¥98,765.00',
      '2025 平台销售总额 ¥123,456.00',
      '2026 平台销售总额 ¥123,456.00',
    ]);
    expect(app.get('[data-testid="gov-monthly-chart"] svg[role="img"] desc').text()).toBe('2026-04 ¥98,765.00');
    expect(app.get('[data-testid="gov-by-category"] tbody th').text()).toBe('玛瑙红樱桃');
    expect(app.get('[data-testid="gov-by-cooperative"] tbody th').text()).toBe('厍东关樱桃合作社');
    expect(app.get('[data-testid="gov-verification"]').text()).toBe(
      '账本于 2026年11月30日 00:25 校验通过：已核对 120 天的数字指纹，没有发现改动。',
    );
  });

  it('says plainly where pledged money with no household to take it stands', async () => {
    const { app } = await openDashboard('/gov', [], { ...figures(), unallocatedFen: 431_824 });

    expect(app.get('[data-testid="gov-figure-unallocatedFen"] dd').text()).toBe('¥4,318.24');
    expect(app.get('[data-testid="gov-unallocated"]').text()).toMatch(
      /^联农带农金额中有 ¥4,318.24 是在合作社当天没有联结农户时承诺的：结算时无户可分，没有分给任何农户/,
    );
    // A settlement is one cooperative's day: by category it does not split, and the table says so with a dash.
    const category = app.get('[data-testid="gov-by-category"] tbody tr');
    expect(category.findAll('td').map((td) => td.text())[2]).toBe('—');
  });

  it('gives the year-on-year change, says 无数据 where nothing sold, and names the CSV after its period', async () => {
    const { app, server } = await openDashboard('/gov?from=2026-01&to=2026-06&category=CHERRY');
    expect(app.findAll('[data-testid="gov-years"] [data-testid="figures-change"]').map((td) => td.text())).toEqual(['—', '0%']);
    expect(app.get('[data-testid="gov-print-header"]').text()).toContain('统计期间：2026-01-01 至 2026-06-30');
    expect(app.get('[data-testid="gov-print-header"]').text()).toContain('筛选：玛瑙红樱桃');

    let savedAs = '';
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      savedAs = this.download;
    };
    globalThis.URL.createObjectURL ??= () => 'blob:x';
    globalThis.URL.revokeObjectURL ??= () => undefined;
    try {
      server.requests.length = 0;
      await app.get('[data-testid="gov-download-year"]').trigger('click');
      await settle();
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(savedAs).toBe('qianhuo-impact-year-2026-01-01_2026-06-30-CHERRY.csv');

    wrapper!.unmount();
    const empty = { ...figures(), gmvFen: 0, linkedSalesFen: 0, poolFen: 0, households: 0, people: 0, orders: 0, buyers: 0 };
    const { app: nothing } = await openDashboard('/gov', [], empty);
    expect(nothing.get('[data-testid="gov-no-data"]').text()).toBe('无数据：这个时间和筛选条件下没有销售。');
  });

  it('filters to one township: the choice goes into the address and every question', async () => {
    const { app, server } = await openDashboard();
    await app.get('[data-testid="gov-township"]').setValue('520525202');
    await app.get('[data-testid="gov-filters"]').trigger('submit');
    await settle();

    const summaries = server.callsTo('GET', '/api/impact/summary');
    expect(new URL(summaries[summaries.length - 1]!.url).searchParams.get('townshipCode')).toBe('520525202');
    const breakdowns = server.callsTo('GET', '/api/impact/breakdown');
    expect(breakdowns.slice(-3).every((r) => new URL(r.url).searchParams.get('townshipCode') === '520525202')).toBe(true);
  });

  it('picks a whole year: its first and last day go into every question, and other dates show as custom', async () => {
    const { app, server } = await openDashboard();
    await app.get('[data-testid="gov-year"]').setValue('2025');
    expect((app.get('[data-testid="gov-from"]').element as HTMLInputElement).value).toBe('2025-01');
    expect((app.get('[data-testid="gov-to"]').element as HTMLInputElement).value).toBe('2025-12');
    await app.get('[data-testid="gov-filters"]').trigger('submit');
    await settle();
    const series = server.callsTo('GET', '/api/impact/series');
    expect(Object.fromEntries(new URL(series[series.length - 1]!.url).searchParams)).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
    });

    // Months, counted whole: March to February is March 1st to the last day of February.
    await app.get('[data-testid="gov-from"]').setValue('2025-03');
    await app.get('[data-testid="gov-to"]').setValue('2026-02');
    expect((app.get('[data-testid="gov-year"]').element as HTMLSelectElement).value).toBe('custom');
    await app.get('[data-testid="gov-filters"]').trigger('submit');
    await settle();
    const summaries = server.callsTo('GET', '/api/impact/summary');
    expect(Object.fromEntries(new URL(summaries[summaries.length - 1]!.url).searchParams)).toEqual({
      from: '2025-03-01',
      to: '2026-02-28',
    });
    await app.get('[data-testid="gov-year"]').setValue('');
    expect((app.get('[data-testid="gov-from"]').element as HTMLInputElement).value).toBe('');
  });

  it('says so when the ledger has not been checked yet', async () => {
    const { app } = await openDashboard('/gov', null);
    expect(app.get('[data-testid="gov-verification"]').text()).toBe('账本尚未校验：每天封存后，系统每小时核对一次全部数字指纹。');
  });

  it('reads filters from the address in whole months, and warns when the ledger no longer matches its digests', async () => {
    const { app, server } = await openDashboard('/gov?category=CHERRY&from=2026-01-15&to=2026-02-10', ['2026-03-01']);
    const [summary] = server.callsTo('GET', '/api/impact/summary');
    expect(Object.fromEntries(new URL(summary!.url).searchParams)).toEqual({ category: 'CHERRY', from: '2026-01-01', to: '2026-02-28' });
    expect((app.get('[data-testid="gov-category"]').element as HTMLSelectElement).value).toBe('CHERRY');
    expect(app.get('[data-testid="gov-verification"]').text()).toContain('1 天与记录不符：2026-03-01');
  });

  it('shows who bought the year chosen: institutions against households, and the districts delivered to', async () => {
    const { app, server } = await openDashboard('/gov?from=2026-01&to=2026-12');

    expect(Object.fromEntries(new URL(server.callsTo('GET', '/api/impact/buyers').at(-1)!.url).searchParams)).toEqual({ year: '2026' });
    expect(app.get('#gov-buyers-title').text()).toBe('谁在买：单位与个人（2026 年）');
    const institutions = app.get('[data-testid="gov-buyers-INSTITUTION"]');
    expect(institutions.get('[data-testid="gov-buyers-gmv"]').text()).toBe('¥46,878.00');
    expect(institutions.get('[data-testid="gov-buyers-share"]').text()).toBe('占平台销售额 4.74%');
    expect(app.get('[data-testid="gov-buyers-HOUSEHOLD"] [data-testid="gov-buyers-share"]').text()).toBe('占平台销售额 95.25%');
    const districts = app.findAll('[data-testid="gov-buyers-districts"] tbody tr');
    expect(districts.map((row) => row.findAll('th, td').map((cell) => cell.text()))).toEqual([
      ['天河区', '¥600,000.00', '¥46,878.00', '¥553,122.00', '¥400,000.00'],
      ['越秀区', '¥387,654.00', '¥0.00', '¥387,654.00', '¥200,000.00'],
    ]);
    // The year exactly, nothing narrowed: no need to say the figures are the whole year's.
    expect(app.find('[data-testid="gov-buyers-note"]').exists()).toBe(false);
  });

  it('shows this year’s buyers for all time or a range, and says these are the whole year’s figures', async () => {
    const { app, server } = await openDashboard('/gov?from=2026-01&to=2026-06&category=CHERRY');

    expect(Object.fromEntries(new URL(server.callsTo('GET', '/api/impact/buyers').at(-1)!.url).searchParams)).toEqual({});
    expect(app.get('[data-testid="gov-buyers-note"]').text()).toBe(
      '按买家统计的数字按整年记录，包括全部商品：这里是 2026 年全年的数字，不随上面的统计期间和筛选变化。',
    );
    expect(app.get('[data-testid="gov-nav-institutions"]').attributes('href')).toBe('/gov/institutions');
  });
});
