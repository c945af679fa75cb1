import type { components } from '@qh/api-client';
import { nextOrderStatus, type OrderStatus } from '@qh/domain';
import type { FieldProblem } from '../../api';

export type Cart = components['schemas']['CartDto'];
export type CartLine = components['schemas']['CartLineDto'];
export type CartLineProblem = NonNullable<CartLine['problem']>;
export type CheckoutRequest = components['schemas']['CheckoutDto'];
export type Order = components['schemas']['OrderDto'];
export type Fulfillment = components['schemas']['FulfillmentDto'];

export function orderPath(number: string): string {
  return `/orders/${encodeURIComponent(number)}`;
}

/** Lines grouped by the cooperative that ships them, in the order the cart lists them. */
export function groupByCooperative(lines: readonly CartLine[]): { cooperative: CartLine['cooperative']; lines: CartLine[] }[] {
  const groups = new Map<string, { cooperative: CartLine['cooperative']; lines: CartLine[] }>();
  for (const line of lines) {
    const group = groups.get(line.cooperative.id) ?? { cooperative: line.cooperative, lines: [] };
    group.lines.push(line);
    groups.set(line.cooperative.id, group);
  }
  return [...groups.values()];
}

/** The cart line ids a checkout error names (`cart.lines.<id>`), with the API's words for each. */
export function problemLines(details: readonly FieldProblem[]): Map<string, string[]> {
  const lines = new Map<string, string[]>();
  for (const detail of details) {
    const match = /^cart\.lines\.(.+)$/.exec(detail.field);
    if (match) lines.set(match[1]!, detail.problems);
  }
  return lines;
}

/** The buyer may cancel before any part has shipped. */
export const canCancel = (status: OrderStatus) => nextOrderStatus(status, 'cancel') !== null;
export const canConfirmReceipt = (status: OrderStatus) => nextOrderStatus(status, 'complete') !== null;
/** Some of the money came back, and the order goes on for the rest. */
export const partlyRefunded = (order: { status: OrderStatus; refundedFen: number }) => order.refundedFen > 0 && order.status !== 'REFUNDED';
export type Quote = components['schemas']['QuoteDto'];
export type SavedAddress = components['schemas']['SavedAddressDto'];
