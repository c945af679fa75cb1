import type { ProductCategory, ShippingClass } from './catalog';
import { SHIPPING_CLASSES_BY_CATEGORY } from './catalog';

/** DRAFT → PENDING_REVIEW → PUBLISHED → ARCHIVED; a rejection sends a product back to DRAFT. */
export const PRODUCT_STATUSES = ['DRAFT', 'PENDING_REVIEW', 'PUBLISHED', 'ARCHIVED'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** Who may take each step: a cooperative submits and archives its own; only an admin approves or rejects. */
export const PRODUCT_TRANSITIONS = {
  submit: { from: ['DRAFT'], to: 'PENDING_REVIEW' },
  approve: { from: ['PENDING_REVIEW'], to: 'PUBLISHED' },
  reject: { from: ['PENDING_REVIEW'], to: 'DRAFT' },
  archive: { from: ['DRAFT', 'PENDING_REVIEW', 'PUBLISHED'], to: 'ARCHIVED' },
} as const satisfies Record<string, { from: readonly ProductStatus[]; to: ProductStatus }>;
export type ProductTransition = keyof typeof PRODUCT_TRANSITIONS;

/** The status after `transition`, or null when the product's status does not allow it. */
export function nextProductStatus(status: ProductStatus, transition: ProductTransition): ProductStatus | null {
  const { from, to } = PRODUCT_TRANSITIONS[transition];
  return (from as readonly ProductStatus[]).includes(status) ? to : null;
}

/**
 * What an admin checked when approving: what the product is and where it comes from. Changing any of
 * these on a published product takes it back to review; prices, stock, weights, sale window and
 * images do not, so a cooperative can run its shop day to day without going off sale.
 */
export const REVIEWED_PRODUCT_FIELDS = ['category', 'titleZh', 'titleEn', 'descriptionZh', 'descriptionEn', 'originTownshipCode'] as const;
export type ReviewedProductField = (typeof REVIEWED_PRODUCT_FIELDS)[number];

/** The status of a product after an edit that changed `changedFields`; archived products are not edited. */
export function statusAfterEdit(status: Exclude<ProductStatus, 'ARCHIVED'>, changedFields: readonly string[]): ProductStatus {
  const needsReview = changedFields.some((field) => (REVIEWED_PRODUCT_FIELDS as readonly string[]).includes(field));
  return status === 'PUBLISHED' && needsReview ? 'PENDING_REVIEW' : status;
}

export function isShippingClassAllowed(category: ProductCategory, shippingClass: ShippingClass): boolean {
  return SHIPPING_CLASSES_BY_CATEGORY[category].includes(shippingClass);
}
