import type { components } from '@qh/api-client';
import { LOT_CODE_PATTERN, type ClaimStatus } from '@qh/domain';
import { api, unwrap } from '../../api';
import type { Claim } from '../shop/claims';
import { adminErrorKey } from './admin-api';

/** The tabs of the after-sales queue: what waits for an admin first, then what waits for others, then the closed. */
export const ADMIN_CLAIM_TABS = [
  'ESCALATED',
  'OPEN',
  'OFFERED',
  'DISPUTED',
  'SETTLED',
  'REJECTED',
  'WITHDRAWN',
] as const satisfies readonly ClaimStatus[];

/** Codes of the after-sales queue with their own message under `adminClaims.errors`. */
const CLAIM_ERROR_CODES = [
  'CLAIM_STATUS_CONFLICT',
  'CLAIM_QUANTITY_TOO_LARGE',
  'CLAIM_LINE_NOT_FOUND',
  'CLAIM_NOT_FOUND',
  'VALIDATION_FAILED',
] as const;

export function adminClaimErrorKey(code: string): string {
  return (CLAIM_ERROR_CODES as readonly string[]).includes(code) ? `adminClaims.errors.${code}` : adminErrorKey(code);
}

/** An admin decides what was escalated, or what the cooperative left unanswered past its time. */
export function adminMayDecide(claim: Pick<Claim, 'status' | 'answerDueAt'>, now = Date.now()): boolean {
  return claim.status === 'ESCALATED' || (claim.status === 'OPEN' && Date.parse(claim.answerDueAt) <= now);
}

const PAGE_SIZE = 50;

export async function listAdminClaims(status: ClaimStatus): Promise<Claim[]> {
  return (await unwrap(api.GET('/api/admin/claims', { params: { query: { status, limit: PAGE_SIZE } } }))).items;
}

/**
 * SETTLED with the units granted per line (refunded on the order), or REJECTED when every line is 0.
 * Throws an ApiError: CLAIM_STATUS_CONFLICT, CLAIM_QUANTITY_TOO_LARGE, …
 */
export async function decideClaim(id: string, body: components['schemas']['DecideClaimDto']): Promise<Claim> {
  return unwrap(api.POST('/api/admin/claims/{id}/decide', { params: { path: { id } }, body }));
}

export async function adminClaimPhoto(id: string, index: number): Promise<Blob> {
  return (await unwrap(api.GET('/api/admin/claims/{id}/photos/{index}', { params: { path: { id, index } }, parseAs: 'blob' }))) as Blob;
}

/** 批次 as the administration sees them, with who received each. */
export type AdminLot = components['schemas']['LotDto'];
export type LotRecipients = components['schemas']['LotRecipientsDto'];
export type QualityRow = components['schemas']['QualityRowDto'];
export type Quality = components['schemas']['QualityDto'];

/** A recall notice: what every buyer of the lot reads (the API takes 5–500 characters). */
export const RECALL_NOTICE = { min: 5, max: 500 } as const;

/** Codes of the lots page with their own message under `adminLots.errors`. */
const LOT_ERROR_CODES = ['LOT_NOT_FOUND', 'LOT_RECALLED', 'VALIDATION_FAILED'] as const;

export function adminLotErrorKey(code: string): string {
  return (LOT_ERROR_CODES as readonly string[]).includes(code) ? `adminLots.errors.${code}` : adminErrorKey(code);
}

/** A typed lot code as the API takes it (upper case, the label's alphabet), or null when it cannot be one. */
export function lotCodeOf(typed: string): string | null {
  const code = typed.trim().toUpperCase();
  return LOT_CODE_PATTERN.test(code) ? code : null;
}

/** The lot with `code`, or the newest lots when no code is given. */
export async function listAdminLots(code?: string): Promise<AdminLot[]> {
  return (await unwrap(api.GET('/api/admin/lots', { params: { query: code ? { code } : { limit: 20 } } }))).items;
}

export function lotRecipients(id: string): Promise<LotRecipients> {
  return unwrap(api.GET('/api/admin/lots/{id}/recipients', { params: { path: { id } } }));
}

/** Recalls a lot: its page shows the notice, every buyer who received it is told. Throws an ApiError (LOT_RECALLED, …). */
export function recallLot(id: string, notice: string): Promise<LotRecipients> {
  return unwrap(api.POST('/api/admin/lots/{id}/recall', { params: { path: { id } }, body: { notice } }));
}

export function loadQuality(): Promise<Quality> {
  return unwrap(api.GET('/api/admin/quality'));
}
