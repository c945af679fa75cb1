import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { Ledger } from '../impact/ledger';
import { NotificationsModule } from '../notifications/notifications.module';
import { AdminPaymentsController } from '../payments/admin-payments.controller';
import { DemoPaymentProvider, PAYMENT_PROVIDER } from '../payments/payment-provider';
import { PaymentProviderController } from '../payments/payment-provider.controller';
import { PaymentsRepository } from '../payments/payments.repository';
import { PaymentsService } from '../payments/payments.service';
import { RefundsService } from '../payments/refunds.service';
import { StripePaymentProvider } from '../payments/stripe-payment-provider';
import { StripeWebhookController } from '../payments/stripe-webhook.controller';
import { CartController } from './cart.controller';
import { CartRepository } from './cart.repository';
import { CartService } from './cart.service';
import { CheckoutService } from './checkout.service';
import { FulfillmentsController } from './fulfillments.controller';
import { FulfillmentsService } from './fulfillments.service';
import { OrderDeadlinesService } from './order-deadlines.service';
import { OrderTransitions } from './order-transitions';
import { OrdersController } from './orders.controller';
import { OrdersRepository } from './orders.repository';
import { OrdersService } from './orders.service';

/** Carts, checkout, orders and their payments and refunds: one module, because an order's states and its money move together. */
@Module({
  imports: [CatalogModule, NotificationsModule],
  controllers: [
    CartController,
    OrdersController,
    FulfillmentsController,
    StripeWebhookController,
    AdminPaymentsController,
    PaymentProviderController,
  ],
  providers: [
    CartService,
    CartRepository,
    CheckoutService,
    OrdersService,
    OrdersRepository,
    OrderTransitions,
    Ledger,
    FulfillmentsService,
    OrderDeadlinesService,
    PaymentsRepository,
    PaymentsService,
    RefundsService,
    {
      provide: PAYMENT_PROVIDER,
      inject: [APP_CONFIG],
      // With Stripe configured, the demo provider is never offered.
      useFactory: (config: AppConfig) =>
        config.paymentsProvider === 'stripe' ? new StripePaymentProvider(config.stripe!) : new DemoPaymentProvider(),
    },
  ],
  exports: [OrderDeadlinesService, RefundsService, CartService],
})
export class OrdersModule {}
