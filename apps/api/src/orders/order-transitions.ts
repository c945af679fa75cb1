import { Injectable } from '@nestjs/common';
import { nextOrderStatus, shipmentTransition, type OrderStatus } from '@qh/domain';
import type { EntityManager } from 'typeorm';
import { ProductsRepository } from '../catalog/products.repository';
import { Ledger } from '../impact/ledger';
import { InvoiceRequestsService } from '../invoices/invoice-requests.service';
import { Outbox } from '../notifications/outbox';
import { FulfillmentsRepository } from './fulfillments.repository';
import { OrdersRepository } from './orders.repository';

/** Why an order was cancelled, as stored in `order.cancel_reason`. */
export type CancelReason =
  'BUYER' | 'RESERVATION_EXPIRED' | 'PAYMENT_CANCELED' | 'PAYMENT_UNAVAILABLE' | 'APPROVAL_REJECTED' | 'APPROVAL_EXPIRED';

/**
 * Every change of an order's status (the buyer, the deadline jobs, the payment webhook, refunds), and
 * what goes with it. Each runs inside the caller's transaction, on an order row the caller locked;
 * the moves themselves are the domain's state machine (`nextOrderStatus`).
 */
@Injectable()
export class OrderTransitions {
  constructor(
    private readonly orders: OrdersRepository,
    private readonly fulfillments: FulfillmentsRepository,
    private readonly products: ProductsRepository,
    private readonly outbox: Outbox,
    private readonly ledger: Ledger,
    private readonly invoices: InvoiceRequestsService,
  ) {}

  /** The caller has recorded the payment's success; this moves the order, writes the ledger and tells the buyer. */
  async markPaid(manager: EntityManager, order: { id: string; number: string; buyerId: string; totalFen: number }): Promise<void> {
    await this.orders.setStatus(manager, order.id, 'PAID', { paid: true });
    await this.countSale(manager, order);
  }

  /**
   * Bank transfers paid an order on account in full (the caller recorded them on its payment): it is
   * paid now, PAID if nothing has shipped yet, and only now does it enter the ledger, with the credits
   * given on it before (shortfalls found on delivery) reversed right after, in this transaction.
   */
  async settledOnAccount(
    manager: EntityManager,
    order: { id: string; number: string; buyerId: string; totalFen: number; status: OrderStatus },
  ): Promise<void> {
    await this.orders.setStatus(manager, order.id, nextOrderStatus(order.status, 'settle') ?? order.status, { paid: true });
    await this.countSale(manager, order);
    await this.ledger.recordCreditsBeforePayment(manager, order);
  }

  private async countSale(manager: EntityManager, order: { id: string; number: string; buyerId: string; totalFen: number }): Promise<void> {
    // What counts for the households is fixed now: certification as of the payment, the pool split among the lines.
    const attribution = await this.ledger.saleAttribution(manager, order.id);
    await this.orders.fixAttribution(manager, order.id, attribution);
    await this.outbox.write(manager, {
      topic: 'ORDER_PAID',
      dedupeKey: `ORDER_PAID:${order.id}`,
      accountId: order.buyerId,
      orderId: order.id,
      payload: { orderNumber: order.number, amountFen: order.totalFen },
    });
    // Last: the ledger ends on the rollup rows every payment shares.
    await this.ledger.recordSale(manager, order.id, attribution);
  }

  /** Nothing has shipped: every part is called off and all the stock goes back. The caller settles the payment. */
  async cancel(manager: EntityManager, orderId: string, reason: CancelReason, actorId: string | null): Promise<void> {
    await this.orders.setStatus(manager, orderId, 'CANCELLED', { cancelReason: reason });
    // Units refunded earlier went back to stock when their refund was confirmed.
    await this.releaseStock(manager, orderId, actorId, await this.orders.unitsNotRefunded(manager, orderId));
    await this.fulfillments.cancelUnshipped(manager, orderId);
  }

  /**
   * An approver agreed to an organisation's order (checked by the caller): it waits for payment now,
   * holding its stock for `reservationMinutes` more, or, paid on account, goes to the cooperatives at
   * once; the purchaser is told.
   */
  async approved(
    manager: EntityManager,
    order: { id: string; number: string; buyerId: string; totalFen: number; onAccount: boolean },
    decision: { by: string; reservationMinutes: number },
  ): Promise<void> {
    await this.orders.decide(manager, order.id, { by: decision.by, approved: true, reservationMinutes: decision.reservationMinutes });
    const status = nextOrderStatus('AWAITING_APPROVAL', order.onAccount ? 'approveOnAccount' : 'approve')!;
    await this.orders.setStatus(manager, order.id, status, { confirmed: order.onAccount });
    await this.tellPurchaser(manager, 'ORDER_APPROVED', order, { onAccount: order.onAccount });
  }

  /** An approver said no (checked by the caller): the order is cancelled, its stock goes back, and the purchaser reads why. */
  async rejected(
    manager: EntityManager,
    order: { id: string; number: string; buyerId: string; totalFen: number },
    decision: { by: string; reason: string },
  ): Promise<void> {
    await this.orders.decide(manager, order.id, { by: decision.by, approved: false, reason: decision.reason });
    await this.cancel(manager, order.id, 'APPROVAL_REJECTED', decision.by);
    await this.tellPurchaser(manager, 'ORDER_REJECTED', order, { reason: decision.reason });
  }

  private async tellPurchaser(
    manager: EntityManager,
    topic: 'ORDER_APPROVED' | 'ORDER_REJECTED',
    order: { id: string; number: string; buyerId: string; totalFen: number },
    extra: { reason?: string; onAccount?: boolean },
  ): Promise<void> {
    await this.outbox.write(manager, {
      topic,
      dedupeKey: `${topic}:${order.id}`,
      accountId: order.buyerId,
      orderId: order.id,
      payload: { orderNumber: order.number, amountFen: order.totalFen, ...extra },
    });
  }

  /** Tells the purchaser that nobody decided on the order in time (it was cancelled). */
  async approvalExpired(manager: EntityManager, orderId: string): Promise<void> {
    const order = (await this.orders.findById(orderId, manager))!;
    await this.outbox.write(manager, {
      topic: 'ORDER_APPROVAL_EXPIRED',
      dedupeKey: `ORDER_APPROVAL_EXPIRED:${orderId}`,
      accountId: order.buyerId,
      orderId,
      payload: { orderNumber: order.number },
    });
  }

  /** A cooperative shipped its part (checked by the caller): the order is partly or wholly shipped, and the buyer is told. */
  async shipped(
    manager: EntityManager,
    part: { id: string; orderId: string; orderStatus: OrderStatus; orderNumber: string; buyerId: string; cooperativeName: string },
    shipment: { carrier: string; trackingNo: string },
  ): Promise<OrderStatus> {
    await this.fulfillments.markShipped(manager, part.id, shipment.carrier, shipment.trackingNo);
    // The cooperative sold this part: if the order asked for an invoice, it is asked for one now.
    await this.invoices.shipped(manager, part.id);
    const { shipped, parts } = await this.fulfillments.shipmentCounts(manager, part.orderId);
    const status = nextOrderStatus(part.orderStatus, shipmentTransition(shipped, parts))!;
    await this.orders.setStatus(manager, part.orderId, status);
    await this.outbox.write(manager, {
      topic: 'ORDER_SHIPPED',
      dedupeKey: `ORDER_SHIPPED:${part.id}`,
      accountId: part.buyerId,
      orderId: part.orderId,
      payload: { orderNumber: part.orderNumber, cooperative: part.cooperativeName, ...shipment },
    });
    return status;
  }

  /** The buyer confirmed receipt, or the last shipment left long enough ago; false when the order cannot complete now. */
  async complete(manager: EntityManager, order: { id: string; status: OrderStatus }): Promise<boolean> {
    if (!nextOrderStatus(order.status, 'complete')) return false;
    // A partly refunded order completes once every part that is still coming has shipped.
    if (await this.orders.hasUnshippedPart(manager, order.id)) return false;
    await this.orders.setStatus(manager, order.id, 'COMPLETED', { completed: true });
    return true;
  }

  /**
   * A refund was confirmed: its money and units are refunded on the order and its lines, and the ledger gives back
   * their share. Once all of the order's money is back it is refunded in full (`whole`), whatever no line-by-line
   * refund covered included. Refunded units that had not shipped go back to stock, and a part left with nothing to
   * send is called off (its fee was in the refund), so the cooperative cannot ship it. `status` is the order's new
   * one, if it changed: REFUNDED, or SHIPPED when the parts called off were the last ones still to ship. A credit on
   * an order on account not paid yet touches no ledger: nothing was counted; it is reversed when the order is paid.
   */
  async refunded(
    manager: EntityManager,
    order: { id: string; buyerId: string; totalFen: number; status: OrderStatus; paid: boolean },
    refund: { id: string; amountFen: number },
  ): Promise<{ refundedFen: number; whole: boolean; status: OrderStatus | null }> {
    const refundedFen = await this.orders.addRefundedFen(manager, order.id, refund.amountFen);
    const whole = refundedFen >= order.totalFen;
    const movements = await this.ledger.refundMovements(manager, order.id, refund.id, whole);
    const units = movements.map((movement) => ({ lineId: movement.line.id, quantity: -movement.quantity }));
    await this.orders.addRefundedUnits(manager, units);
    if (order.paid) await this.ledger.recordRefund(manager, order, refund.id, whole, movements);
    await this.releaseStock(manager, order.id, null, await this.orders.unitsNotShipped(manager, units));
    const calledOff = await this.fulfillments.cancelEmptied(manager, order.id);
    const status = whole ? nextOrderStatus(order.status, 'refundAll') : calledOff ? await this.shippingStatus(manager, order) : null;
    if (status && status !== order.status) await this.orders.setStatus(manager, order.id, status);
    // An invoice issued already for more than a part now comes to needs a red-letter one.
    await this.invoices.refunded(manager, order.id, refund.id);
    return { refundedFen, whole, status: status === order.status ? null : status };
  }

  /** Where the goods of a paid order are, once some of its parts were called off. */
  private async shippingStatus(manager: EntityManager, order: { id: string; status: OrderStatus }): Promise<OrderStatus | null> {
    const { shipped, parts } = await this.fulfillments.shipmentCounts(manager, order.id);
    return shipped === 0 ? null : nextOrderStatus(order.status, shipmentTransition(shipped, parts));
  }

  /** Puts these units back in stock, recorded against the order. */
  private async releaseStock(
    manager: EntityManager,
    orderId: string,
    actorId: string | null,
    units: { variantId: string; quantity: number }[],
  ): Promise<void> {
    for (const line of units) {
      await this.products.adjustStock(manager, {
        variantId: line.variantId,
        delta: line.quantity,
        reason: 'ORDER_RELEASED',
        note: null,
        actorId,
        orderId,
      });
    }
  }
}
