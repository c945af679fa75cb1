import type { components } from '@qh/api-client';
import { api, errorMessageKey, unwrap } from '../../api';
import { saveBlob } from '../../lib/download';

export type InvoiceProfile = components['schemas']['InvoiceProfileDto'];
export type InvoiceProfileInput = components['schemas']['InvoiceProfileInputDto'];
export type InvoiceKind = InvoiceProfile['kind'];
export type InvoiceRequest = components['schemas']['InvoiceRequestDto'];
export type InvoiceRequestStatus = InvoiceRequest['status'];
/** Whom an order's invoices are made out to, as the order recorded it. */
export type OrderInvoice = components['schemas']['OrderInvoiceDto'];

/** 普通发票, then 增值税专用发票. */
export const INVOICE_KINDS = ['ORDINARY', 'SPECIAL'] as const satisfies readonly InvoiceKind[];
export const INVOICE_REQUEST_STATUSES = ['OPEN', 'ISSUED', 'VOID'] as const satisfies readonly InvoiceRequestStatus[];

/** Codes of the invoice routes with their own message under `invoices.errors`. */
export const INVOICE_ERROR_CODES = [
  'INVOICE_AMOUNT_MISMATCH',
  'UNSUPPORTED_INVOICE_FILE',
  'PAYLOAD_TOO_LARGE',
  'INVOICE_REQUEST_STATUS_CONFLICT',
  'INVOICE_NUMBER_TAKEN',
  'INVOICE_REQUEST_NOT_FOUND',
  'INVOICE_NOT_FOUND',
  'INVOICE_PROFILE_NOT_FOUND',
  'TOO_MANY_INVOICE_PROFILES',
] as const;

/** The i18n key of the message for an error code of the invoice routes, falling back to the app's general messages. */
export function invoiceErrorKey(code: string): string {
  return (INVOICE_ERROR_CODES as readonly string[]).includes(code) ? `invoices.errors.${code}` : errorMessageKey(code);
}

/** What names a downloaded invoice: its order, its number and, when known, its file type. */
export type InvoiceFileRef = Pick<InvoiceRequest, 'orderNumber' | 'invoiceNumber'> & { fileType?: InvoiceRequest['fileType'] };

/** The name a downloaded invoice is saved under, as the API names it: `invoice-<order>-<number>.pdf`. */
export function invoiceFileName(invoice: InvoiceFileRef, mediaType = ''): string {
  const type = invoice.fileType ?? (mediaType.includes('ofd') ? 'OFD' : 'PDF');
  return `invoice-${invoice.orderNumber}-${invoice.invoiceNumber ?? 'file'}.${type.toLowerCase()}`;
}

/**
 * Saves an issued invoice's file as the browser saves a download. The file routes need the bearer
 * token, so a plain link cannot fetch them: the typed client does, and the blob is handed over.
 */
export async function saveInvoiceFile(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  invoice: InvoiceFileRef,
): Promise<void> {
  const blob = (await unwrap(call)) as Blob;
  saveBlob(blob, invoiceFileName(invoice, blob.type));
}

/** The invoices of one of the buyer's orders: one per shipped part, and red-letter ones for refunds after invoicing. */
export async function listOrderInvoices(number: string): Promise<InvoiceRequest[]> {
  return (await unwrap(api.GET('/api/orders/{number}/invoices', { params: { path: { number } } }))).items;
}

/** Saves an issued invoice of the buyer's order. */
export function downloadOrderInvoice(invoice: InvoiceRequest): Promise<void> {
  return saveInvoiceFile(
    api.GET('/api/orders/{number}/invoices/{id}/file', {
      params: { path: { number: invoice.orderNumber, id: invoice.id } },
      parseAs: 'blob',
    }),
    invoice,
  );
}
