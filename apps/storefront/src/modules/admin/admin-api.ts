import type { components } from '@qh/api-client';
import { api, errorMessageKey } from '../../api';
import { saveInvoiceFile, type InvoiceFileRef, type InvoiceRequest } from '../shop/invoices';

export type AdminCooperative = components['schemas']['ManagedCooperativeDto'];
export type ManagedProduct = components['schemas']['ManagedProductDto'];
export type CooperativeStatus = AdminCooperative['status'];
export type AdminOrganisation = components['schemas']['AdminOrganisationDto'];
export type ShortfallClaim = components['schemas']['ShortfallClaimDto'];
export type ShortfallClaimStatus = ShortfallClaim['status'];

export const COOPERATIVE_STATUSES = ['PENDING', 'VERIFIED', 'SUSPENDED'] as const satisfies readonly CooperativeStatus[];

/** The tabs of the shortfall claims: the queue to decide first. */
export const SHORTFALL_CLAIM_STATUSES = ['PENDING', 'REFUNDED', 'DECLINED'] as const satisfies readonly ShortfallClaimStatus[];

/** Codes of the admin pages with their own message under `admin.errors`. */
export const ADMIN_ERROR_CODES = [
  'INVALID_CREDIT_CODE',
  'COOPERATIVE_STATUS_CONFLICT',
  'COOPERATIVE_NOT_FOUND',
  'PRODUCT_STATUS_CONFLICT',
  'PRODUCT_NOT_FOUND',
  'VALIDATION_FAILED',
  'HOUSEHOLD_DUPLICATE',
  'HOUSEHOLD_NOT_FOUND',
  'CSV_INVALID',
  'ORGANISATION_STATUS_CONFLICT',
  'ORGANISATION_NOT_FOUND',
] as const;

/** The i18n key of the message for an error code on the admin pages, falling back to the app's general messages. */
export function adminErrorKey(code: string): string {
  return (ADMIN_ERROR_CODES as readonly string[]).includes(code) ? `admin.errors.${code}` : errorMessageKey(code);
}

/** Saves any issued invoice's file, for an admin chasing or checking it. */
export function downloadAdminInvoice(invoice: InvoiceFileRef & Pick<InvoiceRequest, 'id'>): Promise<void> {
  return saveInvoiceFile(
    api.GET('/api/admin/invoice-requests/{id}/file', { params: { path: { id: invoice.id } }, parseAs: 'blob' }),
    invoice,
  );
}

/** The marketplace's transfers to cooperatives against their monthly statements (issue 17). */
export type CoopTransfer = components['schemas']['CoopPayoutDto'];
export type CooperativeBalance = components['schemas']['CooperativeBalanceRowDto'];
export type CoopYearStatements = components['schemas']['YearStatementsDto'];
export type CoopMonthStatement = components['schemas']['MonthStatementDto'];

/** Codes of the transfers' page with their own message under `adminPayouts.errors`. */
const PAYOUT_ERROR_CODES = ['PAYOUT_EXCEEDS_STATEMENT', 'PAYOUT_STATUS_CONFLICT', 'PAYOUT_NOT_FOUND', 'VALIDATION_FAILED'] as const;

/** The i18n key of the message for an error code on the transfers' page, falling back to the admin pages'. */
export function payoutErrorKey(code: string): string {
  return (PAYOUT_ERROR_CODES as readonly string[]).includes(code) ? `adminPayouts.errors.${code}` : adminErrorKey(code);
}
