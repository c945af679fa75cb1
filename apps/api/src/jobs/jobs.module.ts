import { DynamicModule, Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { OrderDeadlinesService } from '../orders/order-deadlines.service';
import { JobsService } from './jobs.service';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

@Module({})
export class JobsModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: JobsModule,
      imports: [OrdersModule],
      providers: [
        {
          provide: JobsService,
          inject: [APP_CONFIG, OrderDeadlinesService],
          useFactory: (config: AppConfig, deadlines: OrderDeadlinesService) => new JobsService(config, databaseUrl, deadlines),
        },
      ],
    };
  }
}
