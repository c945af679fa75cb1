import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { ImpactModule } from '../impact/impact.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { FulfillmentsRepository } from './fulfillments.repository';
import { OrderTransitions } from './order-transitions';
import { OrdersRepository } from './orders.repository';

/**
 * The order rows and every change of their status. Payments build on it (a payment moves its order),
 * and the buyer's orders build on payments: so this part stands alone, below both.
 */
@Module({
  imports: [CatalogModule, ImpactModule, NotificationsModule, InvoicesModule],
  providers: [OrderTransitions, OrdersRepository, FulfillmentsRepository],
  exports: [OrderTransitions, OrdersRepository, FulfillmentsRepository],
})
export class OrderTransitionsModule {}
