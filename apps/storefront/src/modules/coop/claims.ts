import type { components } from '@qh/api-client';
import { CLAIM_STATUSES, shareBp } from '@qh/domain';
import { coopErrorKey } from './coop-api';

/** 售后: a buyer asks money back for delivered goods; the cooperative answers within 24 h. */
export type Claim = components['schemas']['ClaimDto'];
export type ClaimLine = components['schemas']['ClaimLineDto'];
export type ClaimStatus = Claim['status'];
export type ClaimDecision = components['schemas']['AnswerClaimDto']['decision'];
export type Quality = components['schemas']['QualityDto'];
export type QualityRow = components['schemas']['QualityRowDto'];

/** The tabs of the claims page: those waiting for the cooperative's answer first, then the rest of the way. */
export const CLAIM_TABS: readonly ClaimStatus[] = CLAIM_STATUSES;

/** Codes of answering a claim with their own message under `coopClaims.errors`. */
export const CLAIM_ERROR_CODES = [
  'CLAIM_STATUS_CONFLICT',
  'CLAIM_QUANTITY_TOO_LARGE',
  'CLAIM_LINE_NOT_FOUND',
  'CLAIM_NOT_FOUND',
  'CLAIM_PHOTO_NOT_FOUND',
  'NOTHING_CLAIMED',
  'VALIDATION_FAILED',
] as const;

export function claimErrorKey(code: string): string {
  return (CLAIM_ERROR_CODES as readonly string[]).includes(code) ? `coopClaims.errors.${code}` : coopErrorKey(code);
}

/** The portal's badge colour of each status: waiting on us, waiting on others, settled, refused, gone. */
export const CLAIM_STATUS_CLASSES: Record<ClaimStatus, string> = {
  OPEN: 'pending_review',
  OFFERED: 'pending',
  DISPUTED: 'rejected',
  ESCALATED: 'pending_review',
  SETTLED: 'verified',
  REJECTED: 'archived',
  WITHDRAWN: 'draft',
};

/** A dispute's reason, an offer's note: at most this many characters. */
export const MAX_ANSWER_NOTE = 500;

/** The share of parts shipped within 48 h, in basis points; null before anything shipped. */
export function onTimeBp(row: Pick<QualityRow, 'onTimeShipments' | 'shipments'>): number | null {
  return shareBp(row.onTimeShipments, row.shipments);
}
