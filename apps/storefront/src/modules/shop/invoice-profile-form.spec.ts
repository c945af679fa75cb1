import { makeCreditCode } from '@qh/domain';
import { describe, expect, it } from 'vitest';
import { emptyInvoiceProfileForm, invoiceProfileErrors, toInvoiceProfileBody, type InvoiceProfileForm } from './invoice-profile-form';

const TAX_NUMBER = makeCreditCode('12440106MB2C39485');
const form = (overrides: Partial<InvoiceProfileForm> = {}): InvoiceProfileForm => ({
  ...emptyInvoiceProfileForm(),
  title: '广州市天河区机关事务管理局',
  ...overrides,
});

describe('invoice profile form', () => {
  it('lets an ordinary invoice go with a title alone', () => {
    expect(invoiceProfileErrors(form())).toEqual({});
    expect(toInvoiceProfileBody(form())).toEqual({ kind: 'ORDINARY', title: '广州市天河区机关事务管理局' });
  });

  it('asks a special invoice for the tax number, address, phone, bank and account', () => {
    expect(Object.keys(invoiceProfileErrors(form({ kind: 'SPECIAL' })))).toEqual([
      'taxNumber',
      'address',
      'phone',
      'bankName',
      'bankAccount',
    ]);
  });

  it('says which character of a tax number is wrong', () => {
    const wrong = `${TAX_NUMBER.slice(0, 17)}${TAX_NUMBER.endsWith('0') ? '1' : '0'}`;
    expect(invoiceProfileErrors(form({ taxNumber: wrong })).taxNumber).toEqual({
      key: 'taxNumberCheck',
      params: { expected: TAX_NUMBER[17], actual: wrong[17] },
    });
    expect(invoiceProfileErrors(form({ taxNumber: '1244' })).taxNumber).toEqual({ key: 'taxNumberLength', params: { length: 4 } });
  });

  it('sends a special invoice in full, the tax number in capitals, and the ordinary one without the special fields', () => {
    const special = form({
      kind: 'SPECIAL',
      taxNumber: ` ${TAX_NUMBER.toLowerCase()} `,
      address: '广州市天河区天府路 1 号',
      phone: '020-38880000',
      bankName: '中国工商银行广州天河支行',
      bankAccount: '3602 0000 0920 0123 456',
      isDefault: true,
    });
    expect(invoiceProfileErrors(special)).toEqual({});
    expect(toInvoiceProfileBody(special)).toEqual({
      kind: 'SPECIAL',
      title: '广州市天河区机关事务管理局',
      taxNumber: TAX_NUMBER,
      address: '广州市天河区天府路 1 号',
      phone: '020-38880000',
      bankName: '中国工商银行广州天河支行',
      bankAccount: '3602 0000 0920 0123 456',
      isDefault: true,
    });
    expect(toInvoiceProfileBody({ ...special, kind: 'ORDINARY' })).toEqual({
      kind: 'ORDINARY',
      title: '广州市天河区机关事务管理局',
      taxNumber: TAX_NUMBER,
      isDefault: true,
    });
  });
});
