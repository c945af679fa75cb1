import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrderStatus, RefundableOrder } from '@qh/domain';
import { DataSource, EntityManager } from 'typeorm';
import { matchingIds, preparedRowsForIds, preparedRowsIn, row, rows, type IdsParameter } from '../database/sql';

export type PaymentStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'REFUNDED';
export type RefundKind = 'ADMIN' | 'CANCELLATION' | 'LATE_PAYMENT' | 'EXTERNAL' | 'SHORTFALL' | 'CLAIM';
export type RefundStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED';

/** An order and its payment, locked together: every payment change starts from this row. */
export interface LockedPayment {
  orderId: string;
  orderNumber: string;
  buyerId: string;
  orderStatus: OrderStatus;
  expired: boolean;
  /** Paid: online, or on account once bank transfers covered it. */
  paid: boolean;
  totalFen: number;
  refundedFen: number;
  paymentId: string;
  provider: string;
  providerRef: string | null;
  paymentStatus: PaymentStatus;
  amountFen: number;
  currency: string;
}

const LOCKED_COLUMNS = `o.id AS "orderId", o.number AS "orderNumber", o.buyer_id AS "buyerId", o.status AS "orderStatus",
  o.expires_at <= qh_now() AS expired, o.paid_at IS NOT NULL AS paid, o.total_fen AS "totalFen",
  o.refunded_fen AS "refundedFen", p.id AS "paymentId", p.provider, p.provider_ref AS "providerRef",
  p.status AS "paymentStatus", p.amount_fen AS "amountFen", p.currency`;

/** What an order page shows of its payment. */
export interface PaymentSummaryRow {
  orderId: string;
  provider: string;
  providerRef: string | null;
  status: string;
  clientSecret: string | null;
  failure: string | null;
}

/** Orders' payments and refunds, as their pages show them. */
export interface OrderPayments {
  payments: PaymentSummaryRow[];
  refunds: RefundRow[];
}

const PAYMENT_SUMMARY_COLUMNS = `order_id AS "orderId", provider, provider_ref AS "providerRef", status, client_secret AS "clientSecret", failure`;

export interface RefundRow {
  id: string;
  orderId: string;
  kind: RefundKind;
  amountFen: number;
  shippingFen: number;
  reason: string;
  status: RefundStatus;
  providerRef: string | null;
  failure: string | null;
  createdAt: string;
  confirmedAt: string | null;
  lines: { orderLineId: string; quantity: number; amountFen: number }[];
}

export const REFUND_COLUMNS = `r.id, r.order_id AS "orderId", r.kind, r.amount_fen AS "amountFen", r.shipping_fen AS "shippingFen",
  r.reason, r.status, r.provider_ref AS "providerRef", r.failure, to_json(r.created_at)#>>'{}' AS "createdAt",
  to_json(r.confirmed_at)#>>'{}' AS "confirmedAt",
  (SELECT coalesce(json_agg(json_build_object('orderLineId', rl.order_line_id, 'quantity', rl.quantity, 'amountFen', rl.amount_fen)
                            ORDER BY rl.order_line_id), '[]')
     FROM refund_line rl WHERE rl.refund_id = r.id) AS lines`;

/** The payments and refunds of the orders `$1`, as two JSON columns. */
const paymentsOfOrders = (orders: IdsParameter) => `SELECT
  (SELECT coalesce(json_agg(z), '[]')
     FROM (SELECT ${PAYMENT_SUMMARY_COLUMNS} FROM payment WHERE order_id ${matchingIds(orders)}) z) AS payments,
  (SELECT coalesce(json_agg(r ORDER BY r."createdAt", r.id), '[]')
     FROM (SELECT ${REFUND_COLUMNS} FROM refund r WHERE r.order_id ${matchingIds(orders)}) r) AS refunds`;
/** One order's payment and refunds, as its page shows them (PaymentsRepository.forOrders of one order). */
export const PAYMENTS_OF_ONE_ORDER = paymentsOfOrders('one');
const PAYMENTS = { one: PAYMENTS_OF_ONE_ORDER, many: paymentsOfOrders('many') };

/** Payments, the provider events already handled, and refunds. Money columns come back as numbers (fen fit in a double exactly). */
@Injectable()
export class PaymentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The idempotency guard: true when this event id is new. A concurrent delivery of the same id
   * waits here for the first one's transaction and then finds it taken; if the first rolled back,
   * the second goes ahead.
   */
  async recordEvent(
    manager: EntityManager,
    event: { id: string; provider: string; type: string; paymentRef: string | null },
  ): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO payment_event (id, provider, type, payment_ref) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [event.id, event.provider, event.type, event.paymentRef],
    );
    return rows.length === 1;
  }

  /** By the provider's reference, or by our order id (from the payment's metadata) when the reference was never stored. */
  async lockByReference(
    manager: EntityManager,
    provider: string,
    reference: string,
    orderIdHint: string | null,
  ): Promise<LockedPayment | undefined> {
    const found = await row<{ orderId: string }>(
      manager,
      `SELECT order_id AS "orderId" FROM payment WHERE provider = $1 AND provider_ref = $2
       UNION ALL SELECT order_id FROM payment WHERE provider = $1 AND order_id = $3::uuid AND provider_ref IS NULL
       LIMIT 1`,
      [provider, reference, orderIdHint && /^[0-9a-f-]{36}$/i.test(orderIdHint) ? orderIdHint : null],
    );
    return found ? this.lock(manager, { orderId: found.orderId }) : undefined;
  }

  async lock(
    manager: EntityManager,
    by: { orderId: string } | { orderNumber: string },
    options: { skipLocked?: boolean } = {},
  ): Promise<LockedPayment | undefined> {
    // Every payment starts here: prepared, so that its connection plans it once (one of four texts).
    const [row] = await preparedRowsIn<LockedPayment>(
      manager,
      `SELECT ${LOCKED_COLUMNS} FROM "order" o JOIN payment p ON p.order_id = o.id
        WHERE ${'orderId' in by ? 'o.id = $1' : 'o.number = $1'} FOR UPDATE OF o, p${options.skipLocked ? ' SKIP LOCKED' : ''}`,
      ['orderId' in by ? by.orderId : by.orderNumber],
    );
    return row;
  }

  /** An order has one payment: it is found by the order. Answers the payment as its order's page shows it. */
  async setReference(
    orderId: string,
    reference: string,
    clientSecret: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PaymentSummaryRow> {
    const [payment] = await preparedRowsIn<PaymentSummaryRow>(
      manager,
      `UPDATE payment SET provider_ref = $2, client_secret = $3, updated_at = qh_now() WHERE order_id = $1
       RETURNING ${PAYMENT_SUMMARY_COLUMNS}`,
      [orderId, reference, clientSecret],
    );
    return payment;
  }

  async recordSuccess(manager: EntityManager, paymentId: string, received: { amountFen: number; currency: string }): Promise<void> {
    // Every payment writes this: prepared, so that its connection plans it once.
    await preparedRowsIn(
      manager,
      `UPDATE payment SET status = 'SUCCEEDED', received_fen = $2, received_currency = $3, succeeded_at = qh_now(), failure = NULL,
              review_reason = NULL, updated_at = qh_now() WHERE id = $1`,
      [paymentId, received.amountFen, received.currency],
    );
  }

  async flagForReview(
    manager: EntityManager,
    paymentId: string,
    received: { amountFen: number; currency: string },
    reason: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE payment SET received_fen = $2, received_currency = $3, review_reason = $4, updated_at = qh_now() WHERE id = $1`,
      [paymentId, received.amountFen, received.currency, reason],
    );
  }

  /** The order's payment, written with the order at checkout: pending until the provider has it. */
  /** Whether any of the order's goods (or of `lineIds`) sit in a part that has not shipped. */
  async hasUnshippedGoods(manager: EntityManager, orderId: string, lineIds: string[] | null): Promise<boolean> {
    const [found] = await manager.query(
      `SELECT 1 FROM order_line l JOIN fulfillment f ON f.id = l.fulfillment_id
        WHERE l.order_id = $1 AND f.status = 'PENDING' AND ($2::uuid[] IS NULL OR l.id = ANY($2::uuid[])) LIMIT 1`,
      [orderId, lineIds],
    );
    return Boolean(found);
  }

  async insert(manager: EntityManager, orderId: string, provider: string, amountFen: number): Promise<void> {
    await preparedRowsIn(manager, `INSERT INTO payment (order_id, provider, amount_fen) VALUES ($1, $2, $3)`, [
      orderId,
      provider,
      amountFen,
    ]);
  }

  /** The payments and refunds of a set of orders, for their pages, in one round trip. */
  async forOrders(orderIds: string[]): Promise<OrderPayments> {
    const [both] = await preparedRowsForIds<OrderPayments>(this.dataSource, PAYMENTS, orderIds);
    return both;
  }

  async setStatus(manager: EntityManager, orderId: string, status: PaymentStatus, failure: string | null = null): Promise<void> {
    await manager.query(`UPDATE payment SET status = $2, failure = coalesce($3, failure), updated_at = qh_now() WHERE order_id = $1`, [
      orderId,
      status,
      failure,
    ]);
  }

  /** Payments someone must look at, newest first. */
  flagged(limit: number): Promise<
    {
      orderNumber: string;
      provider: string;
      reference: string | null;
      amountFen: number;
      receivedFen: number | null;
      receivedCurrency: string | null;
      reviewReason: string;
      updatedAt: string;
    }[]
  > {
    return this.dataSource.query(
      `SELECT o.number AS "orderNumber", p.provider, p.provider_ref AS reference, p.amount_fen AS "amountFen",
              p.received_fen AS "receivedFen", p.received_currency AS "receivedCurrency", p.review_reason AS "reviewReason",
              to_json(p.updated_at)#>>'{}' AS "updatedAt"
         FROM payment p JOIN "order" o ON o.id = p.order_id WHERE p.review_reason IS NOT NULL ORDER BY p.updated_at DESC LIMIT $1`,
      [limit],
    );
  }

  // Refunds.

  /** Each line with the units already refunded or on their way back (failed refunds give their units back). */
  /** What of the order can still go back: refunds pending or confirmed count as given back, failed ones do not. */
  async refundable(manager: EntityManager, orderId: string): Promise<RefundableOrder> {
    const [order] = await rows<RefundableOrder>(
      manager,
      `SELECT (SELECT json_agg(json_build_object('id', l.id, 'partId', l.fulfillment_id, 'unitPriceFen', l.unit_price_fen, 'quantity', l.quantity,
                      'refundedQuantity', coalesce((SELECT sum(rl.quantity) FROM refund_line rl JOIN refund r ON r.id = rl.refund_id
                                                     WHERE rl.order_line_id = l.id AND r.status <> 'FAILED'), 0)) ORDER BY l.id)
                 FROM order_line l WHERE l.order_id = o.id) AS lines,
              (SELECT json_agg(json_build_object('id', f.id, 'feeFen', f.fee_fen, 'shipped', f.status = 'SHIPPED') ORDER BY f.id)
                 FROM fulfillment f WHERE f.order_id = o.id) AS parts,
              o.shipping_fen - (SELECT coalesce(sum(r.shipping_fen), 0) FROM refund r WHERE r.order_id = o.id AND r.status <> 'FAILED')
                AS "shippingLeftFen"
         FROM "order" o WHERE o.id = $1`,
      [orderId],
    );
    return order;
  }

  async insertRefund(
    manager: EntityManager,
    refund: {
      orderId: string;
      paymentId: string;
      kind: RefundKind;
      amountFen: number;
      shippingFen: number;
      reason: string;
      requestedBy: string | null;
      status?: RefundStatus;
      lines: { lineId: string; quantity: number; amountFen: number }[];
    },
  ): Promise<string> {
    const [{ id }] = await manager.query(
      `INSERT INTO refund (order_id, payment_id, kind, amount_fen, shipping_fen, reason, requested_by, status, confirmed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $8 = 'SUCCEEDED' THEN qh_now() END) RETURNING id`,
      [
        refund.orderId,
        refund.paymentId,
        refund.kind,
        refund.amountFen,
        refund.shippingFen,
        refund.reason,
        refund.requestedBy,
        refund.status ?? 'PENDING',
      ],
    );
    if (refund.lines.length) {
      await manager.query(
        `INSERT INTO refund_line (refund_id, order_line_id, quantity, amount_fen)
         SELECT $1, unnest($2::uuid[]), unnest($3::int[]), unnest($4::bigint[])`,
        [id, refund.lines.map((l) => l.lineId), refund.lines.map((l) => l.quantity), refund.lines.map((l) => l.amountFen)],
      );
    }
    return id;
  }

  /** The payment's refunds still waiting for the provider, oldest first, and the sum it has confirmed so far. */
  async refundState(
    manager: EntityManager,
    paymentId: string,
  ): Promise<{ pending: { id: string; amountFen: number }[]; confirmedFen: number }> {
    const rows: { id: string; amountFen: number; status: RefundStatus }[] = await manager.query(
      `SELECT id, amount_fen AS "amountFen", status FROM refund WHERE payment_id = $1 AND status <> 'FAILED' ORDER BY created_at, id`,
      [paymentId],
    );
    return {
      pending: rows.filter((r) => r.status === 'PENDING'),
      confirmedFen: rows.filter((r) => r.status === 'SUCCEEDED').reduce((sum, r) => sum + r.amountFen, 0),
    };
  }

  async refund(id: string, manager: EntityManager = this.dataSource.manager): Promise<RefundRow | undefined> {
    const [row] = await manager.query(`SELECT ${REFUND_COLUMNS} FROM refund r WHERE r.id = $1`, [id]);
    return row;
  }

  /** Succeeds once: the second confirmation of the same refund changes nothing and says so. */
  async markRefund(
    manager: EntityManager,
    id: string,
    change: { status: 'SUCCEEDED' } | { status: 'FAILED'; failure: string } | { providerRef: string },
  ): Promise<boolean> {
    if ('providerRef' in change) {
      await manager.query(`UPDATE refund SET provider_ref = $2, updated_at = qh_now() WHERE id = $1`, [id, change.providerRef]);
      return true;
    }
    const [, changed] = await manager.query(
      `UPDATE refund SET status = $2, failure = $3, confirmed_at = CASE WHEN $2 = 'SUCCEEDED' THEN qh_now() END, updated_at = qh_now()
        WHERE id = $1 AND status = 'PENDING'`,
      [id, change.status, change.status === 'FAILED' ? change.failure : null],
    );
    return changed === 1;
  }

  /** Refunds not yet handed to the provider (the process stopped, or the provider was down), oldest first. */
  async unsubmittedRefunds(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM refund WHERE status = 'PENDING' AND provider_ref IS NULL ORDER BY created_at LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  /** For handing a refund to the provider: its amount, the payment it returns money from and the order number. */
  async submission(
    refundId: string,
  ): Promise<{ refundId: string; amountFen: number; paymentRef: string | null; orderNumber: string; status: RefundStatus } | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT r.id AS "refundId", r.amount_fen AS "amountFen", p.provider_ref AS "paymentRef", o.number AS "orderNumber", r.status
         FROM refund r JOIN payment p ON p.id = r.payment_id JOIN "order" o ON o.id = r.order_id WHERE r.id = $1`,
      [refundId],
    );
    return row;
  }
}
