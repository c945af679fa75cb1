import { ClaimsModule } from './claims/claims.module';
import { LotsModule } from './lots/lots.module';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module';
import { CatalogModule } from './catalog/catalog.module';
import { HouseholdsModule } from './households/households.module';
import { ImpactModule } from './impact/impact.module';
import { JobsModule } from './jobs/jobs.module';
import { BillingModule } from './billing/billing.module';
import { InvoicesModule } from './invoices/invoices.module';
import { OrdersModule } from './orders/orders.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { PaymentsModule } from './payments/payments.module';
import { AuditModule } from './audit/audit.module';
import { ErrorFilter } from './common/error.filter';
import type { AppConfig } from './config/config';
import { Clock } from './config/clock';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source';
import { UnitOfWorkModule } from './database/unit-of-work';
import { HealthController } from './health/health.controller';

@Module({})
export class AppModule {
  /** `databaseUrl` is the resolved URL: the configured one, or the embedded cluster's. */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, new Clock(config.clockOffsetMs), config.databasePoolSize),
          retryAttempts: 2,
          retryDelay: 500,
        }),
        AuditModule,
        UnitOfWorkModule,
        AuthModule,
        CatalogModule,
        PaymentsModule,
        OrdersModule,
        LotsModule,
        ClaimsModule,
        ImpactModule,
        HouseholdsModule,
        OrganisationsModule,
        BillingModule,
        InvoicesModule,
        JobsModule.forRoot(databaseUrl),
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }
}
