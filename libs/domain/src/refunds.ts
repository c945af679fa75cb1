/** What money can still go back to a buyer, and which refunds a provider's running total confirms. */

export interface RefundableLine {
  id: string;
  /** The cooperative's part (fulfillment) it ships in. */
  partId: string;
  unitPriceFen: number;
  quantity: number;
  /** Already refunded or being refunded (pending refunds count: the same goods are never refunded twice). */
  refundedQuantity: number;
}

/** A cooperative's part of the order: its shipping fee, and whether it has left. */
export interface RefundablePart {
  id: string;
  feeFen: number;
  shipped: boolean;
}

/** What is left of an order to refund: its lines, its parts, and the shipping not yet given back. */
export interface RefundableOrder {
  lines: readonly RefundableLine[];
  parts: readonly RefundablePart[];
  shippingLeftFen: number;
}

export interface RefundPlan {
  amountFen: number;
  shippingFen: number;
  lines: { lineId: string; quantity: number; amountFen: number }[];
}

export type RefundRequest = { whole: true } | { whole: false; lines: readonly { lineId: string; quantity: number }[] };

export class RefundPlanError extends Error {
  constructor(
    readonly code: 'NOTHING_TO_REFUND' | 'UNKNOWN_LINE' | 'QUANTITY_TOO_LARGE' | 'DUPLICATE_LINE',
    message: string,
    readonly lineId?: string,
  ) {
    super(message);
  }
}

/**
 * The refund that `request` asks for. A whole-order refund is every unit not yet refunded plus the
 * shipping not yet refunded; a refund of chosen lines gives back those units at the price paid, and
 * the fee of each part that has not shipped and will have nothing left to send (that parcel is
 * called off). Units already refunded (or on their way back) cannot be asked for again.
 */
export function planRefund(order: RefundableOrder, request: RefundRequest): RefundPlan {
  const { lines, shippingLeftFen } = order;
  const byId = new Map(lines.map((line) => [line.id, line]));
  const wanted = request.whole
    ? lines.map((line) => ({ lineId: line.id, quantity: line.quantity - line.refundedQuantity })).filter((want) => want.quantity > 0)
    : request.lines;
  const seen = new Set<string>();
  const planned = wanted.map(({ lineId, quantity }) => {
    const line = byId.get(lineId);
    if (!line) throw new RefundPlanError('UNKNOWN_LINE', `Line ${lineId} is not part of this order.`, lineId);
    if (seen.has(lineId)) throw new RefundPlanError('DUPLICATE_LINE', `Line ${lineId} is listed twice.`, lineId);
    seen.add(lineId);
    const left = line.quantity - line.refundedQuantity;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > left) {
      throw new RefundPlanError('QUANTITY_TOO_LARGE', `Only ${left} of line ${lineId} can still be refunded.`, lineId);
    }
    return { lineId, quantity, amountFen: line.unitPriceFen * quantity };
  });
  const shippingFen = request.whole ? shippingLeftFen : Math.min(shippingLeftFen, feesOfEmptiedParts(order, planned));
  const amountFen = planned.reduce((sum, line) => sum + line.amountFen, 0) + shippingFen;
  if (amountFen <= 0) throw new RefundPlanError('NOTHING_TO_REFUND', 'Nothing of this order is left to refund.');
  return { amountFen, shippingFen, lines: planned };
}

/** The fees of the parts not yet shipped whose every unit is refunded once `planned` is. */
function feesOfEmptiedParts(order: RefundableOrder, planned: readonly { lineId: string; quantity: number }[]): number {
  const refunding = new Map(planned.map((want) => [want.lineId, want.quantity]));
  return order.parts
    .filter((part) => !part.shipped)
    .filter((part) => {
      const own = order.lines.filter((line) => line.partId === part.id);
      return (
        own.some((line) => refunding.has(line.id)) &&
        own.every((line) => line.refundedQuantity + (refunding.get(line.id) ?? 0) >= line.quantity)
      );
    })
    .reduce((sum, part) => sum + part.feeFen, 0);
}

/**
 * A provider reports the running total it has refunded on a payment (Stripe's `amount_refunded`).
 * Our pending refunds, oldest first, are confirmed while they fit in what is new in that total;
 * what is left once none is pending was refunded outside the marketplace (e.g. Stripe's dashboard).
 * Seeing the same total again confirms nothing more.
 */
export function refundsConfirmedBy(
  providerRefundedFen: number,
  confirmedFen: number,
  pendingOldestFirst: readonly { id: string; amountFen: number }[],
): { confirm: string[]; externalFen: number } {
  let leftFen = providerRefundedFen - confirmedFen;
  const confirm: string[] = [];
  for (const refund of pendingOldestFirst) {
    if (refund.amountFen > leftFen) break;
    confirm.push(refund.id);
    leftFen -= refund.amountFen;
  }
  const nonePending = confirm.length === pendingOldestFirst.length;
  return { confirm, externalFen: nonePending && leftFen > 0 ? leftFen : 0 };
}
