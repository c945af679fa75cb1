import Stripe from 'stripe';
import type { StripeConfig } from '../config/config';
import {
  PaymentProvider,
  PaymentProviderRefused,
  PaymentProviderUnavailable,
  type PaymentRequest,
  type RefundRequest,
} from './payment-provider';

/** The PaymentIntent states from which it can no longer succeed or is already settled: cancelling these is pointless. */
const SETTLED = new Set(['succeeded', 'canceled']);

/**
 * Stripe through its official SDK: one PaymentIntent per order in CNY fen, created with an
 * idempotency key derived from the order, so a retried checkout never makes a second one.
 */
export class StripePaymentProvider implements PaymentProvider {
  readonly name = 'stripe';
  readonly publishableKey: string;
  private readonly stripe: Stripe;

  constructor(private readonly config: StripeConfig) {
    this.publishableKey = config.publishableKey;
    const api = config.apiUrl;
    this.stripe = new Stripe(config.secretKey, {
      maxNetworkRetries: config.maxNetworkRetries,
      timeout: config.timeoutMs,
      telemetry: false,
      ...(api && {
        host: api.hostname,
        port: api.port || (api.protocol === 'https:' ? 443 : 80),
        protocol: api.protocol === 'http:' ? 'http' : 'https',
      }),
    });
  }

  async createPayment(request: PaymentRequest): Promise<{ reference: string; clientSecret: string | null }> {
    const intent = await call(() =>
      this.stripe.paymentIntents.create(
        {
          amount: request.amountFen,
          currency: 'cny',
          allowed_payment_method_types: this.config.paymentMethods,
          ...(this.config.paymentMethods.includes('wechat_pay') && { payment_method_options: { wechat_pay: { client: 'web' } } }),
          description: `黔货入粤 ${request.orderNumber}`,
          metadata: { order_number: request.orderNumber, order_id: request.orderId },
        },
        { idempotencyKey: `order-${request.orderId}` },
      ),
    );
    return { reference: intent.id, clientSecret: intent.client_secret };
  }

  async cancelPayment(reference: string): Promise<void> {
    const intent = await call(() => this.stripe.paymentIntents.retrieve(reference));
    if (SETTLED.has(intent.status)) return;
    await call(() => this.stripe.paymentIntents.cancel(reference, {}, { idempotencyKey: `cancel-${reference}` }));
  }

  async refund(request: RefundRequest): Promise<{ reference: string; confirmed: boolean }> {
    const refund = await call(() =>
      this.stripe.refunds.create(
        {
          payment_intent: request.paymentRef,
          amount: request.amountFen,
          metadata: { order_number: request.orderNumber, refund_id: request.refundId },
        },
        { idempotencyKey: `refund-${request.refundId}` },
      ),
    );
    // Confirmation comes with the charge.refunded webhook, the one place that moves an order to a refunded status.
    return { reference: refund.id, confirmed: false };
  }

  /** The event, if the signature over the raw body is Stripe's and recent; null otherwise. */
  verifyWebhook(rawBody: Buffer, signature: string): Stripe.Event | null {
    try {
      return this.stripe.webhooks.constructEvent(rawBody, signature, this.config.webhookSecret);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) return null;
      throw error;
    }
  }
}

/** Sorts the SDK's errors into "try again later" and "refused", keeping Stripe's message for staff and logs. */
async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (
      error instanceof Stripe.errors.StripeConnectionError ||
      error instanceof Stripe.errors.StripeAPIError ||
      error instanceof Stripe.errors.StripeRateLimitError ||
      (error instanceof Stripe.errors.StripeError && (error.statusCode ?? 0) >= 500)
    ) {
      throw new PaymentProviderUnavailable(`Stripe is unavailable: ${error.message}`);
    }
    if (error instanceof Stripe.errors.StripeError) throw new PaymentProviderRefused(`Stripe refused: ${error.message}`);
    throw error;
  }
}
