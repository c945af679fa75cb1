import type { OrganisationRole } from '@qh/domain';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle } from '../../../testing/app';
import type { InvoiceProfile } from '../../shop/invoices';
import { invoiceProfile, specialInvoiceProfile, TAX_NUMBER } from '../../shop/testing/invoice-fixtures';
import { buyerIn, myOrganisation } from '../testing/fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

type Handler = (request: Request) => Response | Promise<Response>;

const LIST = '/api/org/invoice-profiles';

async function openInvoices(roles: OrganisationRole[], profiles: () => InvoiceProfile[], routes: Record<string, Handler> = {}) {
  const organisation = myOrganisation({ status: 'VERIFIED', roles });
  const api = fakeSessionApi(buyerIn(organisation), {
    'GET /api/org': () => jsonResponse(200, organisation),
    [`GET ${LIST}`]: () => jsonResponse(200, { items: profiles() }),
    ...routes,
  });
  ({ wrapper } = await mountApp({ path: '/org/invoices' }));
  await settle();
  return { app: wrapper!, api };
}

describe('OrgInvoicesPage', () => {
  it('shows every member the organisation’s invoice profiles from its nav, and offers no changes to a purchaser', async () => {
    const { app } = await openInvoices(['PURCHASER'], () => [invoiceProfile(), specialInvoiceProfile()]);

    expect(app.get('h1').text()).toBe('单位开票信息');
    expect(app.get('[data-testid="org-nav-invoices"]').attributes('aria-current')).toBe('page');
    expect(app.findAll('[data-testid="invoice-profile-name"]').map((title) => title.text())).toEqual([
      '广州市天河区机关事务管理局',
      '广州市天河区机关事务管理局饭堂',
    ]);
    expect(app.find('[data-testid="invoice-profile-add"]').exists()).toBe(false);
    expect(app.find('[data-testid="invoice-profile-edit"]').exists()).toBe(false);
    expect(app.text()).toContain('只有管理员和财务可以添加和修改');
  });

  it('lets a finance member add one for the organisation', async () => {
    let profiles: InvoiceProfile[] = [];
    const created = invoiceProfile({ title: '广州市天河区机关事务管理局饭堂' });
    const { app, api } = await openInvoices(['FINANCE'], () => profiles, {
      [`POST ${LIST}`]: () => {
        profiles = [created];
        return jsonResponse(201, created);
      },
    });
    await app.get('[data-testid="invoice-profile-add"]').trigger('click');
    await app.get('[data-testid="invoice-profile-title"]').setValue('广州市天河区机关事务管理局饭堂');
    await app.get('[data-testid="invoice-profile-tax-number"]').setValue(TAX_NUMBER);
    await app.get('[data-testid="invoice-profile-form"]').trigger('submit');
    await settle();

    expect(await api.callsTo('POST', LIST)[0]!.json()).toEqual({
      kind: 'ORDINARY',
      title: '广州市天河区机关事务管理局饭堂',
      taxNumber: TAX_NUMBER,
    });
    expect(app.findAll('[data-testid="invoice-profile"]')).toHaveLength(1);
  });

  it('says why a change was refused', async () => {
    const { app } = await openInvoices(['MANAGER'], () => [], {
      [`POST ${LIST}`]: () => errorResponse(409, 'TOO_MANY_INVOICE_PROFILES'),
    });
    await app.get('[data-testid="invoice-profile-add"]').trigger('click');
    await app.get('[data-testid="invoice-profile-title"]').setValue('广州市天河区机关事务管理局饭堂');
    await app.get('[data-testid="invoice-profile-form"]').trigger('submit');
    await settle();

    expect(app.get('[data-testid="invoice-profile-error"]').text()).toBe('开票信息最多 20 条，请先删除不再使用的。');
  });
});
