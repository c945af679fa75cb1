import type { VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { account, statementSummary } from '../../org/testing/billing-fixtures';

let wrapper: VueWrapper | undefined;

// 00:30 on 4 December in China, still the 3rd in UTC: "today" for a transfer is China's day.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-03T16:30:00.000Z'));
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.useRealTimers();
});

const ID = '0b7a3c1e-4f2d-4e8a-9c6b-1d2e3f4a5b6c';
const ACCOUNT = `/api/admin/organisations/${ID}/account`;

type Handler = (request: Request) => Response | Promise<Response>;

function adminAccount(overrides = {}) {
  return {
    ...account(),
    organisationId: ID,
    organisationName: '广州市天河区机关事务管理局饭堂',
    statements: [statementSummary()],
    ...overrides,
  };
}

async function openAccount(routes: Record<string, Handler> = {}) {
  const api = fakeSessionApi(userWithRole('admin'), {
    [`GET ${ACCOUNT}`]: () => jsonResponse(200, adminAccount()),
    'GET /api/admin/transfers': () => jsonResponse(200, { items: [] }),
    ...routes,
  });
  ({ wrapper } = await mountApp({ path: `/admin/organisations/${ID}/account` }));
  await settle();
  return { app: wrapper!, api };
}

describe('AdminOrganisationAccountPage', () => {
  it('shows the account, its terms in the form, and its statements', async () => {
    const { app } = await openAccount();
    expect(app.get('[data-testid="admin-account-organisation"]').text()).toBe('广州市天河区机关事务管理局饭堂');
    expect((app.get('[data-testid="admin-terms-days"]').element as HTMLInputElement).value).toBe('30');
    expect((app.get('[data-testid="admin-terms-limit"]').element as HTMLInputElement).value).toBe('200000.00');
    expect(app.get('[data-testid="admin-statement-row"] a').attributes('href')).toBe('/admin/statements/ST20261130-000001');
  });

  it('changes the terms, sending the limit in fen', async () => {
    const { app, api } = await openAccount({
      [`PUT /api/admin/organisations/${ID}/credit-terms`]: () =>
        jsonResponse(200, adminAccount({ terms: { paymentDays: 45, creditLimitFen: 30_000_050, grantedAt: '2026-12-04T02:00:00.000Z' } })),
    });
    await app.get('[data-testid="admin-terms-days"]').setValue('45');
    await app.get('[data-testid="admin-terms-limit"]').setValue('300,000.50');
    await app.get('[data-testid="admin-terms-form"]').trigger('submit');
    await settle();
    const [call] = api.callsTo('PUT', `/api/admin/organisations/${ID}/credit-terms`);
    expect(await call!.json()).toEqual({ paymentDays: 45, creditLimitFen: 30_000_050 });
    expect(app.get('[data-testid="account-terms"]').text()).toContain('45 天');
  });

  it('withdraws the terms only once the admin confirms', async () => {
    const { app, api } = await openAccount({
      [`DELETE /api/admin/organisations/${ID}/credit-terms`]: () => jsonResponse(200, adminAccount({ terms: null, availableFen: 0 })),
    });
    await app.get('[data-testid="admin-terms-withdraw"]').trigger('click');
    expect(api.callsTo('DELETE', `/api/admin/organisations/${ID}/credit-terms`)).toHaveLength(0);
    await app.get('[data-testid="admin-terms-withdraw-confirm"]').trigger('click');
    await settle();
    expect(api.callsTo('DELETE', `/api/admin/organisations/${ID}/credit-terms`)).toHaveLength(1);
    expect(app.get('[data-testid="account-no-terms"]').text()).toBe('本单位没有账期，订单在线付款。');
    expect(app.get('[data-testid="admin-terms-save"]').text()).toBe('授予账期');
    expect(app.find('[data-testid="admin-terms-withdraw"]').exists()).toBe(false);
  });

  it('says when the organisation is not verified and so cannot be given terms', async () => {
    const { app } = await openAccount({
      [`PUT /api/admin/organisations/${ID}/credit-terms`]: () => errorResponse(409, 'ORGANISATION_STATUS_CONFLICT'),
    });
    await app.get('[data-testid="admin-terms-form"]').trigger('submit');
    await settle();
    expect(app.get('[data-testid="admin-terms-error"]').attributes('data-code')).toBe('ORGANISATION_STATUS_CONFLICT');
  });

  it('offers today in China as the day the transfer arrived, and sends nothing for a day still to come', async () => {
    const { app, api } = await openAccount();
    expect((app.get('[data-testid="admin-transfer-date"]').element as HTMLInputElement).value).toBe('2026-12-04');
    await app.get('[data-testid="admin-transfer-amount"]').setValue('12742');
    await app.get('[data-testid="admin-transfer-reference"]').setValue('ICBC-88213');
    await app.get('[data-testid="admin-transfer-date"]').setValue('2026-12-05');
    await app.get('[data-testid="admin-transfer-form"]').trigger('submit');
    await settle();
    expect(api.callsTo('POST', '/api/admin/transfers')).toHaveLength(0);
    expect(app.get('[data-testid="admin-transfer-error"]').attributes('data-code')).toBe('VALIDATION_FAILED');
  });

  it('lists the transfers recorded for the organisation with the orders they paid', async () => {
    const { app, api } = await openAccount({
      'GET /api/admin/transfers': () =>
        jsonResponse(200, {
          items: [
            {
              id: 't-1',
              organisationId: ID,
              organisationName: '广州市天河区机关事务管理局饭堂',
              amountFen: 1_300_000,
              receivedOn: '2026-12-02',
              reference: 'ICBC-88213',
              statementNumber: 'ST20261130-000001',
              recordedAt: '2026-12-02T03:00:00.000Z',
              allocations: [{ orderNumber: 'QH20261110-000042', amountFen: 1_274_200 }],
              unappliedFen: 25_800,
            },
          ],
        }),
    });
    expect(new URL(api.callsTo('GET', '/api/admin/transfers')[0]!.url).searchParams.get('organisationId')).toBe(ID);
    const [row] = app.findAll('[data-testid="admin-transfer-row"]');
    expect(row!.text()).toContain('2026年12月2日');
    expect(row!.text()).toContain('ICBC-88213');
    expect(row!.text()).toContain('QH20261110-000042 ¥12,742.00');
    expect(row!.text()).toContain('未分配 ¥258.00');
    expect(row!.text()).toContain('¥13,000.00');
  });

  it('records a transfer against a statement and shows the orders it paid', async () => {
    const { app, api } = await openAccount({
      'POST /api/admin/transfers': () =>
        jsonResponse(201, {
          id: 't-1',
          organisationId: ID,
          organisationName: '广州市天河区机关事务管理局饭堂',
          amountFen: 1_274_200,
          receivedOn: '2026-12-04',
          reference: 'ICBC-88213',
          statementNumber: 'ST20261130-000001',
          recordedAt: '2026-12-04T03:00:00.000Z',
          allocations: [{ orderNumber: 'QH20261110-000042', amountFen: 1_274_200 }],
          unappliedFen: 0,
          settledOrders: ['QH20261110-000042'],
        }),
    });
    await app.get('[data-testid="admin-transfer-amount"]').setValue('12742');
    await app.get('[data-testid="admin-transfer-date"]').setValue('2026-12-04');
    await app.get('[data-testid="admin-transfer-reference"]').setValue('ICBC-88213');
    await app.get('[data-testid="admin-transfer-statement"]').setValue('ST20261130-000001');
    await app.get('[data-testid="admin-transfer-form"]').trigger('submit');
    await settle();
    const [call] = api.callsTo('POST', '/api/admin/transfers');
    expect(await call!.json()).toEqual({
      organisationId: ID,
      amountFen: 1_274_200,
      receivedOn: '2026-12-04',
      reference: 'ICBC-88213',
      statementNumber: 'ST20261130-000001',
    });
    const result = app.get('[data-testid="admin-transfer-result"]');
    expect(result.text()).toContain('已登记 ICBC-88213：¥12,742.00。');
    expect(result.get('[data-testid="admin-transfer-allocations"]').text()).toBe('QH20261110-000042 ¥12,742.00');
    expect(result.text()).toContain('已结清的订单：QH20261110-000042');
    expect(result.text()).not.toContain('未分配');
  });

  it('says when the transfer was recorded already, and sends nothing for an amount that is not one', async () => {
    const { app, api } = await openAccount({ 'POST /api/admin/transfers': () => errorResponse(409, 'TRANSFER_ALREADY_RECORDED') });
    await app.get('[data-testid="admin-transfer-amount"]').setValue('十二块');
    await app.get('[data-testid="admin-transfer-reference"]').setValue('ICBC-88213');
    await app.get('[data-testid="admin-transfer-form"]').trigger('submit');
    await settle();
    expect(api.callsTo('POST', '/api/admin/transfers')).toHaveLength(0);
    await app.get('[data-testid="admin-transfer-amount"]').setValue('12742');
    await app.get('[data-testid="admin-transfer-form"]').trigger('submit');
    await settle();
    expect(app.get('[data-testid="admin-transfer-error"]').text()).toBe('这笔转账（同一银行流水号）已经登记过了。');
  });
});
