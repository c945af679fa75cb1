import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { invoiceRequest, TAX_NUMBER } from '../../shop/testing/invoice-fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const OVERDUE = '/api/admin/invoice-requests/overdue';

describe('AdminInvoicesPage', () => {
  it('is reached from the administration and lists the overdue requests, the oldest first, with whom to invoice', async () => {
    fakeSessionApi(userWithRole('admin'), {
      [`GET ${OVERDUE}`]: () =>
        jsonResponse(200, {
          items: [
            invoiceRequest({ id: 'ir-1', overdue: true, openDays: 12, cooperativeName: '张家湾蛋鸡合作社' }),
            invoiceRequest({ id: 'ir-2', kind: 'RED_LETTER', overdue: true, openDays: 8, amountFen: 41_800 }),
          ],
        }),
    });
    ({ wrapper } = await mountApp({ path: '/admin' }));
    await wrapper.get('[data-testid="admin-home-invoices"]').trigger('click');
    await settle();

    expect(wrapper.vm.$route.fullPath).toBe('/admin/invoices');
    expect(wrapper.get('h1').text()).toBe('逾期未开的发票');
    expect(wrapper.get('[data-testid="admin-nav-invoices"]').attributes('aria-current')).toBe('page');
    expect(wrapper.get('[data-testid="admin-invoices-count"]').text()).toBe('共 2 张逾期未开。');
    const [eggs, red] = wrapper.findAll('[data-testid="admin-invoice"]');
    expect(eggs!.get('[data-testid="admin-invoice-cooperative"]').text()).toBe('张家湾蛋鸡合作社');
    expect(eggs!.get('[data-testid="admin-invoice-overdue"]').text()).toBe('已等待 12 天，超过 7 天');
    expect(eggs!.get('[data-testid="admin-invoice-order"]').text()).toBe('QH20261129-000123');
    expect(eggs!.get('[data-testid="admin-invoice-amount"]').text()).toBe('¥421.00');
    expect(eggs!.get('[data-testid="invoice-party-tax-number"]').text()).toBe(TAX_NUMBER);
    expect(red!.get('[data-testid="admin-invoice-red"]').text()).toBe('红字发票');
  });

  it('says when nothing is overdue', async () => {
    fakeSessionApi(userWithRole('admin'), { [`GET ${OVERDUE}`]: () => jsonResponse(200, { items: [] }) });
    ({ wrapper } = await mountApp({ path: '/admin/invoices' }));
    await settle();

    expect(wrapper.get('[data-testid="admin-invoices-empty"]').text()).toBe('没有逾期未开的发票。');
  });
});
