import { api, ApiError, errorMessageKey, unwrap } from '../../api';
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

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** An ApiError that also carries the API's per-field `details` of a VALIDATION_FAILED answer. */
export class FieldApiError extends ApiError {
  constructor(
    error: ApiError,
    readonly fieldProblems: FieldProblem[],
  ) {
    super(error.code, error.status, error.message, error.requestId);
  }
}

function fieldProblemsOf(body: unknown): FieldProblem[] {
  const details = (body as { details?: unknown } | undefined)?.details;
  if (!Array.isArray(details)) return [];
  return details.filter(
    (detail): detail is FieldProblem =>
      typeof detail?.field === 'string' && Array.isArray(detail.problems) && detail.problems.every((p: unknown) => typeof p === 'string'),
  );
}

/** Like `unwrap`, but a failure keeps the fields the API named, so the form can show them where they belong. */
export async function unwrapWithFields<Data>(call: Promise<{ data?: Data; error?: unknown; response: Response }>): Promise<Data> {
  let body: unknown;
  try {
    return await unwrap(
      call.then((result) => {
        body = result.error;
        return result;
      }),
    );
  } catch (error) {
    if (error instanceof ApiError) throw new FieldApiError(error, fieldProblemsOf(body));
    throw error;
  }
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
