import type { components } from '@qh/api-client';
import { CLAIM_REASONS, CLAIM_TRANSITIONS, MAX_CLAIM_PHOTOS, type ClaimReason, type ClaimStatus } from '@qh/domain';
import { api, ApiError, errorMessageKey, unwrap } from '../../api';
import type { Fulfillment } from './orders';

/** 售后: a claim on lines of one shipped parcel. */
export type Claim = components['schemas']['ClaimDto'];
export type ClaimLine = Claim['lines'][number];
export type OpenClaimRequest = components['schemas']['OpenClaimDto'];
export { CLAIM_REASONS, MAX_CLAIM_PHOTOS, type ClaimReason, type ClaimStatus };

/** The photo types the API takes (it judges by content; the picker and the form check the type first). */
export const CLAIM_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** The API's limit on one photo. */
export const MAX_CLAIM_PHOTO_BYTES = 5 * 1024 * 1024;
/** A note to the cooperative: at most this many characters. */
export const MAX_CLAIM_NOTE = 500;

/** Codes of the after-sales pages with their own message under `claims.errors`. */
export const CLAIM_ERROR_CODES = [
  'CLAIM_WINDOW_CLOSED',
  'CLAIM_QUANTITY_TOO_LARGE',
  'CLAIM_LINE_NOT_FOUND',
  'NOTHING_CLAIMED',
  'CLAIM_STATUS_CONFLICT',
  'CLAIM_NOT_FOUND',
  'FULFILLMENT_STATUS_CONFLICT',
  'ORDER_STATUS_CONFLICT',
  'ORDER_NOT_FOUND',
  'TOO_MANY_IMAGES',
  'UNSUPPORTED_IMAGE_TYPE',
  'PAYLOAD_TOO_LARGE',
  'VALIDATION_FAILED',
] as const;

/** The i18n key of the message for an error code on the after-sales pages, falling back to the app's general messages. */
export function claimErrorKey(code: string): string {
  return (CLAIM_ERROR_CODES as readonly string[]).includes(code) ? `claims.errors.${code}` : errorMessageKey(code);
}

export function claimPath(id: string): string {
  return `/claims/${encodeURIComponent(id)}`;
}

/** The claim form for a parcel of an order, with `lineId`'s parcel chosen. */
export function claimFormLocation(number: string, lineId?: string) {
  return { name: 'order-claim', params: { number }, query: lineId ? { line: lineId } : {} } as const;
}

/** A lot's page, where its label's QR code leads. */
export function lotPath(code: string): string {
  return `/lot/${encodeURIComponent(code)}`;
}

/** Units of a line that can still be asked back: bought less refunded (the API also holds back units of open claims). */
export const unitsLeft = (line: { quantity: number; refundedQuantity: number }): number =>
  Math.max(0, line.quantity - line.refundedQuantity);

/** What the buyer may do with a claim now, as the domain's transitions say. */
export type BuyerClaimAction = 'acceptOffer' | 'escalate' | 'withdraw';
export function buyerMay(status: ClaimStatus, action: BuyerClaimAction): boolean {
  return (CLAIM_TRANSITIONS[action].from as readonly ClaimStatus[]).includes(status);
}

/** Still undecided: the buyer may add photos, and the cooperative (or an admin) has yet to settle it. */
export const claimOpen = (claim: Pick<Claim, 'closedAt' | 'status'>): boolean =>
  !claim.closedAt && (['OPEN', 'OFFERED', 'DISPUTED', 'ESCALATED'] as readonly ClaimStatus[]).includes(claim.status);

/** The order a claim is opened on: the buyer's own, or (for a receiver) the organisation's. */
export interface ClaimableOrder {
  number: string;
  /** An organisation's order, whose page is under /org. */
  organisation: boolean;
  fulfillments: Fulfillment[];
}

/**
 * Reads the order to claim on: the buyer's own (`/api/orders`), else, for a `member` of an organisation
 * (its receivers claim on its orders), the organisation's. Throws an ApiError (ORDER_NOT_FOUND, …).
 */
export async function loadClaimableOrder(number: string, options: { member: boolean }): Promise<ClaimableOrder> {
  try {
    const order = await unwrap(api.GET('/api/orders/{number}', { params: { path: { number } } }));
    return { number: order.number, organisation: false, fulfillments: order.fulfillments };
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'ORDER_NOT_FOUND' || !options.member) throw error;
    const order = await unwrap(api.GET('/api/org/orders/{number}', { params: { path: { number } } }));
    return { number: order.number, organisation: true, fulfillments: order.fulfillments };
  }
}

export async function listClaims(): Promise<Claim[]> {
  return (await unwrap(api.GET('/api/claims', { params: { query: { limit: 100 } } }))).items;
}

export async function getClaim(id: string): Promise<Claim> {
  return unwrap(api.GET('/api/claims/{id}', { params: { path: { id } } }));
}

/** Throws an ApiError: CLAIM_WINDOW_CLOSED, CLAIM_QUANTITY_TOO_LARGE (with the line), NOTHING_CLAIMED, … */
export async function openClaim(body: OpenClaimRequest): Promise<Claim> {
  return unwrap(api.POST('/api/claims', { body }));
}

/** Sends one photo as multipart/form-data (`file`) through the app's client, so the bearer token and its refresh apply. */
export async function uploadClaimPhoto(id: string, file: File): Promise<Claim> {
  return (await unwrap(
    api.POST('/api/claims/{id}/photos', {
      params: { path: { id } },
      // The generated type calls the binary part a string; the serializer below sends the File itself.
      body: { file: file as unknown as string },
      bodySerializer: () => {
        const form = new FormData();
        form.append('file', file);
        return form;
      },
    }),
  )) as Claim;
}

const ACTION_CALLS = {
  acceptOffer: (id: string) => unwrap(api.POST('/api/claims/{id}/accept-offer', { params: { path: { id } } })),
  escalate: (id: string) => unwrap(api.POST('/api/claims/{id}/escalate', { params: { path: { id } } })),
  withdraw: (id: string) => unwrap(api.POST('/api/claims/{id}/withdraw', { params: { path: { id } } })),
} satisfies Record<BuyerClaimAction, (id: string) => Promise<unknown>>;

/** Takes an offer, asks an admin to decide, or withdraws. Throws an ApiError (CLAIM_STATUS_CONFLICT, …). */
export async function actOnClaim(id: string, action: BuyerClaimAction): Promise<Claim> {
  return (await ACTION_CALLS[action](id)) as Claim;
}

/** One of the claim's photos, read with the bearer token (an <img> cannot send it). */
export async function claimPhoto(id: string, index: number): Promise<Blob> {
  return (await unwrap(api.GET('/api/claims/{id}/photos/{index}', { params: { path: { id, index } }, parseAs: 'blob' }))) as Blob;
}

/** Why a picked photo cannot go up, before it is sent: its type or its size. */
export function photoProblem(file: File): 'type' | 'size' | null {
  if (!(CLAIM_PHOTO_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > MAX_CLAIM_PHOTO_BYTES) return 'size';
  return null;
}
