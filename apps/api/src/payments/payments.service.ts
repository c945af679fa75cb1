import { Inject, Injectable, Logger } from '@nestjs/common';
import type Stripe from 'stripe';
import { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { UnitOfWork, type Work } from '../database/unit-of-work';
import { OrderTransitions } from '../orders/order-transitions';
import { ON_ACCOUNT_PROVIDER, PAYMENT_PROVIDER, type PaymentProvider } from './payment-provider';
import { LockedPayment, PaymentsRepository, type OrderPayments, type PaymentSummaryRow, type RefundRow } from './payments.repository';

export type { LockedPayment, OrderPayments, PaymentSummaryRow, RefundRow };
import { RefundsService } from './refunds.service';

/** The PaymentIntent an event is about, and our order id from its metadata in case its reference was never stored. */
function eventTarget(event: Stripe.Event): { reference: string; orderIdHint: string | null } | null {
  switch (event.type) {
    case 'payment_intent.succeeded':
    case 'payment_intent.payment_failed':
    case 'payment_intent.canceled':
      return { reference: event.data.object.id, orderIdHint: event.data.object.metadata?.order_id ?? null };
    case 'charge.refunded': {
      const intent = event.data.object.payment_intent;
      const reference = typeof intent === 'string' ? intent : intent?.id;
      return reference ? { reference, orderIdHint: event.data.object.metadata?.order_id ?? null } : null;
    }
    default:
      return null;
  }
}

/**
 * What the payment provider tells us, applied to orders: each event once (its id is recorded in the
 * transaction that acts on it), on the order's row lock, and in a way that does not depend on the
 * order events arrive in: a refund report also proves the payment succeeded, a late failure report
 * cannot undo a success, a success after the order expired is given back.
 */
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly payments: PaymentsRepository,
    private readonly refunds: RefundsService,
    private readonly transitions: OrderTransitions,
  ) {}

  async handleStripeEvent(event: Stripe.Event): Promise<'handled' | 'duplicate' | 'ignored'> {
    return this.unitOfWork.run(async (work) => {
      const { manager } = work;
      const target = eventTarget(event);
      const fresh = await this.payments.recordEvent(manager, {
        id: event.id,
        provider: 'stripe',
        type: event.type,
        paymentRef: target?.reference ?? null,
      });
      if (!fresh) return 'duplicate' as const;
      if (!target) return 'ignored' as const;
      const payment = await this.payments.lockByReference(manager, 'stripe', target.reference, target.orderIdHint);
      if (!payment) {
        this.logger.warn({ eventId: event.id, type: event.type }, 'payment event for no payment of ours; ignored');
        return 'ignored' as const;
      }
      if (payment.providerRef === null) await this.payments.setReference(payment.orderId, target.reference, null, manager);
      switch (event.type) {
        case 'payment_intent.succeeded': {
          const intent = event.data.object;
          await this.succeeded(work, payment, { amountFen: intent.amount_received, currency: intent.currency });
          break;
        }
        case 'payment_intent.payment_failed':
          await this.failed(work, payment, event.data.object.last_payment_error?.message ?? 'The payment was declined.');
          break;
        case 'payment_intent.canceled':
          await this.canceled(work, payment);
          break;
        case 'charge.refunded': {
          const charge = event.data.object;
          // Money can only come back from a charge that was paid: this report is also a report of the payment.
          if (charge.paid)
            await this.succeeded(work, payment, { amountFen: charge.amount_captured || charge.amount, currency: charge.currency });
          if (payment.paymentStatus === 'SUCCEEDED' || payment.paymentStatus === 'REFUNDED') {
            await this.refunds.applyProviderTotal(work, payment, charge.amount_refunded);
          }
          break;
        }
      }
      return 'handled' as const;
    });
  }

  /** Demo provider: the buyer pays on our own page. A payment for an expired order is refused. */
  async payDemo(buyer: AuthUser, number: string): Promise<void> {
    await this.unitOfWork.run(async (work) => {
      const payment = await this.lockDemo(work.manager, buyer, number);
      if (payment.orderStatus !== 'AWAITING_PAYMENT')
        throw new AppError('ORDER_STATUS_CONFLICT', `A ${payment.orderStatus} order cannot be paid.`);
      if (payment.expired) throw new AppError('ORDER_STATUS_CONFLICT', 'This order has expired; its stock was released.');
      await this.succeeded(work, payment, { amountFen: payment.amountFen, currency: payment.currency });
    });
  }

  /** Demo provider: a declined payment changes the payment, not the order; the buyer may try again until the order expires. */
  async failDemo(buyer: AuthUser, number: string): Promise<void> {
    await this.unitOfWork.run(async (work) => {
      const payment = await this.lockDemo(work.manager, buyer, number);
      if (payment.orderStatus !== 'AWAITING_PAYMENT')
        throw new AppError('ORDER_STATUS_CONFLICT', `A ${payment.orderStatus} order cannot be paid.`);
      await this.failed(work, payment, 'The demo payment was declined.');
    });
  }

  private async lockDemo(manager: EntityManager, buyer: AuthUser, number: string): Promise<LockedPayment> {
    const payment = await this.payments.lock(manager, { orderNumber: number });
    if (!payment || payment.buyerId !== buyer.id) throw new AppError('ORDER_NOT_FOUND', 'No such order.');
    // Both: an order from before Stripe was configured must not be payable for free afterwards.
    if (payment.provider !== 'demo' || this.provider.name !== 'demo') {
      throw new AppError('DEMO_PROVIDER_DISABLED', 'Payments go through Stripe here, not the demo page.');
    }
    return payment;
  }

  private async succeeded(work: Work, payment: LockedPayment, received: { amountFen: number; currency: string }): Promise<void> {
    const { manager } = work;
    if (payment.paymentStatus === 'SUCCEEDED' || payment.paymentStatus === 'REFUNDED') return;
    if (received.amountFen !== payment.amountFen || received.currency.toLowerCase() !== payment.currency) {
      const reason = `Received ${received.amountFen} ${received.currency}, expected ${payment.amountFen} ${payment.currency}`;
      await this.payments.flagForReview(manager, payment.paymentId, received, reason);
      await work.audit({ actor: null, action: 'payment.flagged', entityType: 'order', entityId: payment.orderId, after: { reason } });
      this.logger.warn({ orderNumber: payment.orderNumber }, 'payment amount or currency does not match its order; flagged for an admin');
      return;
    }
    await this.payments.recordSuccess(manager, payment.paymentId, received);
    payment.paymentStatus = 'SUCCEEDED';
    if (payment.orderStatus === 'AWAITING_PAYMENT' && !payment.expired) {
      await this.transitions.markPaid(manager, {
        id: payment.orderId,
        number: payment.orderNumber,
        buyerId: payment.buyerId,
        totalFen: payment.totalFen,
      });
      payment.orderStatus = 'PAID';
      return;
    }
    // Too late: the reservation ran out (the job may not have got to it yet) or the buyer cancelled.
    if (payment.orderStatus === 'AWAITING_PAYMENT') {
      await this.transitions.cancel(manager, payment.orderId, 'RESERVATION_EXPIRED', null);
      payment.orderStatus = 'CANCELLED';
      work.catalogChanged();
    }
    const refundId = await this.refunds.createForLatePayment(work, payment, received.amountFen);
    if (refundId) work.afterCommit(() => this.refunds.submit(refundId));
  }

  private async failed({ manager }: Work, payment: LockedPayment, message: string): Promise<void> {
    // A failure reported after a success is an older attempt's news.
    if (payment.paymentStatus !== 'PENDING' && payment.paymentStatus !== 'FAILED') return;
    await this.payments.setStatus(manager, payment.orderId, 'FAILED', message.slice(0, 300));
    payment.paymentStatus = 'FAILED';
  }

  private async canceled(work: Work, payment: LockedPayment): Promise<void> {
    const { manager } = work;
    if (payment.paymentStatus !== 'PENDING' && payment.paymentStatus !== 'FAILED') return;
    await this.payments.setStatus(manager, payment.orderId, 'CANCELLED');
    payment.paymentStatus = 'CANCELLED';
    // A cancelled PaymentIntent can never be paid: the order would only wait for its expiry.
    if (payment.orderStatus === 'AWAITING_PAYMENT') {
      await this.transitions.cancel(manager, payment.orderId, 'PAYMENT_CANCELED', null);
      payment.orderStatus = 'CANCELLED';
      work.catalogChanged();
    }
  }

  /**
   * The order and its payment, locked together: every change of an order that involves its money starts here.
   * `skipLocked`: undefined at once when another transaction holds them, instead of waiting for it.
   */
  lockForOrder(
    manager: EntityManager,
    by: { orderId: string } | { orderNumber: string },
    options: { skipLocked?: boolean } = {},
  ): Promise<LockedPayment | undefined> {
    return this.payments.lock(manager, by, options);
  }

  /** Checkout writes the order's payment with the order: pending, with the provider of the moment. */
  open(manager: EntityManager, orderId: string, amountFen: number): Promise<void> {
    return this.payments.insert(manager, orderId, this.provider.name, amountFen);
  }

  /** An order confirmed on account: its payment waits for the organisation's bank transfers, with no provider. */
  openOnAccount(manager: EntityManager, orderId: string, amountFen: number): Promise<void> {
    return this.payments.insert(manager, orderId, ON_ACCOUNT_PROVIDER, amountFen);
  }

  /** Bank transfers brought `receivedFen` for an order on account, all it still owed: its payment succeeded. */
  async settleOnAccount(manager: EntityManager, payment: LockedPayment, receivedFen: number): Promise<void> {
    await this.payments.recordSuccess(manager, payment.paymentId, { amountFen: receivedFen, currency: payment.currency });
  }

  /**
   * After checkout's commit: the provider creates its payment (PaymentIntent); its reference is kept
   * with ours. Answers the payment as its order's page shows it; throws when the provider cannot.
   */
  async startAtProvider(order: { orderId: string; orderNumber: string; amountFen: number }): Promise<PaymentSummaryRow> {
    const { reference, clientSecret } = await this.provider.createPayment(order);
    return this.payments.setReference(order.orderId, reference, clientSecret);
  }

  /**
   * The order is cancelled unpaid: its payment is too, and (after the commit) stopped at the provider so it can no
   * longer succeed; `atProvider: false` when the provider never had it.
   */
  async cancelUnpaid(work: Work, payment: LockedPayment, options: { atProvider: boolean }): Promise<void> {
    await this.payments.setStatus(work.manager, payment.orderId, 'CANCELLED');
    const reference = payment.providerRef;
    if (options.atProvider && reference) work.afterCommit(() => this.provider.cancelPayment(reference));
  }

  /** The payments and refunds of a set of orders, for their pages. */
  forOrders(orderIds: string[]): Promise<OrderPayments> {
    return this.payments.forOrders(orderIds);
  }
}
