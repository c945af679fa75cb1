import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { DemoPaymentProvider, PAYMENT_PROVIDER } from '../payments/payment-provider';
import { CartController } from './cart.controller';
import { CartRepository } from './cart.repository';
import { CartService } from './cart.service';
import { CheckoutService } from './checkout.service';
import { FulfillmentsController } from './fulfillments.controller';
import { FulfillmentsService } from './fulfillments.service';
import { OrdersController } from './orders.controller';
import { OrdersRepository } from './orders.repository';
import { OrdersService } from './orders.service';
import { OrderDeadlinesService } from './order-deadlines.service';

@Module({
  imports: [CatalogModule],
  controllers: [CartController, OrdersController, FulfillmentsController],
  providers: [
    CartService,
    CartRepository,
    CheckoutService,
    OrdersService,
    OrdersRepository,
    FulfillmentsService,
    OrderDeadlinesService,
    { provide: PAYMENT_PROVIDER, useClass: DemoPaymentProvider },
  ],
  exports: [OrderDeadlinesService],
})
export class OrdersModule {}
