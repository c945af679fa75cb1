import type { OrganisationRole } from '@qh/domain';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { captureDownloads, pdfResponse } from '../../shop/testing/invoice-fixtures';
import type { Statement } from '../billing';
import { statement } from '../testing/billing-fixtures';
import { buyerIn, myOrganisation } from '../testing/fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const NUMBER = 'ST20261130-000001';
const ORDER = 'QH20261110-000042';

/** November's statement: the eggs invoiced, the noodles still to be invoiced, the short case's red-letter invoice issued. */
function invoicedStatement(): Statement {
  const base = statement();
  const [eggs, noodles, credit] = base.items;
  return {
    ...base,
    items: [
      { ...eggs!, invoiceId: 'ir-1', invoiceStatus: 'ISSUED', invoiceNumber: '26442000000012345678' },
      { ...noodles!, invoiceId: 'ir-2', invoiceStatus: 'OPEN', invoiceNumber: null },
      { ...credit!, invoiceId: 'ir-3', invoiceStatus: 'ISSUED', invoiceNumber: '26442000000087654321' },
    ],
  };
}

async function openAsMember(roles: OrganisationRole[], routes: Record<string, () => Response> = {}) {
  const organisation = myOrganisation({ status: 'VERIFIED', roles });
  const api = fakeSessionApi(buyerIn(organisation), {
    'GET /api/org': () => jsonResponse(200, organisation),
    [`GET /api/org/statements/${NUMBER}`]: () => jsonResponse(200, invoicedStatement()),
    ...routes,
  });
  ({ wrapper } = await mountApp({ path: `/org/statements/${NUMBER}` }));
  await settle();
  return { app: wrapper!, api };
}

const invoiceCells = (app: VueWrapper) => app.findAll('[data-testid="statement-item-invoice"]');

async function download(app: VueWrapper, index: number): Promise<string[]> {
  const downloads = captureDownloads();
  try {
    await invoiceCells(app)[index]!.get('[data-testid="statement-item-invoice-download"]').trigger('click');
    await settle();
  } finally {
    downloads.restore();
  }
  return downloads.saved;
}

describe('StatementView', () => {
  it('shows each item’s invoice state and number, and lets a finance member download an issued one', async () => {
    const { app, api } = await openAsMember(['FINANCE'], {
      [`GET /api/org/orders/${ORDER}/invoices/ir-1/file`]: () => pdfResponse(),
    });

    expect(invoiceCells(app).map((cell) => cell.get('[data-testid="statement-item-invoice-status"]').text())).toEqual([
      '已开票',
      '待开票',
      '红字已开票',
    ]);
    expect(invoiceCells(app)[0]!.get('[data-testid="statement-item-invoice-number"]').text()).toBe('26442000000012345678');
    expect(invoiceCells(app)[1]!.find('[data-testid="statement-item-invoice-download"]').exists()).toBe(false);

    expect(await download(app, 0)).toEqual([`invoice-${ORDER}-26442000000012345678.pdf`]);
    expect(api.callsTo('GET', `/api/org/orders/${ORDER}/invoices/ir-1/file`)).toHaveLength(1);
  });

  it('shows a manager without the finance role the states and numbers, with nothing to download', async () => {
    const { app } = await openAsMember(['MANAGER']);

    expect(invoiceCells(app)[0]!.text()).toContain('26442000000012345678');
    expect(app.find('[data-testid="statement-item-invoice-download"]').exists()).toBe(false);
  });

  it('lets an admin download an invoice through the admins’ route', async () => {
    const api = fakeSessionApi(userWithRole('admin'), {
      [`GET /api/admin/statements/${NUMBER}`]: () => jsonResponse(200, invoicedStatement()),
      'GET /api/admin/invoice-requests/ir-3/file': () =>
        new Response(new Uint8Array([0x50, 0x4b]), { status: 200, headers: { 'content-type': 'application/ofd' } }),
    });
    ({ wrapper } = await mountApp({ path: `/admin/statements/${NUMBER}` }));
    await settle();

    expect(await download(wrapper, 2)).toEqual([`invoice-${ORDER}-26442000000087654321.ofd`]);
    expect(api.callsTo('GET', '/api/admin/invoice-requests/ir-3/file')).toHaveLength(1);
  });
});
