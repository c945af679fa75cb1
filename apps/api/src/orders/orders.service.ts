import { Inject, Injectable } from '@nestjs/common';
import { nextOrderStatus, type OrderStatus, type OrderTab, type OrderTransition } from '@qh/domain';
import type { AuthUser } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { decodeCursor, keysetPage } from '../common/keyset-cursor';
import { UnitOfWork, type Work } from '../database/unit-of-work';
import { PAYMENT_PROVIDER, type PaymentProvider } from '../payments/payment-provider';
import { PaymentsService, type OrderPayments, type PaymentSummaryRow } from '../payments/payments.service';
import { RefundsService, toRefund } from '../payments/refunds.service';
import { AdminOrderPageDto, FulfillmentDto, OrderDto, OrderImpactDto, OrderLineDto, OrderPageDto, PaymentInfoDto } from './dto/order.dto';
import { OrderTransitions } from './order-transitions';
import { orderInvoice } from '../invoices/dto/invoice-profile.dto';
import {
  FulfillmentRow,
  OrderDetails,
  OrderImpactRow,
  OrderLineRow,
  OrderRow,
  OrdersRepository,
  type OrderWithDetails,
} from './orders.repository';
import { Clock } from '../config/clock';

const DEFAULT_PAGE_SIZE = 20;

export function toLine(row: OrderLineRow): OrderLineDto {
  return {
    id: row.id,
    variantId: row.variantId,
    productSlug: row.productSlug,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    labelZh: row.labelZh,
    labelEn: row.labelEn,
    unitPriceFen: row.unitPriceFen,
    quantity: row.quantity,
    refundedQuantity: row.refundedQuantity,
    lineTotalFen: row.lineTotalFen,
    certified: row.certified,
    shipsFrom: row.shipsFrom,
    imageUrl: row.imageUrl,
    lots: row.lots,
  };
}

export function toFulfillment(row: FulfillmentRow, lines: OrderLineRow[]): FulfillmentDto {
  return {
    id: row.id,
    cooperative: { id: row.cooperativeId, name: row.cooperativeName, nameEn: row.cooperativeNameEn },
    status: row.status,
    shippingClass: row.shippingClass,
    weightG: row.weightG,
    itemsFen: row.itemsFen,
    feeFen: row.feeFen,
    shipsFrom: row.shipsFrom,
    carrier: row.carrier,
    trackingNo: row.trackingNo,
    shippedAt: row.shippedAt ? new Date(row.shippedAt).toISOString() : null,
    lines: lines.filter((line) => line.fulfillmentId === row.id).map(toLine),
    acceptance: row.acceptance,
  };
}

/** A buyer's orders: reading them, paying on the demo page, cancelling before anything ships, confirming receipt. */
@Injectable()
export class OrdersService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly orders: OrdersRepository,
    private readonly payments: PaymentsService,
    private readonly refunds: RefundsService,
    private readonly transitions: OrderTransitions,
    private readonly clock: Clock,
  ) {}

  /** An order read with its details (findWithDetails), with its payments and refunds, as its buyer sees it. */
  async dressOne({ order, details }: OrderWithDetails, payments: OrderPayments): Promise<OrderDto> {
    return (await this.dress([order], details, payments))[0];
  }

  /** For admins: orders found by number, mobile or email, and status, newest first; the mobile masked in the list. */
  async search(query: { q?: string; status?: OrderStatus; limit?: number; cursor?: string }): Promise<AdminOrderPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const found = await this.orders.search(query, limit + 1, query.cursor ? decodeCursor(query.cursor, 'admin-orders') : undefined);
    return keysetPage(found, limit, 'admin-orders', (row) => ({
      number: row.number,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      totalFen: row.totalFen,
      refundedFen: row.refundedFen,
      buyerEmail: row.buyerEmail,
      recipient: row.recipient,
      mobileMasked: maskMobile(row.mobile),
      cooperatives: row.cooperatives ?? [],
    }));
  }

  /** For staff: any order by its number. */
  async byNumber(number: string): Promise<OrderDto> {
    const order = await this.orders.findByNumber(number);
    if (!order) throw new AppError('ORDER_NOT_FOUND', 'No such order.');
    return (await this.dress([order]))[0];
  }

  /**
   * Someone else's order number answers the same as no order at all: numbers are not secrets, orders
   * are. An organisation's order is the organisation's, seen in its own screens (org/orders).
   */
  async forBuyer(buyer: AuthUser, number: string): Promise<OrderDto> {
    const order = await this.orders.findByNumber(number);
    if (!order || order.buyerId !== buyer.id || order.organisationId) throw new AppError('ORDER_NOT_FOUND', 'No such order.');
    return (await this.dress([order]))[0];
  }

  /** The order its buyer of record just paid (or tried to): an organisation's too, which its purchaser pays. */
  async forPayer(buyer: AuthUser, number: string): Promise<OrderDto> {
    const order = await this.orders.findByNumber(number);
    if (!order || order.buyerId !== buyer.id) throw new AppError('ORDER_NOT_FOUND', 'No such order.');
    return (await this.dress([order]))[0];
  }

  async list(buyer: AuthUser, query: { limit?: number; cursor?: string; tab?: OrderTab }): Promise<OrderPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor, 'orders') : undefined;
    const rows = await this.orders.listForBuyer(buyer.id, limit + 1, after, query.tab);
    const page = keysetPage(rows, limit, 'orders', (row) => row);
    return { items: await this.dress(page.items), nextCursor: page.nextCursor };
  }

  /**
   * Before any part ships. The stock goes back; an unpaid order's payment is stopped at the provider,
   * a paid one is refunded in full (the order shows the refund as pending until the provider confirms).
   */
  async cancel(buyer: AuthUser, number: string): Promise<OrderDto> {
    await this.change(buyer, number, 'cancel', (work, order) => this.cancelLocked(work, order.id, buyer.id));
    return this.forBuyer(buyer, number);
  }

  /**
   * Cancels an order the caller locked and may cancel: the stock goes back; a payment is stopped, or
   * refunded in full once paid. An order that waited for approval never had one.
   */
  async cancelLocked(work: Work, orderId: string, actorId: string): Promise<void> {
    const payment = await this.payments.lockForOrder(work.manager, { orderId });
    await this.transitions.cancel(work.manager, orderId, 'BUYER', actorId);
    if (payment?.paymentStatus === 'SUCCEEDED') await this.refunds.refundCancelled(work, payment, actorId);
    else if (payment) await this.payments.cancelUnpaid(work, payment, { atProvider: true });
    work.catalogChanged();
  }

  async confirmReceipt(buyer: AuthUser, number: string): Promise<OrderDto> {
    await this.change(buyer, number, 'complete', async ({ manager }, order) => {
      if (!(await this.transitions.complete(manager, order)))
        throw new AppError('ORDER_STATUS_CONFLICT', 'Part of this order has not shipped yet.');
    });
    return this.forBuyer(buyer, number);
  }

  /** Locks the buyer's order, checks the transition is allowed, and runs `apply` in the same transaction. */
  private async change(
    buyer: AuthUser,
    number: string,
    transition: OrderTransition,
    apply: (work: Work, order: { id: string; status: OrderStatus; expiresAt: Date }) => Promise<void>,
  ): Promise<void> {
    await this.unitOfWork.run(async (work) => {
      const order = await this.orders.lockByNumber(work.manager, number);
      if (!order || order.buyerId !== buyer.id || order.organisationId) throw new AppError('ORDER_NOT_FOUND', 'No such order.');
      if (!nextOrderStatus(order.status, transition)) {
        throw new AppError('ORDER_STATUS_CONFLICT', `A ${order.status} order cannot be ${PAST[transition]}.`);
      }
      await apply(work, order);
    });
  }

  /** Orders as their buyers see them: parts, lines, payment, refunds and impact, in a few queries for the whole page. */
  async dress(rows: OrderRow[], known?: OrderDetails, knownPayments?: OrderPayments): Promise<OrderDto[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    // One after the other: at once, each page would hold two of the pool's connections.
    const { fulfillments, lines, impacts } = known ?? (await this.orders.details(ids));
    const { payments: paymentRows, refunds } = knownPayments ?? (await this.payments.forOrders(ids));
    const impactOf = new Map(impacts.map((impact) => [impact.orderId, impact]));
    const payments = new Map(paymentRows.map((payment) => [payment.orderId, payment]));
    return rows.map((row) => ({
      number: row.number,
      status: row.status,
      itemsFen: row.itemsFen,
      shippingFen: row.shippingFen,
      totalFen: row.totalFen,
      linkedSalesFen: row.linkedSalesFen,
      householdPoolFen: row.householdPoolFen,
      address: row.address,
      note: row.note,
      invoice: orderInvoice(row.invoice),
      expiresAt: row.expiresAt.toISOString(),
      paidAt: row.paidAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      cancelReason: row.cancelReason,
      refundedFen: row.refundedFen,
      fulfillments: fulfillments.filter((f) => f.orderId === row.id).map((f) => toFulfillment(f, lines)),
      payment: this.paymentInfo(row, payments.get(row.id)),
      refunds: refunds.filter((r) => r.orderId === row.id).map(toRefund),
      impact: this.impactOf(row, impactOf.get(row.id)),
    }));
  }

  /** What the order does for the households now: its attribution at payment, less what refunds took back. */
  private impactOf(row: OrderRow, impact: OrderImpactRow | undefined): OrderImpactDto {
    return {
      linkedSalesFen: row.linkedSalesFen + (impact?.reversedLinkedSalesFen ?? 0),
      poolFen: row.householdPoolFen + (impact?.reversedPoolFen ?? 0),
      cooperatives: impact?.cooperatives ?? [],
      households: impact?.households ?? 0,
    };
  }

  /** The client secret lets the buyer's browser pay, so it is only handed out while the order can still be paid. */
  private paymentInfo(order: OrderRow, payment: PaymentSummaryRow | undefined): PaymentInfoDto | null {
    if (!payment) return null;
    const payable = order.status === 'AWAITING_PAYMENT' && order.expiresAt > this.clock.now();
    return {
      provider: payment.provider,
      reference: payment.providerRef,
      status: payment.status,
      failure: payment.failure,
      clientSecret: payable ? payment.clientSecret : null,
      publishableKey: payable && payment.provider === this.provider.name ? this.provider.publishableKey : null,
    };
  }
}

const PAST: Record<OrderTransition, string> = {
  approve: 'approved',
  approveOnAccount: 'approved',
  reject: 'rejected',
  expireApproval: 'expired',
  pay: 'paid',
  settle: 'settled',
  expire: 'expired',
  cancel: 'cancelled',
  shipPart: 'shipped',
  shipLast: 'shipped',
  complete: 'completed',
  refundAll: 'refunded',
};

/** 138****8000: enough to confirm with a caller, not enough to call them. */
function maskMobile(mobile: string): string {
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : '****';
}
