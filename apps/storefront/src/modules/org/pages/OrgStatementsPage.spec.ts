import type { OrganisationRole } from '@qh/domain';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Router } from 'vue-router';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle } from '../../../testing/app';
import { account, statement, statementSummary } from '../testing/billing-fixtures';
import { buyerIn, myOrganisation } from '../testing/fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

type Handler = (request: Request) => Response | Promise<Response>;

async function openAccount(roles: OrganisationRole[], routes: Record<string, Handler> = {}) {
  const organisation = myOrganisation({ status: 'VERIFIED', roles });
  const api = fakeSessionApi(buyerIn(organisation), {
    'GET /api/org': () => jsonResponse(200, organisation),
    'GET /api/org/account': () => jsonResponse(200, account()),
    'GET /api/org/statements': () => jsonResponse(200, { items: [statementSummary()] }),
    ...routes,
  });
  let router: Router;
  ({ wrapper, router } = await mountApp({ path: '/org/statements' }));
  await settle();
  return { app: wrapper!, api, router };
}

describe('OrgStatementsPage', () => {
  it('shows finance the terms, what is owed and may still be ordered, and the statements', async () => {
    const { app } = await openAccount(['FINANCE']);
    expect(app.get('h1').text()).toBe('单位账户与对账单');
    expect(app.get('[data-testid="account-terms"]').text()).toBe('对账单出具后 30 天内付款，信用额度 ¥200,000.00');
    expect(app.get('[data-testid="org-account-owed"]').text()).toBe('¥12,742.00');
    expect(app.get('[data-testid="org-account-available"]').text()).toBe('¥187,258.00');
    const [row] = app.findAll('[data-testid="org-statement-row"]');
    expect(row!.get('a').attributes('href')).toBe('/org/statements/ST20261130-000001');
    expect(row!.text()).toContain('截至 2026年11月30日');
    expect(row!.text()).toContain('¥12,742.00');
    expect(app.find('[data-testid="account-overdue-note"]').exists()).toBe(false);
  });

  it('tells an organisation with an overdue statement that it cannot order on account', async () => {
    const { app } = await openAccount(['FINANCE'], {
      'GET /api/org/account': () => jsonResponse(200, account({ overdueFen: 1_274_200, availableFen: 0 })),
    });
    expect(app.get('[data-testid="org-account-overdue"]').text()).toBe('¥12,742.00');
    expect(app.get('[data-testid="account-overdue-note"]').text()).toContain('不能再记账下单');
  });

  it('gives the period of a statement that follows another from its first day', async () => {
    const { app } = await openAccount(['MANAGER'], {
      'GET /api/org/statements': () =>
        jsonResponse(200, {
          items: [
            statementSummary({ number: 'ST20261231-000002', periodFrom: '2026-12-01', periodTo: '2026-12-31', dueOn: '2027-01-30' }),
            statementSummary(),
          ],
        }),
    });
    const rows = app.findAll('[data-testid="org-statement-row"]');
    expect(rows.map((row) => row.get('a').text())).toEqual(['ST20261231-000002', 'ST20261130-000001']);
    expect(rows[0]!.text()).toContain('2026年12月1日 至 2026年12月31日');
    expect(rows[0]!.text()).toContain('2027年1月30日');
  });

  it('shows a purchaser the account but not the statements', async () => {
    const { app, api } = await openAccount(['PURCHASER']);
    expect(app.get('[data-testid="org-account-owed"]').text()).toBe('¥12,742.00');
    expect(app.find('[data-testid="org-issue-statement"]').exists()).toBe(false);
    expect(api.callsTo('GET', '/api/org/statements')).toHaveLength(0);
  });

  it('issues a statement up to today and opens it', async () => {
    const issued = statement({ number: 'ST20261204-000002', periodFrom: '2026-12-01', periodTo: '2026-12-04' });
    const { app, api, router } = await openAccount(['MANAGER'], {
      'POST /api/org/statements': () => jsonResponse(201, issued),
      'GET /api/org/statements/ST20261204-000002': () => jsonResponse(200, issued),
    });
    await app.get('[data-testid="org-issue-statement"]').trigger('click');
    await settle();
    expect(api.callsTo('POST', '/api/org/statements')).toHaveLength(1);
    expect(router.currentRoute.value.fullPath).toBe('/org/statements/ST20261204-000002');
    expect(app.get('[data-testid="statement-number"]').text()).toBe('ST20261204-000002');
  });

  it('says so when there is nothing new to state', async () => {
    const { app } = await openAccount(['FINANCE'], { 'POST /api/org/statements': () => errorResponse(409, 'STATEMENT_NOTHING_NEW') });
    await app.get('[data-testid="org-issue-statement"]').trigger('click');
    await settle();
    expect(app.get('[data-testid="org-issue-error"]').text()).toBe('上次对账单之后没有新的送货、冲减或到账（今天的对账单已出具）。');
  });
});
