import { chinaDay } from '@qh/domain';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { coopPayout, coopStatement, monthStatement } from '../testing/trail-fixtures';
import type { CoopPayout, CoopPayoutList } from '../trail';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

type Handler = (request: Request) => Response | Promise<Response>;

const STATEMENTS = '/api/coop/statements';
const TRANSFERS = '/api/coop/payouts';

/** September settled in full, October half-way; the totals as the API adds them up. */
const YEAR = (year: number) => ({
  year,
  months: [monthStatement('2026-09', { settledFen: 101_970, owedFen: 0 }), monthStatement('2026-10')],
  totals: coopStatement({
    from: '2026-01-01',
    to: '2026-10-31',
    goodsFen: 200_000,
    refundedGoodsFen: 10_000,
    shippingFen: 16_000,
    platformFeeFen: 2_060,
    netPayableFen: 203_940,
    poolFen: 20_000,
  }),
});

const TOTALS = { owedFen: 203_940, paidFen: 150_000, confirmedFen: 60_000, disputedFen: 40_000, awaitingFen: 50_000, balanceFen: 53_940 };

/** One transfer of each status: awaiting an answer, disputed, confirmed, and a reversal. */
const TRANSFER_LIST = (): CoopPayout[] => [
  coopPayout(),
  coopPayout({ id: 'cp-2', bankReference: 'ICBC-2', status: 'DISPUTED', disputeReason: '少了一笔运费', amountFen: 40_000 }),
  coopPayout({ id: 'cp-3', bankReference: 'ICBC-3', status: 'CONFIRMED', amountFen: 60_000 }),
  coopPayout({ id: 'cp-4', bankReference: 'ICBC-4', status: 'REVERSED', reversesId: 'cp-9', amountFen: -10_000 }),
];

async function openStatements(
  routes: Record<string, Handler> = {},
  transfers: () => CoopPayoutList = () => ({ items: TRANSFER_LIST(), totals: TOTALS }),
) {
  const api = fakeSessionApi(userWithRole('cooperative'), {
    [`GET ${STATEMENTS}`]: (request) => jsonResponse(200, YEAR(Number(new URL(request.url).searchParams.get('year')))),
    [`GET ${TRANSFERS}`]: () => jsonResponse(200, transfers()),
    ...routes,
  });
  const mounted = await mountApp({ path: '/coop/statements' });
  wrapper = mounted.wrapper;
  await settle();
  return { app: wrapper, api, router: mounted.router };
}

const cells = (app: VueWrapper, row: string) =>
  Object.fromEntries(
    app
      .get(row)
      .findAll('td')
      .map((cell) => [cell.attributes('data-testid')!.replace('coop-statement-', ''), cell.text()]),
  );
const transfer = (app: VueWrapper, id: string) => app.get(`[data-testid="coop-transfer"][data-id="${id}"]`);

describe('a cooperative’s statements page', () => {
  it('is in the portal’s nav and shows this year’s monthly statements in yuan, with a totals row', async () => {
    const { app, api } = await openStatements();

    expect(app.get('h1').text()).toBe('对账与回款');
    expect(app.get('[data-testid="coop-nav-statements"]').attributes('aria-current')).toBe('page');
    expect(new URL(api.callsTo('GET', STATEMENTS)[0]!.url).searchParams.get('year')).toBe(chinaDay().slice(0, 4));
    expect(app.findAll('[data-testid="coop-statements"] thead th').map((th) => th.text())).toEqual([
      '月份',
      '商品',
      '商品退款',
      '运费',
      '运费退款',
      '平台服务费',
      '应付净额',
      '承诺到户帮扶金',
      '已结算',
      '尚欠',
    ]);
    expect(app.findAll('[data-testid="coop-statement-month"] th').map((th) => th.text())).toEqual(['2026年9月', '2026年10月']);
    expect(cells(app, '[data-testid="coop-statement-month"][data-month="2026-10"]')).toEqual({
      goodsFen: '¥1,000.00',
      refundedGoodsFen: '¥50.00',
      shippingFen: '¥80.00',
      refundedShippingFen: '¥0.00',
      platformFeeFen: '¥10.30',
      netPayableFen: '¥1,019.70',
      poolFen: '¥100.00',
      settledFen: '¥500.00',
      owedFen: '¥519.70',
    });
    // What is still owed stands out; a month settled in full does not.
    expect(app.get('[data-month="2026-10"] [data-testid="coop-statement-owedFen"]').classes()).toContain('trail-owing');
    expect(app.get('[data-month="2026-09"] [data-testid="coop-statement-owedFen"]').classes()).not.toContain('trail-owing');

    const totals = app.get('[data-testid="coop-statement-totals"]');
    expect(totals.get('th').text()).toBe('合计');
    expect(cells(app, '[data-testid="coop-statement-totals"]')).toMatchObject({
      goodsFen: '¥2,000.00',
      netPayableFen: '¥2,039.40',
      poolFen: '¥200.00',
      settledFen: '¥1,519.70',
      owedFen: '¥519.70',
    });
  });

  it('reads another year’s statements when one is picked', async () => {
    const { app, api, router } = await openStatements();

    await app.get('[data-testid="coop-statements-year"]').setValue('2025');
    await settle();

    expect(new URL(api.callsTo('GET', STATEMENTS).at(-1)!.url).searchParams.get('year')).toBe('2025');
    expect(router.currentRoute.value.query.year).toBe('2025');
  });

  it('makes a statement for any run of days, and refuses one that ends before it starts', async () => {
    const { app, api } = await openStatements({
      'GET /api/coop/statement': () => jsonResponse(200, coopStatement({ from: '2026-01-01', to: '2026-01-31' })),
    });
    const form = app.get('[data-testid="coop-statement-range"]');
    await app.get('[data-testid="coop-statement-from"]').setValue('2026-02-01');
    await app.get('[data-testid="coop-statement-to"]').setValue('2026-01-31');

    await form.trigger('submit');
    await settle();

    expect(app.get('[data-testid="coop-statement-to-error"]').text()).toBe('结束日期不能早于开始日期。');
    expect(api.callsTo('GET', '/api/coop/statement')).toHaveLength(0);

    await app.get('[data-testid="coop-statement-from"]').setValue('2026-01-01');
    await form.trigger('submit');
    await settle();

    const asked = new URL(api.callsTo('GET', '/api/coop/statement')[0]!.url).searchParams;
    expect([asked.get('from'), asked.get('to')]).toEqual(['2026-01-01', '2026-01-31']);
    const result = app.get('[data-testid="coop-statement-range-result"]');
    expect(result.text()).toContain('2026年1月1日 至 2026年1月31日 的对账单');
    expect(result.get('[data-testid="coop-statement-range-netPayableFen"] dd').text()).toBe('¥1,019.70');
    expect(result.get('[data-testid="coop-statement-range-platformFeeFen"] dd').text()).toBe('¥10.30');
  });

  it('lists the marketplace’s transfers with their status, what they settle, and the totals', async () => {
    const { app } = await openStatements();

    expect(app.get('[data-testid="coop-transfer-total-owedFen"] dd').text()).toBe('¥2,039.40');
    expect(app.get('[data-testid="coop-transfer-total-awaitingFen"] dt').text()).toBe('待确认');
    expect(app.get('[data-testid="coop-transfer-total-balanceFen"] dd').text()).toBe('¥539.40');
    expect(app.findAll('[data-testid="coop-transfer-status"]').map((status) => status.text())).toEqual([
      '待确认',
      '有异议',
      '已确认',
      '已冲正',
    ]);
    const awaiting = transfer(app, 'cp-1');
    expect(awaiting.get('[data-testid="coop-transfer-amount"]').text()).toBe('¥500.00');
    expect(awaiting.get('[data-testid="coop-transfer-reference"]').text()).toBe('ICBC20261105-0042');
    expect(awaiting.get('[data-testid="coop-transfer-months"]').text()).toBe('2026年10月 ¥500.00');
    expect(awaiting.find('[data-testid="coop-transfer-confirm"]').exists()).toBe(true);
    expect(awaiting.find('[data-testid="coop-transfer-dispute"]').exists()).toBe(true);
    // A disputed transfer can still be confirmed once the money turns up, not disputed again.
    const disputed = transfer(app, 'cp-2');
    expect(disputed.get('[data-testid="coop-transfer-dispute-reason"]').text()).toBe('异议：少了一笔运费');
    expect(disputed.find('[data-testid="coop-transfer-confirm"]').exists()).toBe(true);
    expect(disputed.find('[data-testid="coop-transfer-dispute"]').exists()).toBe(false);
    for (const id of ['cp-3', 'cp-4']) expect(transfer(app, id).find('button').exists()).toBe(false);
    expect(transfer(app, 'cp-4').get('[data-testid="coop-transfer-reference"]').text()).toContain('冲正记录');
  });

  it('confirms a transfer: its status changes, the buttons go, and the totals are read again', async () => {
    let confirmed = false;
    const { app, api } = await openStatements(
      {
        [`POST ${TRANSFERS}/cp-1/confirm`]: () => {
          confirmed = true;
          return jsonResponse(200, coopPayout({ status: 'CONFIRMED' }));
        },
      },
      () => ({
        items: confirmed ? [coopPayout({ status: 'CONFIRMED' })] : [coopPayout()],
        totals: confirmed ? { ...TOTALS, confirmedFen: 110_000, awaitingFen: 0 } : TOTALS,
      }),
    );

    await transfer(app, 'cp-1').get('[data-testid="coop-transfer-confirm"]').trigger('click');
    await settle();

    expect(api.callsTo('POST', `${TRANSFERS}/cp-1/confirm`)).toHaveLength(1);
    const row = transfer(app, 'cp-1');
    expect(row.get('[data-testid="coop-transfer-status"]').text()).toBe('已确认');
    expect(row.find('[data-testid="coop-transfer-confirm"]').exists()).toBe(false);
    expect(row.find('[data-testid="coop-transfer-dispute"]').exists()).toBe(false);
    expect(app.get('[data-testid="coop-transfer-done"]').text()).toBe('已确认到账。');
    expect(api.callsTo('GET', TRANSFERS)).toHaveLength(2);
    expect(app.get('[data-testid="coop-transfer-total-awaitingFen"] dd').text()).toBe('¥0.00');
  });

  it('disputes a transfer only with a reason, and shows the reason sent', async () => {
    const disputed = coopPayout({ status: 'DISPUTED', disputeReason: '到账金额少了一笔运费' });
    let answered = false;
    const { app, api } = await openStatements(
      {
        [`POST ${TRANSFERS}/cp-1/dispute`]: () => {
          answered = true;
          return jsonResponse(200, disputed);
        },
      },
      () => ({ items: [answered ? disputed : coopPayout()], totals: TOTALS }),
    );
    const dispute = () => transfer(app, 'cp-1').get('[data-testid="coop-transfer-dispute"]');

    const send = () => app.get('[data-testid="coop-transfer-dispute-send"]');

    await dispute().trigger('click');
    await settle();
    expect(dispute().attributes('aria-expanded')).toBe('true');
    expect(send().text()).toBe('提交异议');
    await send().trigger('click');
    await settle();

    expect(app.get('[data-testid="coop-transfer-line"]').text()).toContain('请填写原因，至少 2 个字。');
    expect(api.callsTo('POST', `${TRANSFERS}/cp-1/dispute`)).toHaveLength(0);

    await app.get('[data-testid="coop-transfer-dispute-reason-input"]').setValue('到账金额少了一笔运费');
    await send().trigger('click');
    await settle();

    const [sent] = api.callsTo('POST', `${TRANSFERS}/cp-1/dispute`);
    expect(await sent!.json()).toEqual({ reason: '到账金额少了一笔运费' });
    const row = transfer(app, 'cp-1');
    expect(row.get('[data-testid="coop-transfer-status"]').text()).toBe('有异议');
    expect(row.get('[data-testid="coop-transfer-dispute-reason"]').text()).toBe('异议：到账金额少了一笔运费');
    expect(row.find('[data-testid="coop-transfer-dispute"]').exists()).toBe(false);
    expect(row.find('[data-testid="coop-transfer-confirm"]').exists()).toBe(true);
  });

  it('says in words when a transfer was answered or reversed meanwhile', async () => {
    const { app } = await openStatements({ [`POST ${TRANSFERS}/cp-1/confirm`]: () => errorResponse(409, 'PAYOUT_STATUS_CONFLICT') });

    await transfer(app, 'cp-1').get('[data-testid="coop-transfer-confirm"]').trigger('click');
    await settle();

    const error = app.get('[data-testid="coop-transfer-error"]');
    expect(error.attributes('role')).toBe('alert');
    expect(error.text()).toBe('这笔记录刚刚有了变化（已确认、已核实或已冲正），请刷新页面。');
  });
});
