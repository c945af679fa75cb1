import { makeCreditCode } from '@qh/domain';
import type { InvoiceProfile, InvoiceRequest, OrderInvoice } from '../invoices';

/** A valid unified social credit code of a Tianhe District public institution, as invoices carry it. */
export const TAX_NUMBER = makeCreditCode('12440106MB2C39485');

/** An invoice profile as the API lists it: the canteen's ordinary invoice, the default, unless told otherwise. */
export function invoiceProfile(overrides: Partial<InvoiceProfile> = {}): InvoiceProfile {
  return {
    id: 'ip-1',
    kind: 'ORDINARY',
    title: '广州市天河区机关事务管理局',
    taxNumber: TAX_NUMBER,
    address: null,
    phone: null,
    bankName: null,
    bankAccount: null,
    isDefault: true,
    updatedAt: '2026-11-01T02:00:00.000Z',
    ...overrides,
  };
}

/** A special invoice's profile (专票), with every field. */
export function specialInvoiceProfile(overrides: Partial<InvoiceProfile> = {}): InvoiceProfile {
  return invoiceProfile({
    id: 'ip-2',
    kind: 'SPECIAL',
    title: '广州市天河区机关事务管理局饭堂',
    address: '广州市天河区天府路 1 号',
    phone: '020-38880000',
    bankName: '中国工商银行广州天河支行',
    bankAccount: '3602 0000 0920 0123 456',
    isDefault: false,
    ...overrides,
  });
}

/** Whom an order's invoices go to, as the order recorded it. */
export function orderInvoice(overrides: Partial<OrderInvoice> = {}): OrderInvoice {
  return {
    profileId: 'ip-1',
    kind: 'ORDINARY',
    title: '广州市天河区机关事务管理局',
    taxNumber: TAX_NUMBER,
    address: null,
    phone: null,
    bankName: null,
    bankAccount: null,
    ...overrides,
  };
}

/** An invoice request as the API lists it: the cherry cooperative's part of an order, open for two days. */
export function invoiceRequest(overrides: Partial<InvoiceRequest> = {}): InvoiceRequest {
  return {
    id: 'ir-1',
    kind: 'INVOICE',
    status: 'OPEN',
    orderNumber: 'QH20261129-000123',
    fulfillmentId: 'f-1',
    cooperativeName: '厍东关樱桃合作社',
    amountFen: 42_100,
    invoice: orderInvoice(),
    invoiceNumber: null,
    issuedOn: null,
    fileType: null,
    createdAt: '2026-12-08T02:00:00.000Z',
    issuedAt: null,
    openDays: 2,
    overdue: false,
    ...overrides,
  };
}

/** The same request once the cooperative uploaded its e-invoice. */
export function issuedInvoice(overrides: Partial<InvoiceRequest> = {}): InvoiceRequest {
  return invoiceRequest({
    status: 'ISSUED',
    invoiceNumber: '26442000000012345678',
    issuedOn: '2026-12-09',
    fileType: 'PDF',
    issuedAt: '2026-12-09T03:00:00.000Z',
    ...overrides,
  });
}

/**
 * Records the names files are saved under instead of saving them (the app saves a download by clicking
 * a link to an object URL, which the test DOM cannot follow). Call `restore()` when done.
 */
export function captureDownloads() {
  const saved: string[] = [];
  const click = HTMLAnchorElement.prototype.click;
  const createObjectURL = globalThis.URL.createObjectURL;
  const revokeObjectURL = globalThis.URL.revokeObjectURL;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    saved.push(this.download);
  };
  globalThis.URL.createObjectURL = () => 'blob:invoice';
  globalThis.URL.revokeObjectURL = () => undefined;
  return {
    saved,
    restore() {
      HTMLAnchorElement.prototype.click = click;
      globalThis.URL.createObjectURL = createObjectURL;
      globalThis.URL.revokeObjectURL = revokeObjectURL;
    },
  };
}

/** A PDF file's answer, as the file routes send it. */
export function pdfResponse(): Response {
  return new Response(new Uint8Array([0x25, 0x50, 0x44, 0x46]), { status: 200, headers: { 'content-type': 'application/pdf' } });
}
