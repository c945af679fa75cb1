import { Module } from '@nestjs/common';
import { BillingModule } from '../billing/billing.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { CatalogModule } from '../catalog/catalog.module';
import { LotsModule } from '../lots/lots.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PaymentsModule } from '../payments/payments.module';
import { AddressesController } from './addresses.controller';
import { ShipmentPlanner } from './shipment-planner';
import { AddressesRepository } from './addresses.repository';
import { AddressesService } from './addresses.service';
import { AdminOrdersController } from './admin-orders.controller';
import { CartController } from './cart.controller';
import { CartRepository } from './cart.repository';
import { CartService } from './cart.service';
import { CheckoutService } from './checkout.service';
import { FulfillmentsController } from './fulfillments.controller';
import { FulfillmentsService } from './fulfillments.service';
import { OrderDeadlinesService } from './order-deadlines.service';
import { OrderTransitionsModule } from './order-transitions.module';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';
import { OrgOrdersController } from './org-orders.controller';
import { OrgOrdersService } from './org-orders.service';
import { AcceptanceRepository } from './acceptance.repository';
import { AcceptanceService } from './acceptance.service';
import { AdminShortfallsController } from './admin-shortfalls.controller';

/** The buyer's way from cart to order and back (checkout, cancelling, confirming receipt), the cooperatives' shipments, and the deadlines. */
@Module({
  imports: [
    CatalogModule,
    LotsModule,
    NotificationsModule,
    OrderTransitionsModule,
    PaymentsModule,
    OrganisationsModule,
    BillingModule,
    InvoicesModule,
  ],
  controllers: [
    CartController,
    OrdersController,
    OrgOrdersController,
    AdminShortfallsController,
    FulfillmentsController,
    AdminOrdersController,
    AddressesController,
  ],
  providers: [
    CartService,
    CartRepository,
    CheckoutService,
    OrdersService,
    FulfillmentsService,
    OrderDeadlinesService,
    AddressesService,
    AddressesRepository,
    ShipmentPlanner,
    OrgOrdersService,
    AcceptanceService,
    AcceptanceRepository,
  ],
  exports: [OrderDeadlinesService, CartService],
})
export class OrdersModule {}
