import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrderTransitionsModule } from '../orders/order-transitions.module';
import { AdminPaymentsController } from './admin-payments.controller';
import { DemoPaymentProvider, PAYMENT_PROVIDER } from './payment-provider';
import { PaymentProviderController } from './payment-provider.controller';
import { PaymentsRepository } from './payments.repository';
import { PaymentsService } from './payments.service';
import { RefundsService } from './refunds.service';
import { StripePaymentProvider } from './stripe-payment-provider';
import { StripeWebhookController } from './stripe-webhook.controller';

/** The payment of each order, the provider's events about it, and refunds: the only writer of payment, payment_event and refund rows. */
@Module({
  imports: [OrderTransitionsModule, NotificationsModule],
  controllers: [StripeWebhookController, AdminPaymentsController, PaymentProviderController],
  providers: [
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
  exports: [PaymentsService, RefundsService, PAYMENT_PROVIDER],
})
export class PaymentsModule {}
