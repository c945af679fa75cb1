import { Injectable } from '@nestjs/common';

export interface PaymentRequest {
  orderId: string;
  orderNumber: string;
  amountFen: number;
}

/** Where a buyer pays. The demo provider comes first; Stripe plugs in behind the same interface. */
export interface PaymentProvider {
  readonly name: string;
  /** Must be idempotent per order: a retry after a crash gets the same payment back. */
  createPayment(request: PaymentRequest): Promise<{ reference: string }>;
}

export const PAYMENT_PROVIDER = Symbol('PAYMENT_PROVIDER');

/** Pays on a page of our own (`POST /api/payments/demo/:number/pay`); no money moves. */
@Injectable()
export class DemoPaymentProvider implements PaymentProvider {
  readonly name = 'demo';

  async createPayment(request: PaymentRequest): Promise<{ reference: string }> {
    return { reference: `demo_${request.orderId}` };
  }
}
