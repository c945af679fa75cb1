import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { nextOrderStatus, type OrderStatus, type OrderTransition } from '@qh/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/current-user';
import { ProductsRepository } from '../catalog/products.repository';
import { AppError } from '../common/app-error';
import { ResponseCache } from '../common/http-cache.interceptor';
import { decodeCursor, keysetPage } from '../common/keyset-cursor';
import { FulfillmentDto, OrderDto, OrderLineDto, OrderPageDto } from './dto/order.dto';
import { FulfillmentRow, OrderLineRow, OrderRow, OrdersRepository } from './orders.repository';

const DEFAULT_PAGE_SIZE = 20;

export function toLine(row: OrderLineRow): OrderLineDto {
  return {
    id: row.id,
    variantId: row.variant_id,
    productSlug: row.product_slug,
    titleZh: row.title_zh,
    titleEn: row.title_en,
    labelZh: row.label_zh,
    labelEn: row.label_en,
    unitPriceFen: row.unit_price_fen,
    quantity: row.quantity,
    lineTotalFen: Number(row.line_total_fen),
    certified: row.certified,
    shipsFrom: row.ships_from,
  };
}

export function toFulfillment(row: FulfillmentRow, lines: OrderLineRow[]): FulfillmentDto {
  return {
    id: row.id,
    cooperative: { id: row.cooperative_id, name: row.cooperative_name, nameEn: row.cooperative_name_en },
    status: row.status,
    shippingClass: row.shipping_class,
    weightG: row.weight_g,
    itemsFen: Number(row.items_fen),
    feeFen: row.fee_fen,
    shipsFrom: row.ships_from,
    carrier: row.carrier,
    trackingNo: row.tracking_no,
    shippedAt: row.shipped_at ? new Date(row.shipped_at).toISOString() : null,
    lines: lines.filter((line) => line.fulfillment_id === row.id).map(toLine),
  };
}

/** A buyer's orders: reading them, paying on the demo page, cancelling before anything ships, confirming receipt. */
@Injectable()
export class OrdersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: OrdersRepository,
    private readonly products: ProductsRepository,
    private readonly responseCache: ResponseCache,
  ) {}

  async byId(orderId: string): Promise<OrderDto> {
    const order = await this.orders.findById(orderId);
    return (await this.dress([order!]))[0];
  }

  /** Someone else's order number answers the same as no order at all: numbers are not secrets, orders are. */
  async forBuyer(buyer: AuthUser, number: string): Promise<OrderDto> {
    const order = await this.orders.findByNumber(number);
    if (!order || order.buyer_id !== buyer.id) throw new AppError('ORDER_NOT_FOUND', 'No such order.');
    return (await this.dress([order]))[0];
  }

  async list(buyer: AuthUser, limit = DEFAULT_PAGE_SIZE, cursor?: string): Promise<OrderPageDto> {
    const rows = await this.orders.listForBuyer(buyer.id, limit + 1, cursor ? decodeCursor(cursor, 'orders') : undefined);
    const page = keysetPage(rows, limit, 'orders', (row) => row);
    return { items: await this.dress(page.items), nextCursor: page.nextCursor };
  }

  /** Demo provider only: the buyer pays on our own page. A payment for an expired order is refused. */
  async payDemo(buyer: AuthUser, number: string): Promise<OrderDto> {
    await this.change(buyer, number, 'pay', async (manager, order) => {
      if (order.expires_at <= new Date()) throw new AppError('ORDER_STATUS_CONFLICT', 'This order has expired; its stock was released.');
      await this.orders.setStatus(manager, order.id, 'PAID', { paid: true });
      await this.orders.setPaymentStatus(manager, order.id, 'SUCCEEDED');
    });
    return this.forBuyer(buyer, number);
  }

  async failDemo(buyer: AuthUser, number: string): Promise<OrderDto> {
    // A failed attempt changes the payment, not the order: the buyer may try again until the order expires.
    await this.change(buyer, number, 'pay', (manager, order) => this.orders.setPaymentStatus(manager, order.id, 'FAILED'));
    return this.forBuyer(buyer, number);
  }

  /** Before any part ships; the stock goes back. A paid order's refund comes with the payments work. */
  async cancel(buyer: AuthUser, number: string): Promise<OrderDto> {
    await this.change(buyer, number, 'cancel', async (manager, order) => {
      await this.orders.setStatus(manager, order.id, 'CANCELLED', { cancelReason: 'BUYER' });
      await this.orders.cancelFulfillments(manager, order.id);
      await this.orders.setPaymentStatus(manager, order.id, order.status === 'PAID' ? 'REFUNDED' : 'CANCELLED');
      await this.releaseStock(manager, order.id, buyer.id);
    });
    this.responseCache.clear();
    return this.forBuyer(buyer, number);
  }

  async confirmReceipt(buyer: AuthUser, number: string): Promise<OrderDto> {
    await this.change(buyer, number, 'complete', (manager, order) =>
      this.orders.setStatus(manager, order.id, 'COMPLETED', { completed: true }),
    );
    return this.forBuyer(buyer, number);
  }

  /** Puts an order's stock back, recorded against the order. */
  async releaseStock(manager: EntityManager, orderId: string, actorId: string | null): Promise<void> {
    for (const line of await this.orders.stockOf(manager, orderId)) {
      await this.products.adjustStock(manager, {
        variantId: line.variant_id,
        delta: line.quantity,
        reason: 'ORDER_RELEASED',
        note: null,
        actorId,
        orderId,
      });
    }
  }

  /** Locks the buyer's order, checks the transition is allowed, and runs `apply` in the same transaction. */
  private async change(
    buyer: AuthUser,
    number: string,
    transition: OrderTransition,
    apply: (manager: EntityManager, order: { id: string; status: OrderStatus; expires_at: Date }) => Promise<void>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const order = await this.orders.lockByNumber(manager, number);
      if (!order || order.buyer_id !== buyer.id) throw new AppError('ORDER_NOT_FOUND', 'No such order.');
      if (!nextOrderStatus(order.status, transition)) {
        throw new AppError('ORDER_STATUS_CONFLICT', `A ${order.status} order cannot be ${PAST[transition]}.`);
      }
      await apply(manager, order);
    });
  }

  private async dress(rows: OrderRow[]): Promise<OrderDto[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const { fulfillments, lines, payments: paymentRows } = await this.orders.details(ids);
    const payments = new Map(paymentRows.map((payment) => [payment.order_id, payment]));
    return rows.map((row) => ({
      number: row.number,
      status: row.status,
      itemsFen: Number(row.items_fen),
      shippingFen: Number(row.shipping_fen),
      totalFen: Number(row.total_fen),
      linkedSalesFen: Number(row.linked_sales_fen),
      householdPoolFen: Number(row.household_pool_fen),
      address: row.address,
      note: row.note,
      invoice: row.invoice,
      expiresAt: row.expires_at.toISOString(),
      paidAt: row.paid_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
      fulfillments: fulfillments.filter((f) => f.order_id === row.id).map((f) => toFulfillment(f, lines)),
      payment: payments.has(row.id)
        ? { provider: payments.get(row.id)!.provider, reference: payments.get(row.id)!.provider_ref, status: payments.get(row.id)!.status }
        : null,
    }));
  }
}

const PAST: Record<OrderTransition, string> = {
  pay: 'paid',
  expire: 'expired',
  cancel: 'cancelled',
  shipPart: 'shipped',
  shipLast: 'shipped',
  complete: 'completed',
};
