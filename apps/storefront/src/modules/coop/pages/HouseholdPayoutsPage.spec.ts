import { chinaDay } from '@qh/domain';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { coopHousehold, householdPayout } from '../testing/trail-fixtures';
import type { HouseholdPayout, PayoutImportReport } from '../trail';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

type Handler = (request: Request) => Response | Promise<Response>;

const HOUSEHOLDS = '/api/coop/households';
const PAYOUTS = '/api/coop/household-payouts';
const RECEIPTS = '/api/coop/payout-receipts';
const IMPORT = `${PAYOUTS}/import`;
const RECEIPT_ID = 'a'.repeat(64);

const today = chinaDay();
const thisMonth = today.slice(0, 7);

/** Wang is owed ¥5.00, Li was paid all, Zhang is owed ¥15.00. */
const HOUSEHOLD_LIST = () => [
  coopHousehold(),
  coopHousehold({ id: 'h-2', code: 'NY-000124', maskedName: '李**', allocatedFen: 1_000, paidFen: 1_000, outstandingFen: 0 }),
  coopHousehold({
    id: 'h-3',
    code: 'NY-000125',
    maskedName: '张**',
    village: '新田村',
    allocatedFen: 1_500,
    paidFen: 0,
    outstandingFen: 1_500,
  }),
];

const LI = { id: 'h-2', code: 'NY-000124', maskedName: '李**', village: '桃营村', townshipCode: '520525202' };

/** One payout of each standing: waiting for a visit, overdue, acknowledged, reversed, and the reversal. */
const PAYOUT_LIST = (): HouseholdPayout[] => [
  householdPayout(),
  householdPayout({ id: 'hp-2', household: LI, paidOn: '2026-09-20', period: '2026-09', overdue: true }),
  householdPayout({
    id: 'hp-3',
    household: LI,
    acknowledgement: { visitedOn: '2026-11-20', note: '入户核实，已到账', acknowledgedAt: '2026-11-20T08:00:00Z' },
  }),
  householdPayout({ id: 'hp-4', method: 'CASH', hasReceipt: true, reference: 'SJ-0001', amountFen: 400, reversed: true }),
  householdPayout({ id: 'hp-5', method: 'CASH', reference: 'SJ-0001', amountFen: -400, reversesId: 'hp-4' }),
];

async function openPayouts(routes: Record<string, Handler> = {}, payouts: () => HouseholdPayout[] = PAYOUT_LIST) {
  const api = fakeSessionApi(userWithRole('cooperative'), {
    [`GET ${HOUSEHOLDS}`]: () => jsonResponse(200, { items: HOUSEHOLD_LIST() }),
    [`GET ${PAYOUTS}`]: () => jsonResponse(200, { items: payouts() }),
    ...routes,
  });
  ({ wrapper } = await mountApp({ path: '/coop/household-payouts' }));
  await settle();
  return { app: wrapper!, api };
}

const household = (app: VueWrapper, code: string) => app.get(`[data-testid="coop-household"][data-code="${code}"]`);
const payout = (app: VueWrapper, id: string) => app.get(`[data-testid="household-payout"][data-id="${id}"]`);
const form = (app: VueWrapper) => app.get('[data-testid="record-payout-form"]');

async function openForm(app: VueWrapper, code = 'NY-000123'): Promise<void> {
  await household(app, code).get('[data-testid="coop-household-record"]').trigger('click');
  await settle();
}

async function submitForm(app: VueWrapper): Promise<void> {
  await form(app).trigger('submit');
  await settle();
}

function pickFile(app: VueWrapper, selector: string, file: File): Promise<void> {
  const input = app.get<HTMLInputElement>(selector);
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
  return input.trigger('change');
}

const png = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'receipt.png', { type: 'image/png' });

describe('a cooperative’s household payouts page', () => {
  it('is in the portal’s nav and lists the linked households by code and masked name, the ones still owed marked', async () => {
    const { app } = await openPayouts();

    expect(app.get('h1').text()).toBe('到户资金发放');
    expect(app.get('[data-testid="coop-nav-household-payouts"]').attributes('aria-current')).toBe('page');
    expect(app.findAll('[data-testid="coop-household"] th').map((th) => th.text())).toEqual(['NY-000123', 'NY-000124', 'NY-000125']);
    expect(app.findAll('[data-testid="coop-household-name"]').map((td) => td.text())).toEqual(['王**', '李**', '张**']);
    expect(app.get('[data-testid="coop-households-owing"]').text()).toBe('2 户还有待发放的金额，已在表中标出。');

    const owed = household(app, 'NY-000123');
    expect(owed.attributes('data-outstanding')).toBe('true');
    expect(owed.get('[data-testid="coop-household-outstanding"]').classes()).toContain('trail-owing');
    expect(owed.get('[data-testid="coop-household-outstanding"]').text()).toBe('¥5.00 （待发放）');
    const paid = household(app, 'NY-000124');
    expect(paid.attributes('data-outstanding')).toBe('false');
    expect(paid.get('[data-testid="coop-household-outstanding"]').text()).toBe('¥0.00');
    expect(owed.get('[data-testid="coop-household-record"]').attributes('aria-label')).toBe('记录发放：NY-000123');
  });

  it('shows each payout’s visit, or that it awaits one and is overdue, and offers reversal only before a visit', async () => {
    const { app } = await openPayouts();

    expect(app.findAll('[data-testid="household-payout-standing"]').map((badge) => badge.text())).toEqual([
      '待核实',
      '超期未核实',
      '已核实',
      '已冲正',
      '冲正记录',
    ]);
    const first = payout(app, 'hp-1');
    expect(first.get('th').text()).toBe('NY-000123 王**');
    expect(first.get('[data-testid="household-payout-amount"]').text()).toBe('¥7.00');
    expect(first.text()).toContain('2026年10月');
    expect(first.text()).toContain('银行转账');
    expect(first.text()).toContain('NX20261103-0017');
    expect(first.text()).toContain('2026年11月3日');
    expect(payout(app, 'hp-2').attributes('data-standing')).toBe('OVERDUE');
    expect(payout(app, 'hp-3').get('[data-testid="household-payout-visit"]').text()).toBe('2026年11月20日 入户核实 · 入户核实，已到账');
    expect(payout(app, 'hp-5').get('[data-testid="household-payout-amount"]').text()).toBe('-¥4.00');

    const reversible = app
      .findAll('[data-testid="household-payout"]')
      .filter((row) => row.find('[data-testid="household-payout-reverse"]').exists())
      .map((row) => row.attributes('data-id'));
    expect(reversible).toEqual(['hp-1', 'hp-2']);
    expect(payout(app, 'hp-4').find('[data-testid="household-payout-receipt"]').exists()).toBe(true);
  });

  it('records a bank payout for what a household is owed, then reads both lists again', async () => {
    const { app, api } = await openPayouts({
      [`POST ${PAYOUTS}`]: () => jsonResponse(201, householdPayout({ id: 'hp-9', period: thisMonth, amountFen: 500, paidOn: today })),
    });
    await openForm(app);

    expect((app.get('[data-testid="record-payout-amount"]').element as HTMLInputElement).value).toBe('5.00');
    expect((app.get('[data-testid="record-payout-period"]').element as HTMLInputElement).value).toBe(thisMonth);
    expect(app.find('[data-testid="record-payout-receipt"]').exists()).toBe(false);
    await app.get('[data-testid="record-payout-reference"]').setValue('NX20261203-0001');
    await submitForm(app);

    const [sent] = api.callsTo('POST', PAYOUTS);
    expect(await sent!.json()).toEqual({
      householdId: 'h-1',
      period: thisMonth,
      amountFen: 500,
      method: 'BANK',
      reference: 'NX20261203-0001',
      paidOn: today,
    });
    expect(app.find('[data-testid="record-payout-form"]').exists()).toBe(false);
    expect(app.get('[data-testid="coop-household-recorded"]').text()).toContain('已记录：向 NY-000123 发放 ¥5.00');
    expect(api.callsTo('GET', HOUSEHOLDS)).toHaveLength(2);
    expect(api.callsTo('GET', PAYOUTS)).toHaveLength(2);
  });

  it('says how much is left when a payout is more than the household was allocated', async () => {
    const { app } = await openPayouts({
      [`POST ${PAYOUTS}`]: () =>
        jsonResponse(422, {
          statusCode: 422,
          code: 'PAYOUT_EXCEEDS_ALLOCATION',
          message: 'A payout cannot be more than the household was allocated and not yet paid.',
          details: [
            {
              field: 'amountFen',
              problems: [
                `at most 500 fen can be paid for ${thisMonth} (allocated up to then, plus what was carried over, less what was paid)`,
              ],
            },
          ],
        }),
    });
    await openForm(app);
    await app.get('[data-testid="record-payout-amount"]').setValue('6');
    await app.get('[data-testid="record-payout-reference"]').setValue('NX-1');

    await submitForm(app);

    const error = app.get('[data-testid="record-payout-error"]');
    expect(error.attributes('role')).toBe('alert');
    expect(error.attributes('data-code')).toBe('PAYOUT_EXCEEDS_ALLOCATION');
    expect(error.text()).toContain('发放金额超过了该农户已分配且尚未发放的金额，没有记录。');
    expect(app.get('[data-testid="record-payout-left"]').text()).toBe(
      `${thisMonth} 最多还可发放 ¥5.00（截至该月的分配金额加上结转，减去已发放）。`,
    );
    expect(app.get('[data-testid="record-payout-amount"]').attributes('aria-invalid')).toBe('true');
  });

  it('checks the fields before sending anything', async () => {
    const { app, api } = await openPayouts();
    await openForm(app, 'NY-000124');
    expect((app.get('[data-testid="record-payout-amount"]').element as HTMLInputElement).value).toBe('');
    await app.get('[data-testid="record-payout-period"]').setValue('2026-13');

    await submitForm(app);

    expect(app.get('[data-testid="record-payout-period-error"]').text()).toBe('请填写月份，例如 2026-10。');
    expect(app.get('[data-testid="record-payout-amount-error"]').text()).toBe('请填写大于 0 的金额，例如 120.50。');
    expect(app.get('[data-testid="record-payout-reference-error"]').text()).toBe('请填写流水号或收据编号（最多 64 个字符）。');
    expect(api.callsTo('POST', PAYOUTS)).toHaveLength(0);
  });

  it('uploads a cash payout’s receipt first and records the payout with the receiptId it answered', async () => {
    const { app, api } = await openPayouts({
      [`POST ${RECEIPTS}`]: () => jsonResponse(201, { receiptId: RECEIPT_ID }),
      [`POST ${PAYOUTS}`]: () => jsonResponse(201, householdPayout({ id: 'hp-9', method: 'CASH', hasReceipt: true, amountFen: 500 })),
    });
    await openForm(app);
    await app.get('[data-testid="record-payout-method"]').setValue('CASH');
    await app.get('[data-testid="record-payout-reference"]').setValue('SJ-0002');

    expect(form(app).text()).toContain('收据编号');
    await submitForm(app);
    expect(app.get('[data-testid="record-payout-receipt-error"]').text()).toBe('现金发放须上传收据。');
    expect(api.requests.filter((request) => request.method === 'POST' && request.url.includes('/api/coop/'))).toHaveLength(0);

    await pickFile(app, '[data-testid="record-payout-receipt"]', png());
    await submitForm(app);

    const [upload] = api.callsTo('POST', RECEIPTS);
    expect(upload!.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    expect((await upload!.formData()).get('file')).toBeInstanceOf(File);
    const [sent] = api.callsTo('POST', PAYOUTS);
    expect(await sent!.json()).toMatchObject({ householdId: 'h-1', method: 'CASH', reference: 'SJ-0002', receiptId: RECEIPT_ID });
    const posts = api.requests.filter((request) => request.method === 'POST').map((request) => new URL(request.url).pathname);
    expect(posts.indexOf(RECEIPTS)).toBeLessThan(posts.indexOf(PAYOUTS));
  });

  it('shows a receipt that is not a photo or PDF at the file, and records nothing', async () => {
    const { app, api } = await openPayouts({ [`POST ${RECEIPTS}`]: () => errorResponse(415, 'UNSUPPORTED_RECEIPT_FILE') });
    await openForm(app);
    await app.get('[data-testid="record-payout-method"]').setValue('CASH');
    await app.get('[data-testid="record-payout-reference"]').setValue('SJ-0002');
    await pickFile(app, '[data-testid="record-payout-receipt"]', new File(['<html>'], 'receipt.jpg', { type: 'image/jpeg' }));

    await submitForm(app);

    expect(app.get('[data-testid="record-payout-receipt-error"]').text()).toBe('收据只能是照片（JPEG、PNG、WebP）或 PDF 扫描件。');
    expect(api.callsTo('POST', PAYOUTS)).toHaveLength(0);
  });

  it('shows one month’s payouts, or every month’s', async () => {
    const { app, api } = await openPayouts();
    expect(new URL(api.callsTo('GET', PAYOUTS)[0]!.url).searchParams.has('period')).toBe(false);

    await app.get('[data-testid="coop-payouts-period"]').setValue('2026-10');
    await app.get('[data-testid="coop-payouts-filter"]').trigger('submit');
    await settle();
    expect(new URL(api.callsTo('GET', PAYOUTS).at(-1)!.url).searchParams.get('period')).toBe('2026-10');

    await app.get('[data-testid="coop-payouts-filter-all"]').trigger('click');
    await settle();
    expect(new URL(api.callsTo('GET', PAYOUTS).at(-1)!.url).searchParams.has('period')).toBe(false);
  });

  it('shows fifty payouts at a time', async () => {
    const { app } = await openPayouts({}, () => Array.from({ length: 60 }, (_, index) => householdPayout({ id: `hp-${index}` })));
    expect(app.findAll('[data-testid="household-payout"]')).toHaveLength(50);

    const more = app.get('[data-testid="coop-payouts-more"]');
    expect(more.text()).toBe('显示更多（还有 10 笔）');
    await more.trigger('click');

    expect(app.findAll('[data-testid="household-payout"]')).toHaveLength(60);
    expect(app.find('[data-testid="coop-payouts-more"]').exists()).toBe(false);
  });

  it('reverses a payout only with a reason, then shows it reversed', async () => {
    let reversed = false;
    const { app, api } = await openPayouts(
      {
        [`POST ${PAYOUTS}/hp-1/reverse`]: () => {
          reversed = true;
          return jsonResponse(201, householdPayout({ id: 'hp-10', amountFen: -700, reversesId: 'hp-1' }));
        },
      },
      () =>
        reversed
          ? [householdPayout({ id: 'hp-10', amountFen: -700, reversesId: 'hp-1' }), householdPayout({ reversed: true })]
          : [householdPayout()],
    );
    const reverse = () => payout(app, 'hp-1').get('[data-testid="household-payout-reverse"]');

    const send = () => app.get('[data-testid="household-payout-reverse-send"]');

    await reverse().trigger('click');
    await settle();
    await send().trigger('click');
    await settle();
    expect(app.get('[data-testid="household-payout-line"]').text()).toContain('请填写原因，至少 2 个字。');
    expect(api.callsTo('POST', `${PAYOUTS}/hp-1/reverse`)).toHaveLength(0);

    await app.get('[data-testid="household-payout-reverse-reason"]').setValue('金额录错');
    await send().trigger('click');
    await settle();

    expect(await api.callsTo('POST', `${PAYOUTS}/hp-1/reverse`)[0]!.json()).toEqual({ reason: '金额录错' });
    expect(payout(app, 'hp-1').get('[data-testid="household-payout-standing"]').text()).toBe('已冲正');
    expect(payout(app, 'hp-1').find('[data-testid="household-payout-reverse"]').exists()).toBe(false);
    expect(app.get('[data-testid="household-payout-done"]').text()).toBe('已冲正，农户的待发放金额已恢复。');
    expect(api.callsTo('GET', HOUSEHOLDS)).toHaveLength(2);
  });

  it('offers this month’s template with every household still owed, prefilled', async () => {
    const { app } = await openPayouts();

    const link = app.get('[data-testid="payout-import-template"]');
    expect(link.attributes('download')).toBe(`household-payouts-${thisMonth}.csv`);
    const href = link.attributes('href')!;
    const csv = decodeURIComponent(href.slice(href.indexOf(',') + 1));
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'household_code,period,amount_yuan,method,reference,paid_on,receipt_id',
      `NY-000123,${thisMonth},5.00,BANK,,${today},`,
      `NY-000125,${thisMonth},15.00,BANK,,${today},`,
      '',
    ]);
    expect(app.get('[data-testid="payout-import-columns"]').text()).toContain('amount_yuan');
  });

  it('checks a CSV without recording anything, and shows each refused row with its reasons', async () => {
    const report = (dryRun: boolean): PayoutImportReport => ({
      dryRun,
      imported: 1,
      importedFen: 1_000,
      refused: [
        {
          line: 3,
          householdCode: 'NY-000125',
          problems: [{ field: 'amount_yuan', problems: [`at most 500 fen can be paid for ${thisMonth} (allocated up to then)`] }],
        },
        {
          line: 4,
          householdCode: 'NY-999999',
          problems: [{ field: 'household_code', problems: ['not a household linked to your cooperative'] }],
        },
        {
          line: 5,
          householdCode: 'NY-000125',
          problems: [
            {
              field: 'amount_yuan',
              problems: [
                'amountFen must be an integer number',
                'amountFen must not be less than 1',
                'amountFen must not be greater than 100000000000',
              ],
            },
          ],
        },
      ],
    });
    const { app, api } = await openPayouts({
      [`POST ${IMPORT}`]: (request) => jsonResponse(201, report(new URL(request.url).searchParams.get('dryRun') === 'true')),
    });
    await pickFile(app, '[data-testid="payout-import-file"]', new File(['household_code,period\n'], 'payouts.csv', { type: 'text/csv' }));

    await app.get('[data-testid="payout-import-check"]').trigger('click');
    await settle();

    const [check] = api.callsTo('POST', IMPORT);
    expect(new URL(check!.url).searchParams.get('dryRun')).toBe('true');
    expect((await check!.formData()).get('file')).toBeInstanceOf(File);
    expect(app.get('[data-testid="payout-import-summary"]').text()).toBe(
      '检查完成，没有记录任何内容：1 行可以导入，合计 ¥10.00；3 行有问题。',
    );
    const rows = app.findAll('[data-testid="payout-import-refused-row"]');
    expect(rows.map((row) => [row.get('th').text(), row.get('td').text()])).toEqual([
      ['3', 'NY-000125'],
      ['4', 'NY-999999'],
      ['5', 'NY-000125'],
    ]);
    expect(rows.map((row) => row.get('[data-testid="payout-import-problem"]').text())).toEqual([
      `金额（amount_yuan）：${thisMonth} 最多还可发放 ¥5.00（截至该月的分配金额加上结转，减去已发放）。`,
      '农户编号（household_code）：不是与本社联农带农的农户。',
      '金额（amount_yuan）：金额应为大于 0 的元金额，最多两位小数。',
    ]);
    expect(api.callsTo('GET', HOUSEHOLDS)).toHaveLength(1);

    await app.get('[data-testid="payout-import-run"]').trigger('click');
    await settle();

    expect(new URL(api.callsTo('POST', IMPORT)[1]!.url).searchParams.get('dryRun')).toBe('false');
    expect(app.get('[data-testid="payout-import-summary"]').text()).toBe('已导入 1 行，合计 ¥10.00；3 行被拒绝。');
    expect(api.callsTo('GET', HOUSEHOLDS)).toHaveLength(2);
    expect(api.callsTo('GET', PAYOUTS)).toHaveLength(2);
  });

  it('says in words when the file is not a CSV it can read', async () => {
    const { app } = await openPayouts({ [`POST ${IMPORT}`]: () => errorResponse(400, 'CSV_INVALID') });
    await pickFile(app, '[data-testid="payout-import-file"]', new File(['x'], 'payouts.csv', { type: 'text/csv' }));

    await app.get('[data-testid="payout-import-check"]').trigger('click');
    await settle();

    expect(app.get('[data-testid="payout-import-error"]').text()).toContain('请在表格软件中另存为“CSV UTF-8”');
  });
});
