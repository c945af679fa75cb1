import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { PaymentsModule } from '../payments/payments.module';
import { AdminClaimsController, ClaimsController, CoopClaimsController } from './claims.controller';
import { ClaimsRepository } from './claims.repository';
import { ClaimsService } from './claims.service';

/** After-sales claims (售后) on delivered goods, refunded through the refund flow, and the quality figures they make. */
@Module({
  imports: [NotificationsModule, PaymentsModule],
  controllers: [ClaimsController, CoopClaimsController, AdminClaimsController],
  providers: [ClaimsRepository, ClaimsService],
  exports: [ClaimsService],
})
export class ClaimsModule {}
