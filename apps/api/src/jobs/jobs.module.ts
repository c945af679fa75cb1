import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AuthService } from '../auth/auth.service';
import { CatalogModule } from '../catalog/catalog.module';
import { RemindersService } from '../catalog/reminders.service';
import { ImpactModule } from '../impact/impact.module';
import { LedgerDigestService } from '../impact/ledger-digest.service';
import { ImpactCatchUp } from '../impact/impact-catch-up.service';
import { SettlementService } from '../impact/settlement.service';
import { NotificationsModule } from '../notifications/notifications.module';
import { NotificationsService } from '../notifications/notifications.service';
import { CartService } from '../orders/cart.service';
import { OrdersModule } from '../orders/orders.module';
import { OrderDeadlinesService } from '../orders/order-deadlines.service';
import { PaymentsModule } from '../payments/payments.module';
import { RefundsService } from '../payments/refunds.service';
import { BillingModule } from '../billing/billing.module';
import { StatementsService } from '../billing/statements.service';
import { ClaimsModule } from '../claims/claims.module';
import { ClaimsService } from '../claims/claims.service';
import { JobsService } from './jobs.service';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

@Module({})
export class JobsModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: JobsModule,
      imports: [OrdersModule, PaymentsModule, NotificationsModule, ImpactModule, AuthModule, CatalogModule, BillingModule, ClaimsModule],
      providers: [
        {
          provide: JobsService,
          inject: [
            APP_CONFIG,
            OrderDeadlinesService,
            RefundsService,
            NotificationsService,
            LedgerDigestService,
            SettlementService,
            AuthService,
            CartService,
            RemindersService,
            StatementsService,
            ClaimsService,
            ImpactCatchUp,
          ],
          useFactory: (
            config: AppConfig,
            deadlines: OrderDeadlinesService,
            refunds: RefundsService,
            notifications: NotificationsService,
            digests: LedgerDigestService,
            settlements: SettlementService,
            auth: AuthService,
            carts: CartService,
            reminders: RemindersService,
            statements: StatementsService,
            claims: ClaimsService,
            impact: ImpactCatchUp,
          ) =>
            new JobsService(
              config,
              databaseUrl,
              deadlines,
              refunds,
              notifications,
              digests,
              settlements,
              auth,
              carts,
              reminders,
              statements,
              claims,
              impact,
            ),
        },
      ],
    };
  }
}
