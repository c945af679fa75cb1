import { Injectable } from '@nestjs/common';

export interface PaymentRequest {
  orderId: string;
  orderNumber: string;
  amountFen: number;
}

export interface RefundRequest {
  refundId: string;
  orderNumber: string;
  /** The provider's payment reference. */
  paymentRef: string;
  amountFen: number;
}

/**
 * A provider's answer could not be had (network, timeout, its 5xx): the same request may be sent
 * again later with the same idempotency key. Anything else it throws is a refusal.
 */
export class PaymentProviderUnavailable extends Error {}

/** The provider refused the request for good (e.g. more refunded than was paid); the message is safe to show to staff. */
export class PaymentProviderRefused extends Error {}

/** Where a buyer pays. The demo provider pays on our own page; Stripe behind the same interface. */
export interface PaymentProvider {
  readonly name: 'demo' | 'stripe';
  /** Must be idempotent per order: a retry after a crash gets the same payment back. */
  createPayment(request: PaymentRequest): Promise<{ reference: string; clientSecret: string | null }>;
  /** So that a payment can no longer succeed once its order is gone; a payment that already succeeded stays as it is. */
  cancelPayment(reference: string): Promise<void>;
  /**
   * Idempotent per refund id. `confirmed`: the money is back already (the demo); otherwise the
   * provider confirms later, through its webhook.
   */
  refund(request: RefundRequest): Promise<{ reference: string; confirmed: boolean }>;
  /** What the buyer's browser needs to pay, e.g. Stripe's publishable key. */
  readonly publishableKey: string | null;
}

export const PAYMENT_PROVIDER = Symbol('PAYMENT_PROVIDER');

/** Pays on a page of our own (`POST /api/payments/demo/:number/pay`); no money moves, refunds are done at once. */
@Injectable()
export class DemoPaymentProvider implements PaymentProvider {
  readonly name = 'demo';
  readonly publishableKey = null;

  async createPayment(request: PaymentRequest): Promise<{ reference: string; clientSecret: null }> {
    return { reference: `demo_${request.orderId}`, clientSecret: null };
  }

  async cancelPayment(): Promise<void> {}

  async refund(request: RefundRequest): Promise<{ reference: string; confirmed: boolean }> {
    return { reference: `demo_refund_${request.refundId}`, confirmed: true };
  }
}

/**
 * The payment of an organisation's order on account: no provider takes it; the organisation's bank
 * transfers settle it (billing), and its refunds are credits on the organisation's statement.
 */
export const ON_ACCOUNT_PROVIDER = 'account';
