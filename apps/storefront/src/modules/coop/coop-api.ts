import { api, errorMessageKey, unwrap } from '../../api';
import { saveInvoiceFile, type InvoiceRequest } from '../shop/invoices';
import type { ManagedProduct } from './product-form';

/** Codes of the cooperative portal with their own message under `coop.errors`. */
export const COOP_ERROR_CODES = [
  'NOT_YOUR_COOPERATIVE',
  'COOPERATIVE_SUSPENDED',
  'SHIPPING_CLASS_NOT_ALLOWED',
  'SKU_TAKEN',
  'VARIANT_LABEL_TAKEN',
  'INSUFFICIENT_STOCK',
  'PRODUCT_STATUS_CONFLICT',
  'PRODUCT_NOT_FOUND',
  'VARIANT_NOT_FOUND',
  'UNSUPPORTED_IMAGE_TYPE',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_IMAGES',
  'TOO_MANY_VARIANTS',
  'VALIDATION_FAILED',
] as const;

/** The i18n key of the message for an error code in the portal, falling back to the app's general messages. */
export function coopErrorKey(code: string): string {
  return (COOP_ERROR_CODES as readonly string[]).includes(code) ? `coop.errors.${code}` : errorMessageKey(code);
}

/** Sends one photo as multipart/form-data through the app's client, so the bearer token and its refresh apply. */
export function uploadProductImage(productId: string, file: File): Promise<ManagedProduct> {
  return unwrap(
    api.POST('/api/coop/products/{id}/images', {
      params: { path: { id: productId } },
      // The generated type calls the binary part a string; the serializer below sends the File itself.
      body: { image: file as unknown as string },
      bodySerializer: () => {
        const form = new FormData();
        form.append('image', file);
        return form;
      },
    }),
  );
}

/** The e-invoice that closes an invoice request, with what it says: multipart/form-data, the file in `file`. */
export interface IssuedInvoice {
  invoiceNumber: string;
  issuedOn: string;
  amountFen: number;
  file: File;
}

/**
 * Uploads the cooperative's e-invoice (PDF or OFD, at most 5 MB) for exactly the amount due. Throws an
 * ApiError: INVOICE_AMOUNT_MISMATCH, UNSUPPORTED_INVOICE_FILE, PAYLOAD_TOO_LARGE, INVOICE_NUMBER_TAKEN,
 * INVOICE_REQUEST_STATUS_CONFLICT, VALIDATION_FAILED (with the fields).
 */
export function issueInvoice(id: string, issued: IssuedInvoice): Promise<InvoiceRequest> {
  return unwrap(
    api.POST('/api/coop/invoice-requests/{id}/invoice', {
      params: { path: { id } },
      // The generated type calls the file a string; the serializer below sends the File itself.
      body: { ...issued, file: issued.file as unknown as string },
      bodySerializer: () => {
        const form = new FormData();
        form.append('invoiceNumber', issued.invoiceNumber);
        form.append('issuedOn', issued.issuedOn);
        form.append('amountFen', String(issued.amountFen));
        form.append('file', issued.file);
        return form;
      },
    }),
  );
}

/** Saves an invoice the cooperative issued. */
export function downloadCoopInvoice(invoice: InvoiceRequest): Promise<void> {
  return saveInvoiceFile(
    api.GET('/api/coop/invoice-requests/{id}/file', { params: { path: { id: invoice.id } }, parseAs: 'blob' }),
    invoice,
  );
}
