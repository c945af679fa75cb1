import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  PAID_STATUSES,
  planRefund,
  RefundPlanError,
  refundsConfirmedBy,
  type OrderStatus,
  type RefundRequest as RefundAsk,
} from '@qh/domain';
import type { Acting } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { UnitOfWork, type Work } from '../database/unit-of-work';
import { Outbox } from '../notifications/outbox';
import { RefundDto } from '../orders/dto/order.dto';
import { OrderTransitions } from '../orders/order-transitions';
import {
  ON_ACCOUNT_PROVIDER,
  PAYMENT_PROVIDER,
  PaymentProviderRefused,
  PaymentProviderUnavailable,
  type PaymentProvider,
} from './payment-provider';
import { LockedPayment, PaymentsRepository, RefundKind, RefundRow } from './payments.repository';

const PLAN_ERRORS = {
  NOTHING_TO_REFUND: 'NOTHING_TO_REFUND',
  UNKNOWN_LINE: 'ORDER_LINE_NOT_FOUND',
  QUANTITY_TOO_LARGE: 'REFUND_QUANTITY_TOO_LARGE',
  DUPLICATE_LINE: 'VALIDATION_FAILED',
} as const;

/** Refunds not yet handed to the provider, per run of the retry job. */
const SUBMIT_BATCH = 50;

/**
 * Whether the marketplace can give money (or, on account, a credit) back on this order: paid online, or
 * confirmed on account and (checked apart) delivered.
 */
function refundable(payment: LockedPayment): boolean {
  if (!(PAID_STATUSES as readonly OrderStatus[]).includes(payment.orderStatus)) return false;
  return payment.paymentStatus === 'SUCCEEDED' || (payment.provider === ON_ACCOUNT_PROVIDER && payment.paymentStatus === 'PENDING');
}

export function toRefund(row: RefundRow): RefundDto {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    amountFen: row.amountFen,
    shippingFen: row.shippingFen,
    reason: row.reason,
    createdAt: row.createdAt,
    confirmedAt: row.confirmedAt,
    lines: row.lines,
  };
}

/**
 * Money going back to buyers. A refund is written first (with its lines, in the transaction that
 * decided it), then handed to the provider with the refund's id as idempotency key, so a retry can
 * never refund twice. Its effects on the order come only when the provider confirms it.
 */
@Injectable()
export class RefundsService {
  private readonly logger = new Logger(RefundsService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly payments: PaymentsRepository,
    private readonly transitions: OrderTransitions,
    private readonly outbox: Outbox,
  ) {}

  /** An admin refunds a whole order or chosen lines of it. */
  async requestByAdmin(
    admin: Acting,
    request: { orderNumber: string; lines?: { lineId: string; quantity: number }[]; reason: string },
  ): Promise<RefundRow> {
    const refundId = await this.unitOfWork.run(async (work) => {
      const { manager, audit } = work;
      const payment = await this.payments.lock(manager, { orderNumber: request.orderNumber });
      if (!payment) throw new AppError('ORDER_NOT_FOUND', 'No such order.');
      if (!refundable(payment)) {
        throw new AppError('ORDER_STATUS_CONFLICT', `A ${payment.orderStatus} order has no payment to refund.`);
      }
      const ask: RefundAsk = request.lines ? { whole: false, lines: request.lines } : { whole: true };
      const id = await this.create(work, payment, 'ADMIN', ask, request.reason, admin.id);
      const refund = (await this.payments.refund(id, manager))!;
      await audit({
        actor: admin,
        action: 'refund.requested',
        entityType: 'order',
        entityId: payment.orderId,
        after: {
          refundId: id,
          amountFen: refund.amountFen,
          shippingFen: refund.shippingFen,
          lines: refund.lines,
          reason: request.reason,
        },
      });
      return id;
    });
    await this.submit(refundId);
    const refund = (await this.payments.refund(refundId))!;
    if (refund.status === 'FAILED') {
      throw new AppError('PAYMENT_PROVIDER_ERROR', `The payment provider refused this refund: ${refund.failure}. Nothing was refunded.`);
    }
    return refund;
  }

  /** The buyer cancelled a paid order before anything shipped: all of it goes back, handed to the provider after the commit. */
  async refundCancelled(work: Work, payment: LockedPayment, buyerId: string): Promise<void> {
    const refundId = await this.create(work, payment, 'CANCELLATION', { whole: true }, 'Cancelled by the buyer before shipping', buyerId);
    work.afterCommit(() => this.submit(refundId));
  }

  /**
   * Delivered goods granted back: the shortfall an organisation's receiver found on delivery, or an
   * after-sales claim. Those units go back (the parcel's fee stays: it was delivered), handed to the
   * provider after the commit; the ledger gives back their share when it confirms. Returns the refund's id.
   */
  async refundDelivered(
    work: Work,
    kind: Extract<RefundKind, 'SHORTFALL' | 'CLAIM'>,
    orderId: string,
    lines: { lineId: string; quantity: number }[],
    reason: string,
    grantedBy: string,
  ): Promise<string> {
    const payment = await this.payments.lock(work.manager, { orderId });
    if (!payment || !refundable(payment)) {
      throw new AppError('ORDER_STATUS_CONFLICT', `A ${payment?.orderStatus ?? 'missing'} order has no payment to refund.`);
    }
    const id = await this.create(work, payment, kind, { whole: false, lines }, reason, grantedBy);
    work.afterCommit(() => this.submit(id));
    return id;
  }

  /**
   * Writes a refund of what `ask` describes on a locked payment. Returns its id. On account there is no
   * provider: the refund is a credit on the organisation's next statement, confirmed at once, and only
   * for delivered goods (the statement charged them; what has not shipped is cancelled, not credited).
   */
  private async create(
    work: Work,
    payment: LockedPayment,
    kind: RefundKind,
    ask: RefundAsk,
    reason: string,
    requestedBy: string | null,
  ): Promise<string> {
    const { manager } = work;
    const onAccount = payment.provider === ON_ACCOUNT_PROVIDER;
    if (onAccount && (await this.payments.hasUnshippedGoods(manager, payment.orderId, ask.whole ? null : ask.lines.map((l) => l.lineId)))) {
      throw new AppError(
        'ORDER_NOT_DELIVERED',
        'On account, only delivered goods are credited: cancel an order (or wait for its part to ship) instead.',
      );
    }
    const refundable = await this.payments.refundable(manager, payment.orderId);
    let plan;
    try {
      plan = planRefund(refundable, ask);
    } catch (error) {
      if (!(error instanceof RefundPlanError)) throw error;
      const field = error.lineId ? [{ field: `lines.${error.lineId}`, problems: [error.message] }] : undefined;
      throw new AppError(PLAN_ERRORS[error.code], error.message, field);
    }
    const id = await this.payments.insertRefund(manager, {
      orderId: payment.orderId,
      paymentId: payment.paymentId,
      kind,
      reason,
      requestedBy,
      ...plan,
    });
    if (onAccount) await this.confirmOne(work, id, payment);
    return id;
  }

  /**
   * A payment arrived for an order that no longer wants it: give all of it back, and tell the buyer.
   * One such refund per payment, however often the provider reports the payment.
   */
  async createForLatePayment({ manager, audit }: Work, payment: LockedPayment, receivedFen: number): Promise<string | null> {
    const [existing] = await manager.query(`SELECT id FROM refund WHERE payment_id = $1 AND kind = 'LATE_PAYMENT'`, [payment.paymentId]);
    if (existing) return null;
    const id = await this.payments.insertRefund(manager, {
      orderId: payment.orderId,
      paymentId: payment.paymentId,
      kind: 'LATE_PAYMENT',
      amountFen: receivedFen,
      shippingFen: 0,
      reason: 'Paid after the order had expired',
      requestedBy: null,
      lines: [],
    });
    await this.outbox.write(manager, {
      topic: 'LATE_PAYMENT_REFUNDED',
      dedupeKey: `LATE_PAYMENT_REFUNDED:${payment.paymentId}`,
      accountId: payment.buyerId,
      orderId: payment.orderId,
      payload: { orderNumber: payment.orderNumber, amountFen: receivedFen },
    });
    await audit({
      actor: null,
      action: 'refund.requested',
      entityType: 'order',
      entityId: payment.orderId,
      after: { refundId: id, kind: 'LATE_PAYMENT', amountFen: receivedFen },
    });
    return id;
  }

  /**
   * Hands a pending refund to the provider. Unreachable provider: it stays pending for the retry job.
   * Refused: it fails, its units can be refunded again, and the refusal is kept for staff.
   */
  async submit(refundId: string): Promise<void> {
    const refund = await this.payments.submission(refundId);
    if (!refund || refund.status !== 'PENDING' || !refund.paymentRef) return;
    try {
      const { reference, confirmed } = await this.provider.refund({
        refundId,
        orderNumber: refund.orderNumber,
        paymentRef: refund.paymentRef,
        amountFen: refund.amountFen,
      });
      await this.unitOfWork.run(async (work) => {
        await this.payments.markRefund(work.manager, refundId, { providerRef: reference });
        if (confirmed) await this.confirmOne(work, refundId);
      });
    } catch (error) {
      if (error instanceof PaymentProviderUnavailable) {
        this.logger.warn({ refundId, problem: error.message }, 'refund not handed to the provider yet; the job retries it');
        return;
      }
      if (!(error instanceof PaymentProviderRefused)) throw error;
      await this.unitOfWork.run(async ({ manager, audit }) => {
        await this.payments.markRefund(manager, refundId, { status: 'FAILED', failure: error.message });
        await audit({ actor: null, action: 'refund.failed', entityType: 'refund', entityId: refundId, after: { failure: error.message } });
      });
    }
  }

  /** The job: every refund that never reached the provider gets another try. */
  async submitPending(): Promise<number> {
    const ids = await this.payments.unsubmittedRefunds(SUBMIT_BATCH);
    for (const id of ids) await this.submit(id);
    return ids.length;
  }

  /**
   * The provider says it has refunded `providerRefundedFen` of this payment in total. Our pending
   * refunds that this covers are confirmed; anything beyond them was refunded outside the
   * marketplace and is recorded as such, so the order's figures match the provider's.
   */
  async applyProviderTotal(work: Work, payment: LockedPayment, providerRefundedFen: number): Promise<void> {
    const { manager } = work;
    const { pending, confirmedFen } = await this.payments.refundState(manager, payment.paymentId);
    const { confirm, externalFen } = refundsConfirmedBy(providerRefundedFen, confirmedFen, pending);
    for (const id of confirm) await this.confirmOne(work, id, payment);
    if (externalFen > 0) {
      const id = await this.payments.insertRefund(manager, {
        orderId: payment.orderId,
        paymentId: payment.paymentId,
        kind: 'EXTERNAL',
        amountFen: externalFen,
        shippingFen: 0,
        reason: 'Refunded at the payment provider',
        requestedBy: null,
        lines: [],
      });
      await this.confirmOne(work, id, payment);
    }
  }

  /** Confirms one refund (once) and moves the order and payment on: partly or wholly refunded. */
  private async confirmOne(work: Work, refundId: string, locked?: LockedPayment): Promise<void> {
    const { manager } = work;
    const refund = (await this.payments.refund(refundId, manager))!;
    const payment = locked ?? (await this.payments.lock(manager, { orderId: refund.orderId }))!;
    if (!(await this.payments.markRefund(manager, refundId, { status: 'SUCCEEDED' }))) return;
    await work.audit({
      actor: null,
      action: 'refund.confirmed',
      entityType: 'refund',
      entityId: refundId,
      after: { amountFen: refund.amountFen },
    });
    if (refund.kind === 'LATE_PAYMENT') {
      await this.payments.setStatus(manager, payment.orderId, 'REFUNDED');
      return;
    }
    const { refundedFen, whole, status } = await this.transitions.refunded(
      manager,
      { id: payment.orderId, buyerId: payment.buyerId, totalFen: payment.totalFen, status: payment.orderStatus, paid: payment.paid },
      { id: refundId, amountFen: refund.amountFen },
    );
    payment.refundedFen = refundedFen;
    if (whole) await this.payments.setStatus(manager, payment.orderId, 'REFUNDED');
    if (status) payment.orderStatus = status;
    // Refunded goods that had not shipped are back in stock.
    work.catalogChanged();
    await this.outbox.write(manager, {
      topic: 'ORDER_REFUNDED',
      dedupeKey: `ORDER_REFUNDED:${refundId}`,
      accountId: payment.buyerId,
      orderId: payment.orderId,
      payload: { orderNumber: payment.orderNumber, amountFen: refund.amountFen, onAccount: payment.provider === ON_ACCOUNT_PROVIDER },
    });
  }
}
