import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { account, statementSummary } from '../../org/testing/billing-fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
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
    expect(app.get('[data-testid="admin-transfer-result"]').text()).toContain('QH20261110-000042');
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
