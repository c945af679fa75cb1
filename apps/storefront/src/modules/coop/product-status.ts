import { nextProductStatus, type ProductStatus } from '@qh/domain';

/** Only a draft (new, or sent back by a reviewer) can be submitted for review. */
export function canSubmit(status: ProductStatus): boolean {
  return nextProductStatus(status, 'submit') !== null;
}

/** Anything but an archived product can be taken off sale for good. */
export function canArchive(status: ProductStatus): boolean {
  return nextProductStatus(status, 'archive') !== null;
}

/** The API refuses changes to an archived product, except stock movements. */
export function canEdit(status: ProductStatus): boolean {
  return status !== 'ARCHIVED';
}
