import { api, errorMessageKey, unwrap } from '../../api';
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
