import type { ShippingClass } from './catalog';
import { SHIPPING_CLASSES } from './catalog';
import { chinaDay } from './days';

/**
 * AWAITING_PAYMENT → PAID → PARTIALLY_SHIPPED → SHIPPED → COMPLETED, or CANCELLED before anything
 * ships, or REFUNDED once all of its money came back. An organisation's order at or above its
 * approval threshold starts in AWAITING_APPROVAL, holding its stock until an approver decides. An organisation
 * with credit terms pays on account: its order is confirmed ON_ACCOUNT instead of waiting for payment, ships
 * as a paid one does, and is settled by bank transfer later (`settle` while nothing has shipped; after that
 * the status follows the parcels and the order's paid time says it is settled). The status says where the goods are: a refund
 * of part of the order does not change it (the order's `refundedFen` and its lines' refunded units
 * say what came back), except that a parcel left with nothing to send is called off, which may make
 * the parcels already sent the last ones (`shipLast`).
 */
export const ORDER_STATUSES = [
  'AWAITING_APPROVAL',
  'AWAITING_PAYMENT',
  'ON_ACCOUNT',
  'PAID',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'COMPLETED',
  'CANCELLED',
  'REFUNDED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses of an order whose money the marketplace holds: refunds start from these. */
export const PAID_STATUSES = ['PAID', 'PARTIALLY_SHIPPED', 'SHIPPED', 'COMPLETED'] as const satisfies readonly OrderStatus[];

/**
 * The tabs of a buyer's order list: 待付款 (unpaid), 待发货 (a parcel still to ship), 待收货 (a parcel on
 * its way, not yet received), 退款/售后 (money came back or is on its way back). An order partly
 * shipped shows under both 待发货 and 待收货.
 */
export const ORDER_TABS = ['UNPAID', 'TO_SHIP', 'TO_RECEIVE', 'AFTER_SALES'] as const;
export type OrderTab = (typeof ORDER_TABS)[number];

/** What can happen to an order, and from which statuses. */
export const ORDER_TRANSITIONS = {
  /** An approver of the organisation agreed to the order; it is paid next. */
  approve: { from: ['AWAITING_APPROVAL'], to: 'AWAITING_PAYMENT' },
  /** An approver agreed to the order of an organisation with credit terms: it goes to the cooperatives, paid later. */
  approveOnAccount: { from: ['AWAITING_APPROVAL'], to: 'ON_ACCOUNT' },
  /** An approver turned it down, with a reason. */
  reject: { from: ['AWAITING_APPROVAL'], to: 'CANCELLED' },
  /** Nobody decided within the organisation's hold time. */
  expireApproval: { from: ['AWAITING_APPROVAL'], to: 'CANCELLED' },
  pay: { from: ['AWAITING_PAYMENT'], to: 'PAID' },
  /** A bank transfer paid an order on account before any of it shipped. */
  settle: { from: ['ON_ACCOUNT'], to: 'PAID' },
  /** The unpaid reservation ran out. */
  expire: { from: ['AWAITING_PAYMENT'], to: 'CANCELLED' },
  /** By the buyer, before any part has shipped. */
  cancel: { from: ['AWAITING_APPROVAL', 'AWAITING_PAYMENT', 'ON_ACCOUNT', 'PAID'], to: 'CANCELLED' },
  /** One cooperative shipped its part and others have not yet. */
  shipPart: { from: ['ON_ACCOUNT', 'PAID', 'PARTIALLY_SHIPPED'], to: 'PARTIALLY_SHIPPED' },
  /** The last part still to send shipped (or the only ones not sent were refunded and called off). */
  shipLast: { from: ['ON_ACCOUNT', 'PAID', 'PARTIALLY_SHIPPED'], to: 'SHIPPED' },
  /** The buyer confirmed receipt, or the days to confirm ran out. */
  complete: { from: ['SHIPPED'], to: 'COMPLETED' },
  /** The provider confirmed that everything paid has been given back. */
  refundAll: { from: PAID_STATUSES, to: 'REFUNDED' },
} as const satisfies Record<string, { from: readonly OrderStatus[]; to: OrderStatus }>;
export type OrderTransition = keyof typeof ORDER_TRANSITIONS;

/** The status after `transition`, or null when the order's status does not allow it. */
export function nextOrderStatus(status: OrderStatus, transition: OrderTransition): OrderStatus | null {
  const { from, to } = ORDER_TRANSITIONS[transition];
  return (from as readonly OrderStatus[]).includes(status) ? to : null;
}

/**
 * The transition a shipment makes: the last part to ship completes the order's shipping. `parts`
 * counts the parts still meant to ship (shipped or waiting), not those called off.
 */
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

/** The carriers cooperatives ship with, each with the shape of its tracking numbers (运单号). */
export const CARRIERS = [
  { name: '顺丰速运', nameEn: 'SF Express', tracking: /^SF\d{12,13}$/, example: 'SF1234567890123' },
  { name: '京东物流', nameEn: 'JD Logistics', tracking: /^JD[A-Z0-9]{10,14}$/, example: 'JDVA12345678901' },
  { name: '中国邮政 EMS', nameEn: 'China Post EMS', tracking: /^(1\d{12}|[A-Z]{2}\d{9}CN)$/, example: '1012345678901' },
  { name: '中通快递', nameEn: 'ZTO Express', tracking: /^\d{12,15}$/, example: '75312345678901' },
  { name: '圆通速递', nameEn: 'YTO Express', tracking: /^YT\d{13,15}$/, example: 'YT1234567890123' },
  { name: '申通快递', nameEn: 'STO Express', tracking: /^\d{12,15}$/, example: '773123456789012' },
  { name: '韵达快递', nameEn: 'Yunda Express', tracking: /^\d{13,15}$/, example: '4312345678901' },
] as const;

/** Any other carrier: letters, digits and dashes. */
const ANY_TRACKING = /^[A-Za-z0-9-]{6,40}$/;

/**
 * Whether `trackingNo` can be a tracking number of `carrier`: the carrier's own shape when it is one
 * of CARRIERS (a typo in an SF number is caught before the buyer tries it), any plain one otherwise.
 */
export function isTrackingNumberOf(carrier: string, trackingNo: string): boolean {
  const known = CARRIERS.find((candidate) => candidate.name === carrier.trim());
  return (known?.tracking ?? ANY_TRACKING).test(trackingNo.trim());
}
