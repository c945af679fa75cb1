import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrderTransitionsModule } from '../orders/order-transitions.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PaymentsModule } from '../payments/payments.module';
import { AdminBillingController } from './admin-billing.controller';
import { BillingRepository } from './billing.repository';
import { CreditService } from './credit.service';
import { OrgBillingController } from './org-billing.controller';
import { StatementsService } from './statements.service';
import { TransfersService } from './transfers.service';

/**
 * Payment on account for organisations: credit terms, statements and bank transfers. Orders use
 * CreditService when they are placed; the jobs issue month-end statements.
 */
@Module({
  imports: [OrderTransitionsModule, PaymentsModule, OrganisationsModule, NotificationsModule],
  controllers: [OrgBillingController, AdminBillingController],
  providers: [BillingRepository, CreditService, StatementsService, TransfersService],
  exports: [CreditService, StatementsService],
})
export class BillingModule {}
