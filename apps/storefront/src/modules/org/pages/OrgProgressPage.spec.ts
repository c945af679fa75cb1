import type { OrganisationRole } from '@qh/domain';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Router } from 'vue-router';
import { productItems } from '../../../testing/catalog';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle } from '../../../testing/app';
import type { PlanInput, Progress } from '../org-api';
import { buyerIn, myOrganisation } from '../testing/fixtures';
import { plan, planList, progress } from '../testing/reserved-share-fixtures';

let wrapper: VueWrapper | undefined;

beforeEach(() => {
  // 10 December 2026, 10:00 in China: the page's "this year" and the months the chart has come to.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-10T02:00:00.000Z'));
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.useRealTimers();
});

type Handler = (request: Request) => Response | Promise<Response>;

/** Next year: no plan yet, nothing bought. */
const nextYear = (): Progress =>
  progress({
    year: 2027,
    plan: null,
    achievedFen: 0,
    linkedSalesFen: 0,
    progressBp: null,
    remainingFen: null,
    lastOrderDay: null,
    months: progress().months.map((month) => ({ ...month, gmvFen: 0, linkedSalesFen: 0, achievedFen: 0, pathFen: null })),
  });

async function openProgress(roles: OrganisationRole[], routes: Record<string, Handler> = {}, path = '/org/progress') {
  const organisation = myOrganisation({ status: 'VERIFIED', roles });
  const api = fakeSessionApi(buyerIn(organisation), {
    'GET /api/org': () => jsonResponse(200, organisation),
    'GET /api/org/progress': (request) =>
      jsonResponse(200, new URL(request.url).searchParams.get('year') === '2027' ? nextYear() : progress()),
    'GET /api/org/plans': () => jsonResponse(200, planList()),
    'GET /api/products': () => jsonResponse(200, { items: productItems(3), nextCursor: null }),
    ...routes,
  });
  let router: Router;
  ({ wrapper, router } = await mountApp({ path }));
  await settle();
  return { app: wrapper!, api, router };
}

const text = (app: VueWrapper, testid: string) => app.get(`[data-testid="${testid}"]`).text();

describe('OrgProgressPage', () => {
  it('shows a member the year’s plan, what was bought against the target, and what is ordered but not paid', async () => {
    const { app } = await openProgress(['PURCHASER']);

    expect(app.get('h1').text()).toBe('预留份额');
    expect(app.get('[data-testid="org-nav-progress"]').attributes('aria-current')).toBe('page');
    expect(text(app, 'progress-budget')).toBe('¥3,600,000.00');
    expect(text(app, 'progress-share')).toBe('10.00%');
    expect(text(app, 'progress-target')).toBe('¥360,000.00');
    expect(text(app, 'progress-achieved')).toBe('¥45,678.00');
    expect(text(app, 'progress-linked')).toBe('¥30,000.00');
    expect(text(app, 'progress-percent')).toBe('12.68%');
    expect(text(app, 'progress-remaining')).toBe('¥314,322.00');
    expect(text(app, 'progress-pending')).toBe('2 张订单，货款 ¥13,160.00');
    expect(text(app, 'progress-last-order')).toBe('2026年11月30日');
    // Only managers enter the plan; the others are told who does.
    expect(app.find('[data-testid="plan-form"]').exists()).toBe(false);
    expect(text(app, 'org-plan-read-only')).toBe('计划由单位管理员填写；需要修改时，请联系单位管理员。');
    expect(text(app, 'org-plan-updated')).toContain('canteen@demo.cn');
  });

  it('links to products in season in the shop', async () => {
    const { app, api } = await openProgress(['PURCHASER']);

    const [products] = api.callsTo('GET', '/api/products');
    expect(new URL(products!.url).searchParams.get('inSeason')).toBe('true');
    const items = app.findAll('[data-testid="org-in-season-item"]');
    expect(items.map((item) => item.get('a').text())).toEqual(['商品 1', '商品 2', '商品 3']);
    expect(items[0]!.get('a').attributes('href')).toBe('/products/product-1');
    expect(app.get('[data-testid="org-in-season-all"]').attributes('href')).toBe('/search?inSeason=true');
  });

  it('draws what was bought up to this month against the straight line to the target', async () => {
    vi.setSystemTime(new Date('2026-10-15T02:00:00.000Z'));
    const { app } = await openProgress(['PURCHASER']);

    const chart = app.get('[data-testid="progress-chart"]');
    expect(chart.findAll('li').map((item) => item.text())).toEqual(['累计已采购', '均匀完成目标的进度']);
    const [bought, path] = chart.findAll('polyline').map((line) => line.attributes('points')!.split(' ').length);
    // January to October bought; the line to the target runs the whole year.
    expect([bought, path]).toEqual([10, 12]);
    expect(chart.get('desc').text()).toContain('10月 累计已采购 ¥40,678.00');
    expect(chart.get('desc').text()).not.toContain('11月 累计已采购');
    expect(chart.get('desc').text()).toContain('12月 均匀完成目标的进度 ¥360,000.00');
    const november = app.findAll('[data-testid="progress-months"] tbody tr')[10]!;
    expect(november.findAll('td').map((cell) => cell.text())).toEqual(['—', '—', '—', '¥329,424.65']);
  });

  it('says so when the year has no plan, or no canteen', async () => {
    const { app } = await openProgress(['PURCHASER'], {
      'GET /api/org/progress': () => jsonResponse(200, progress({ plan: null, progressBp: null, remainingFen: null })),
    });
    expect(text(app, 'progress-no-plan')).toBe('还没有填写 2026 年的预留份额计划，无法计算完成率。');
    expect(text(app, 'progress-percent')).toBe('—');
    wrapper!.unmount();

    const { app: noCanteen } = await openProgress(['PURCHASER'], {
      'GET /api/org/progress': () =>
        jsonResponse(
          200,
          progress({ plan: { noCanteen: true, budgetFen: null, shareBp: null, targetFen: null }, progressBp: null, remainingFen: null }),
        ),
    });
    expect(text(noCanteen, 'progress-no-canteen')).toBe('本单位 2026 年没有食堂：不设预留目标。');
    expect(noCanteen.find('[data-testid="progress-budget"]').exists()).toBe(false);
  });

  it('lets a manager enter next year’s plan in yuan and percent, starting from the district’s share', async () => {
    let sent: PlanInput | undefined;
    const { app, api, router } = await openProgress(['MANAGER'], {
      'PUT /api/org/plans/2027': async (request) => {
        sent = (await request.json()) as PlanInput;
        return jsonResponse(200, plan({ year: 2027, budgetFen: sent.budgetFen, shareBp: sent.shareBp, targetFen: 45_600_000 }));
      },
    });
    // The plan of this year as it stands.
    expect((app.get('[data-testid="plan-budget"]').element as HTMLInputElement).value).toBe('3600000.00');
    expect((app.get('[data-testid="plan-share"]').element as HTMLInputElement).value).toBe('10');

    await app.get('[data-testid="org-progress-year"]').setValue('2027');
    await settle();
    expect(router.currentRoute.value.query.year).toBe('2027');
    expect(new URL(api.callsTo('GET', '/api/org/progress').at(-1)!.url).searchParams.get('year')).toBe('2027');
    expect(app.get('#org-progress-plan').text()).toBe('2027 年预留份额计划');
    expect((app.get('[data-testid="plan-budget"]').element as HTMLInputElement).value).toBe('');
    expect((app.get('[data-testid="plan-share"]').element as HTMLInputElement).value).toBe('12');
    expect(app.get('#plan-share-hint').text()).toBe('本区规定的预留比例是 12.00%；可以填写更高的比例，最多两位小数。');

    await app.get('[data-testid="plan-budget"]').setValue('¥3,800,000');
    expect(text(app, 'plan-target-preview')).toBe('预留目标金额：¥456,000.00');
    await app.get('[data-testid="plan-form"]').trigger('submit');
    await settle();

    expect(sent).toEqual({ budgetFen: 380_000_000, shareBp: 1_200 });
    expect(text(app, 'plan-saved')).toBe('2027 年预留份额计划已保存。');
  });

  it('tells a manager what is wrong before anything is sent', async () => {
    const { app, api } = await openProgress(['MANAGER']);
    await app.get('[data-testid="plan-budget"]').setValue('');
    await app.get('[data-testid="plan-share"]').setValue('12.345');
    await app.get('[data-testid="plan-form"]').trigger('submit');
    await settle();

    expect(text(app, 'plan-budget-error')).toBe('请填写食堂食材采购预算，或勾选“本单位没有食堂”。');
    expect(text(app, 'plan-share-error')).toBe('请填写 0.01 到 100 之间的百分比，最多两位小数，例如 10 或 12.5。');
    expect(document.activeElement).toBe(app.get('[data-testid="plan-budget"]').element);

    await app.get('[data-testid="plan-budget"]').setValue('三百万');
    expect(text(app, 'plan-budget-error')).toBe('请填写以元为单位的金额，最多两位小数，例如 3600000 或 3600000.50。');
    expect(api.callsTo('PUT', '/api/org/plans/2026')).toHaveLength(0);
  });

  it('sends only “no canteen” when the manager ticks it', async () => {
    let sent: PlanInput | undefined;
    const { app } = await openProgress(['MANAGER'], {
      'PUT /api/org/plans/2026': async (request) => {
        sent = (await request.json()) as PlanInput;
        return jsonResponse(200, plan({ noCanteen: true, budgetFen: null, shareBp: null, targetFen: null }));
      },
    });
    await app.get('[data-testid="plan-no-canteen"]').setValue(true);
    expect(app.find('[data-testid="plan-budget"]').exists()).toBe(false);
    await app.get('[data-testid="plan-form"]').trigger('submit');
    await settle();

    expect(sent).toEqual({ noCanteen: true });
  });

  it('shows the API’s refusal in words', async () => {
    const { app } = await openProgress(['MANAGER'], {
      'PUT /api/org/plans/2026': () => errorResponse(403, 'ORGANISATION_ROLE_REQUIRED'),
    });
    await app.get('[data-testid="plan-form"]').trigger('submit');
    await settle();

    expect(text(app, 'plan-error')).toBe('你在单位中的角色不能做这项操作，请联系单位管理员。');
    expect(app.find('[data-testid="plan-saved"]').exists()).toBe(false);
  });
});
