import { MAX_BULK_LINE_QUANTITY, nextOrderStatus, type OrganisationRole } from '@qh/domain';
import { errorMessageKey, type FieldProblem } from '../../api';
import { normalizeDigits } from '../../lib/yuan-input';
import type { DeliveryProblem, OrgOrder, OrgOrderStatus } from './org-api';

/**
 * The tabs of the organisation's order list beside 全部. The API filters by one status at a time, so
 * "in progress" is told as its steps: paid (to ship) and shipped; a partly shipped, completed or
 * refunded order shows under 全部.
 */
export const ORG_ORDER_TABS = [
  'AWAITING_APPROVAL',
  'AWAITING_PAYMENT',
  'ON_ACCOUNT',
  'PAID',
  'SHIPPED',
  'CANCELLED',
] as const satisfies readonly OrgOrderStatus[];
export type OrgOrderTab = (typeof ORG_ORDER_TABS)[number];

/** Why a delivery day does not work, in the order the form words them. */
export const DELIVERY_PROBLEMS = ['TOO_SOON', 'TOO_FAR', 'OUT_OF_SEASON', 'SITE_CLOSED'] as const satisfies readonly DeliveryProblem[];

/** A note for the cooperatives and the driver: the API's OrgOrderRequestDto allows 200 characters. */
export const NOTE_MAX = 200;

export function orgOrderPath(number: string): string {
  return `/org/orders/${encodeURIComponent(number)}`;
}

/** A receiver's note on what arrived: the API's AcceptanceInputDto allows 500 characters. */
export const ACCEPTANCE_NOTE_MAX = 500;

/** The units of a line accepted on delivery as typed, or null unless a whole number from 0 to the `sent` units. */
export function parseAcceptedQuantity(text: string, sent: number): number | null {
  const normalized = normalizeDigits(text.trim());
  if (!/^\d+$/.test(normalized)) return null;
  const quantity = Number(normalized);
  return quantity <= sent ? quantity : null;
}

/** The i18n key of a refused acceptance: "not shipped or accepted already" is worded for the part, the rest as on the order. */
export function acceptanceErrorKey(code: string): string {
  return code === 'FULFILLMENT_STATUS_CONFLICT' ? 'acceptance.errors.FULFILLMENT_STATUS_CONFLICT' : orgOrderErrorKey(code);
}

/** A line's quantity as typed, or null unless it is a whole number of 1 to 9,999 units. */
export function parseQuantity(text: string): number | null {
  const normalized = normalizeDigits(text);
  if (!/^\d+$/.test(normalized)) return null;
  const quantity = Number(normalized);
  return quantity >= 1 && quantity <= MAX_BULK_LINE_QUANTITY ? quantity : null;
}

/** The problems of a refused delivery day (DELIVERY_DATE_UNAVAILABLE names them as the `deliveryOn` field's rules). */
export function deliveryProblemsOf(details: readonly FieldProblem[]): DeliveryProblem[] {
  const rules = details.filter((detail) => detail.field === 'deliveryOn').flatMap((detail) => detail.rules ?? []);
  return DELIVERY_PROBLEMS.filter((problem) => rules.includes(problem));
}

/** The lines a refusal names, by their place in the request (`lines.2`, `lines.2.variantId`). */
export function problemLineIndexes(details: readonly FieldProblem[]): Set<number> {
  const indexes = new Set<number>();
  for (const detail of details) {
    const match = /^lines\.(\d+)(?:\.|$)/.exec(detail.field);
    if (match) indexes.add(Number(match[1]));
  }
  return indexes;
}

/** Codes the organisation's order pages word their own way (the shop's speak of a cart). */
const ORG_ORDER_ERROR_CODES = [
  'ORGANISATION_STATUS_CONFLICT',
  'ORGANISATION_ROLE_REQUIRED',
  'OUT_OF_STOCK',
  'LINES_UNAVAILABLE',
  'COLD_CHAIN_UNAVAILABLE',
  'VALIDATION_FAILED',
] as const;

/** The i18n key of the message for an error code on the order pages, falling back to the app's general messages. */
export function orgOrderErrorKey(code: string): string {
  return (ORG_ORDER_ERROR_CODES as readonly string[]).includes(code) ? `org.orders.errors.${code}` : errorMessageKey(code);
}

/** What the signed-in member may do with an order, by their roles and whether they placed it. */
export function orderActions(order: OrgOrder, me: { accountId: string | undefined; roles: readonly OrganisationRole[] }) {
  const placedIt = order.placedBy.accountId === me.accountId;
  return {
    placedIt,
    /** Approvers decide while it waits; the API refuses SELF_APPROVAL when another approver could. */
    decide: me.roles.includes('APPROVER') && order.status === 'AWAITING_APPROVAL',
    cancel:
      nextOrderStatus(order.status, 'cancel') !== null && ((placedIt && me.roles.includes('PURCHASER')) || me.roles.includes('MANAGER')),
    pay: placedIt && order.status === 'AWAITING_PAYMENT',
    /** Receivers accept each shipped part on delivery (验收). */
    receive: me.roles.includes('RECEIVER'),
  };
}
