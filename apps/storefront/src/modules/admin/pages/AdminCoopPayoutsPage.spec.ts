import type { VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import type { CoopTransfer, CooperativeBalance } from '../admin-api';

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

const cooperative = { id: 'coop-eggs', name: '张家湾蛋鸡合作社', townshipCode: '520525108' };
const balance: CooperativeBalance = {
  cooperative,
  owedFen: 500_000,
  paidFen: 300_000,
  confirmedFen: 200_000,
  disputedFen: 100_000,
  awaitingFen: 0,
  balanceFen: 200_000,
  poolFen: 40_000,
  paidToHouseholdsFen: 35_000,
};
const noodles: CooperativeBalance = {
  cooperative: { id: 'coop-noodles', name: '猪场乡手工面合作社', townshipCode: '520525204' } as CooperativeBalance['cooperative'],
  owedFen: 12_345,
  paidFen: 0,
  confirmedFen: 0,
  disputedFen: 0,
  awaitingFen: 0,
  balanceFen: 12_345,
  poolFen: 1_234,
  paidToHouseholdsFen: 0,
};
const month = (name: string, owedFen: number) => ({
  month: name,
  from: `${name}-01`,
  to: `${name}-30`,
  goodsFen: owedFen,
  refundedGoodsFen: 0,
  shippingFen: 0,
  refundedShippingFen: 0,
  platformFeeFen: 0,
  netPayableFen: owedFen,
  poolFen: 0,
  settledFen: 0,
  owedFen,
});
function transfer(overrides: Partial<CoopTransfer> = {}): CoopTransfer {
  return {
    id: 'transfer-1',
    cooperative: { id: cooperative.id, name: cooperative.name },
    amountFen: 100_000,
    paidOn: '2026-11-05',
    bankReference: 'ICBC-20261105-01',
    note: null,
    status: 'DISPUTED',
    disputeReason: '到账金额少 1 笔运费',
    statements: [{ month: '2026-10', amountFen: 100_000 }],
    recordedAt: '2026-11-05T02:00:00Z',
    reversesId: null,
    ...overrides,
  };
}

const STATEMENTS = '/api/admin/cooperatives/coop-eggs/statements';

function transfersApi(routes: Parameters<typeof fakeSessionApi>[1] = {}) {
  return fakeSessionApi(userWithRole('admin'), {
    'GET /api/impact/cooperative-balances': () => jsonResponse(200, { year: 2026, items: [balance, noodles] }),
    'GET /api/admin/coop-payouts': () => jsonResponse(200, { items: [transfer()], totals: { ...balance } }),
    [`GET ${STATEMENTS}`]: () =>
      jsonResponse(200, { year: 2026, months: [month('2026-10', 120_000), month('2026-11', 80_000), month('2026-12', 0)], totals: {} }),
    ...routes,
  });
}

const cells = (element: { findAll: (selector: string) => { text: () => string }[] }) =>
  element.findAll('th, td').map((cell) => cell.text());

describe('AdminCoopPayoutsPage', () => {
  it('is reached from the administration and shows each cooperative’s balance, with a total row to the fen', async () => {
    const server = transfersApi();
    ({ wrapper } = await mountApp({ path: '/admin' }));
    await wrapper.get('[data-testid="admin-home-coop-payouts"]').trigger('click');
    await settle();
    const app = wrapper!;

    expect(app.vm.$route.fullPath).toBe('/admin/coop-payouts');
    expect(app.get('h1').text()).toBe('合作社结算与付款');
    expect(app.get('[data-testid="admin-nav-coop-payouts"]').attributes('aria-current')).toBe('page');
    // Without a year in the address, the API's this year (its clock, not the browser's).
    expect(new URL(server.callsTo('GET', '/api/impact/cooperative-balances')[0]!.url).searchParams.get('year')).toBeNull();
    expect(app.get('[data-testid="admin-payouts-balances"] caption').text()).toBe('2026 年各合作社应付与已付');
    expect(cells(app.get('[data-testid="admin-payouts-balance"]')).slice(0, 9)).toEqual([
      '张家湾蛋鸡合作社',
      '¥5,000.00',
      '¥3,000.00',
      '¥2,000.00',
      '¥1,000.00',
      '¥0.00',
      '¥2,000.00',
      '¥400.00',
      '¥350.00',
    ]);
    expect(cells(app.get('[data-testid="admin-payouts-balance-total"]')).slice(0, 3)).toEqual(['合计', '¥5,123.45', '¥3,000.00']);
  });

  it('records a transfer against the statements ticked, for the sum of their shares', async () => {
    const server = transfersApi({
      'POST /api/admin/coop-payouts': () =>
        jsonResponse(201, transfer({ id: 'transfer-2', amountFen: 200_000, status: 'AWAITING', disputeReason: null })),
    });
    ({ wrapper } = await mountApp({ path: '/admin/coop-payouts' }));
    await settle();
    const app = wrapper!;

    await app.get('[data-testid="admin-payouts-cooperative"]').setValue('coop-eggs');
    await settle();
    expect(new URL(server.callsTo('GET', STATEMENTS)[0]!.url).searchParams.get('year')).toBe('2026');
    // Only statements with something still owed can be ticked.
    expect(app.find('[data-testid="admin-payouts-month-2026-12"]').exists()).toBe(false);
    expect(app.get('[data-testid="transfer-month"][data-month="2026-10"] label').text()).toBe('2026-10：尚欠 ¥1,200.00');
    await app.get('[data-testid="admin-payouts-month-2026-10"]').setValue(true);
    await app.get('[data-testid="admin-payouts-month-2026-11"]').setValue(true);
    // Each share is what its month still owes, and the amount their sum.
    expect(app.get<HTMLInputElement>('[data-testid="admin-payouts-share-2026-10"]').element.value).toBe('1200.00');
    expect(app.get<HTMLInputElement>('[data-testid="admin-payouts-amount"]').element.value).toBe('2000.00');
    expect(app.get('[data-testid="admin-payouts-total"]').text()).toBe('本次转账合计：¥2,000.00');
    await app.get('[data-testid="admin-payouts-reference"]').setValue('ICBC-20261205-01');
    await app.get('[data-testid="admin-payouts-form"]').trigger('submit');
    await settle();

    expect(await server.callsTo('POST', '/api/admin/coop-payouts')[0]!.json()).toEqual({
      cooperativeId: 'coop-eggs',
      amountFen: 200_000,
      paidOn: '2026-12-10',
      bankReference: 'ICBC-20261205-01',
      statements: [
        { month: '2026-10', amountFen: 120_000 },
        { month: '2026-11', amountFen: 80_000 },
      ],
    });
    expect(app.get('[data-testid="admin-payouts-done"]').text()).toBe('已记录：付给张家湾蛋鸡合作社 ¥2,000.00，等待合作社确认。');
  });

  it('settles part of a month: a smaller share moves the amount with it, and a share above what is owed is refused', async () => {
    const server = transfersApi();
    ({ wrapper } = await mountApp({ path: '/admin/coop-payouts' }));
    await settle();
    const app = wrapper!;

    await app.get('[data-testid="admin-payouts-cooperative"]').setValue('coop-eggs');
    await settle();
    await app.get('[data-testid="admin-payouts-month-2026-10"]').setValue(true);
    await app.get('[data-testid="admin-payouts-month-2026-11"]').setValue(true);
    await app.get('[data-testid="admin-payouts-share-2026-10"]').setValue('500.5');
    expect(app.get('[data-testid="admin-payouts-total"]').text()).toBe('本次转账合计：¥1,300.50');
    expect(app.get<HTMLInputElement>('[data-testid="admin-payouts-amount"]').element.value).toBe('1300.50');

    await app.get('[data-testid="admin-payouts-share-2026-11"]').setValue('800.01');
    await app.get('[data-testid="admin-payouts-reference"]').setValue('ICBC-1');
    await app.get('[data-testid="admin-payouts-form"]').trigger('submit');
    await settle();

    expect(app.get('[data-testid="admin-payouts-share-2026-11-error"]').text()).toBe('不能超过该月尚欠的 ¥800.00。');
    expect(server.callsTo('POST', '/api/admin/coop-payouts')).toHaveLength(0);
  });

  it('refuses an amount that is not the shares’ sum once the admin typed it', async () => {
    const server = transfersApi();
    ({ wrapper } = await mountApp({ path: '/admin/coop-payouts' }));
    await settle();
    const app = wrapper!;

    await app.get('[data-testid="admin-payouts-cooperative"]').setValue('coop-eggs');
    await settle();
    await app.get('[data-testid="admin-payouts-month-2026-10"]').setValue(true);
    await app.get('[data-testid="admin-payouts-amount"]').setValue('1000');
    await app.get('[data-testid="admin-payouts-month-2026-11"]').setValue(true);
    await app.get('[data-testid="admin-payouts-reference"]').setValue('ICBC-1');
    await app.get('[data-testid="admin-payouts-form"]').trigger('submit');
    await settle();

    expect(app.get('[data-testid="admin-payouts-amount-error"]').text()).toBe('转账金额要等于所勾选月份的合计 ¥2,000.00。');
    expect(server.callsTo('POST', '/api/admin/coop-payouts')).toHaveLength(0);
  });

  it('says so when a month was settled meanwhile, and reads the statements again', async () => {
    const server = transfersApi({ 'POST /api/admin/coop-payouts': () => errorResponse(422, 'PAYOUT_EXCEEDS_STATEMENT') });
    ({ wrapper } = await mountApp({ path: '/admin/coop-payouts' }));
    await settle();
    const app = wrapper!;

    await app.get('[data-testid="admin-payouts-cooperative"]').setValue('coop-eggs');
    await settle();
    await app.get('[data-testid="admin-payouts-month-2026-10"]').setValue(true);
    await app.get('[data-testid="admin-payouts-reference"]').setValue('ICBC-1');
    await app.get('[data-testid="admin-payouts-form"]').trigger('submit');
    await settle();

    expect(app.get('[data-testid="admin-payouts-error"]').text()).toContain('超过了某个月尚欠的金额');
    expect(server.callsTo('GET', STATEMENTS)).toHaveLength(2);
  });

  it('lists the transfers with the cooperative’s dispute, and reverses one with a reason', async () => {
    let reversed = false;
    const server = transfersApi({
      'GET /api/admin/coop-payouts': () =>
        jsonResponse(200, {
          items: reversed
            ? [
                transfer({
                  id: 'transfer-9',
                  amountFen: -100_000,
                  status: 'REVERSED',
                  reversesId: 'transfer-1',
                  note: '金额录错',
                  disputeReason: null,
                }),
                transfer({ status: 'REVERSED' }),
              ]
            : [transfer()],
          totals: { ...balance },
        }),
      'POST /api/admin/coop-payouts/transfer-1/reverse': () => {
        reversed = true;
        return jsonResponse(201, transfer({ id: 'transfer-9', amountFen: -100_000, status: 'REVERSED', reversesId: 'transfer-1' }));
      },
    });
    ({ wrapper } = await mountApp({ path: '/admin/coop-payouts' }));
    await settle();
    const app = wrapper!;

    const card = app.get('[data-testid="admin-transfer"]');
    expect(card.get('[data-testid="admin-transfer-title"]').text()).toBe('张家湾蛋鸡合作社：¥1,000.00');
    expect(card.get('[data-testid="admin-transfer-status"]').text()).toBe('有异议');
    expect(card.get('[data-testid="admin-transfer-statements"]').text()).toBe('2026-10：¥1,000.00');
    expect(card.get('[data-testid="admin-transfer-dispute"]').text()).toBe('合作社提出异议：到账金额少 1 笔运费');

    await card.get('[data-testid="admin-transfer-reverse"]').trigger('click');
    expect(card.get('[data-testid="admin-transfer-reverse"]').text()).toBe('确认冲正');
    await card.get('[data-testid="admin-transfer-reverse-reason"]').setValue('金额录错');
    await card.get('[data-testid="admin-transfer-reverse"]').trigger('click');
    await settle();

    expect(await server.callsTo('POST', '/api/admin/coop-payouts/transfer-1/reverse')[0]!.json()).toEqual({ reason: '金额录错' });
    const [reversal, original] = app.findAll('[data-testid="admin-transfer"]');
    expect(reversal!.get('[data-testid="admin-transfer-status"]').text()).toBe('冲正记录');
    expect(reversal!.get('[data-testid="admin-transfer-reversal"]').text()).toBe('冲正原因：金额录错');
    expect(original!.get('[data-testid="admin-transfer-status"]').text()).toBe('已冲正');
    expect(app.find('[data-testid="admin-transfer-reverse"]').exists()).toBe(false);
    // The balances follow.
    expect(server.callsTo('GET', '/api/impact/cooperative-balances')).toHaveLength(2);
  });
});
