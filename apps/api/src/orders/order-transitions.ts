import { Injectable } from '@nestjs/common';
import { nextOrderStatus, shipmentTransition, type OrderStatus } from '@qh/domain';
import type { EntityManager } from 'typeorm';
import { ProductsRepository } from '../catalog/products.repository';
import { Ledger } from '../impact/ledger';
import { Outbox } from '../notifications/outbox';
import { FulfillmentsRepository } from './fulfillments.repository';
import { OrdersRepository } from './orders.repository';

/** Why an order was cancelled, as stored in `order.cancel_reason`. */
export type CancelReason = 'BUYER' | 'RESERVATION_EXPIRED' | 'PAYMENT_CANCELED' | 'PAYMENT_UNAVAILABLE';

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
  ) {}

  /** The caller has recorded the payment's success; this moves the order, writes the ledger and tells the buyer. */
  async markPaid(manager: EntityManager, order: { id: string; number: string; buyerId: string; totalFen: number }): Promise<void> {
    await this.orders.setStatus(manager, order.id, 'PAID', { paid: true });
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
    await this.releaseStock(manager, orderId, actorId, 'all');
    await this.fulfillments.cancelUnshipped(manager, orderId);
  }

  /** A cooperative shipped its part (checked by the caller): the order is partly or wholly shipped, and the buyer is told. */
  async shipped(
    manager: EntityManager,
    part: { id: string; orderId: string; orderStatus: OrderStatus; orderNumber: string; buyerId: string; cooperativeName: string },
    shipment: { carrier: string; trackingNo: string },
  ): Promise<OrderStatus> {
    const { shipped, parts } = await this.fulfillments.markShipped(manager, part.id, shipment.carrier, shipment.trackingNo);
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
   * refund covered included: the parts not yet shipped are called off and their stock goes back. The order is
   * partly or wholly refunded when its state allows it; `status` is the new one, if it changed.
   */
  async refunded(
    manager: EntityManager,
    order: { id: string; buyerId: string; totalFen: number; status: OrderStatus },
    refund: { id: string; amountFen: number },
  ): Promise<{ refundedFen: number; whole: boolean; status: OrderStatus | null }> {
    const refundedFen = await this.orders.addRefundedFen(manager, order.id, refund.amountFen);
    const whole = refundedFen >= order.totalFen;
    const movements = await this.ledger.refundMovements(manager, order.id, refund.id, whole);
    await this.orders.addRefundedUnits(
      manager,
      movements.map((movement) => ({ lineId: movement.line.id, quantity: -movement.quantity })),
    );
    await this.ledger.recordRefund(manager, order, refund.id, whole, movements);
    const status = nextOrderStatus(order.status, whole ? 'refundAll' : 'refundPart');
    if (!status) return { refundedFen, whole, status: null };
    await this.orders.setStatus(manager, order.id, status);
    if (whole) {
      await this.releaseStock(manager, order.id, null, 'unshipped');
      await this.fulfillments.cancelUnshipped(manager, order.id);
    }
    return { refundedFen, whole, status };
  }

  /** Puts stock back, recorded against the order; `unshipped`: only the lines of parts still waiting to ship. */
  private async releaseStock(manager: EntityManager, orderId: string, actorId: string | null, which: 'all' | 'unshipped'): Promise<void> {
    for (const line of await this.orders.stockOf(manager, orderId, which)) {
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
