import type { ShippingClass } from './catalog';
import { SHIPPING_CLASSES } from './catalog';
import { chinaDay } from './days';

/**
 * AWAITING_PAYMENT → PAID → PARTIALLY_SHIPPED → SHIPPED → COMPLETED, or CANCELLED before anything
 * ships. Once paid, a confirmed refund makes it PARTIALLY_REFUNDED or, when all of it came back,
 * REFUNDED; a partly refunded order still ships and completes (most partial refunds are for goods
 * that arrived damaged).
 */
export const ORDER_STATUSES = [
  'AWAITING_PAYMENT',
  'PAID',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'COMPLETED',
  'CANCELLED',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses of an order whose money the marketplace holds: refunds start from these. */
export const PAID_STATUSES = [
  'PAID',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'COMPLETED',
  'PARTIALLY_REFUNDED',
] as const satisfies readonly OrderStatus[];

/** What can happen to an order, and from which statuses. */
export const ORDER_TRANSITIONS = {
  pay: { from: ['AWAITING_PAYMENT'], to: 'PAID' },
  /** The unpaid reservation ran out. */
  expire: { from: ['AWAITING_PAYMENT'], to: 'CANCELLED' },
  /** By the buyer, before any part has shipped. */
  cancel: { from: ['AWAITING_PAYMENT', 'PAID'], to: 'CANCELLED' },
  /** One cooperative shipped its part and others have not yet. */
  shipPart: { from: ['PAID', 'PARTIALLY_SHIPPED', 'PARTIALLY_REFUNDED'], to: 'PARTIALLY_SHIPPED' },
  /** The last part shipped. */
  shipLast: { from: ['PAID', 'PARTIALLY_SHIPPED', 'PARTIALLY_REFUNDED'], to: 'SHIPPED' },
  /** The buyer confirmed receipt, or the days to confirm ran out (a partly refunded order: once every part shipped). */
  complete: { from: ['SHIPPED', 'PARTIALLY_REFUNDED'], to: 'COMPLETED' },
  /** The provider confirmed a refund of part of what was paid. */
  refundPart: { from: PAID_STATUSES, to: 'PARTIALLY_REFUNDED' },
  /** The provider confirmed that everything paid has been given back. */
  refundAll: { from: PAID_STATUSES, to: 'REFUNDED' },
} as const satisfies Record<string, { from: readonly OrderStatus[]; to: OrderStatus }>;
export type OrderTransition = keyof typeof ORDER_TRANSITIONS;

/** The status after `transition`, or null when the order's status does not allow it. */
export function nextOrderStatus(status: OrderStatus, transition: OrderTransition): OrderStatus | null {
  const { from, to } = ORDER_TRANSITIONS[transition];
  return (from as readonly OrderStatus[]).includes(status) ? to : null;
}

/** The transition a shipment makes: the last part to ship completes the order's shipping. */
export function shipmentTransition(partsShippedAfter: number, parts: number): OrderTransition {
  return partsShippedAfter >= parts ? 'shipLast' : 'shipPart';
}

/** A mainland China mobile number: 11 digits starting 13–19. */
export function isMainlandMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

/** `QH20261129-000123`: the day in China (UTC+8) and a sequence number of at least six digits. */
export function formatOrderNumber(at: Date, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`sequence must be a positive integer (got ${sequence})`);
  const day = chinaDay(at).replaceAll('-', '');
  return `QH${day}-${String(sequence).padStart(6, '0')}`;
}

/** A package travels as cold as its coldest item. */
export function coldestShippingClass(classes: readonly ShippingClass[]): ShippingClass {
  if (classes.length === 0) throw new RangeError('A shipment needs at least one item');
  return classes.reduce((coldest, next) => (SHIPPING_CLASSES.indexOf(next) > SHIPPING_CLASSES.indexOf(coldest) ? next : coldest));
}

export interface ShippingRate {
  /** Covers the first `baseWeightG`. */
  baseFen: number;
  baseWeightG: number;
  /** Each started kilogram beyond the base weight. */
  perExtraKgFen: number;
  /** Items worth at least this ship free; null: never free. */
  freeOverFen: number | null;
}

/** The fee of one cooperative's shipment, in fen. */
export function shippingFeeFen(shipment: { itemsFen: number; weightG: number }, rate: ShippingRate): number {
  if (rate.freeOverFen !== null && shipment.itemsFen >= rate.freeOverFen) return 0;
  const extraKg = Math.ceil(Math.max(0, shipment.weightG - rate.baseWeightG) / 1000);
  return rate.baseFen + extraKg * rate.perExtraKgFen;
}
