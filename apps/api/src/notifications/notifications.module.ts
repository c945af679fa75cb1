import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { LogTransport, NOTIFICATION_TRANSPORT, SmtpTransport } from './notification-transport';
import { NotificationsService } from './notifications.service';
import { Outbox } from './outbox';

@Module({
  providers: [
    Outbox,
    NotificationsService,
    {
      provide: NOTIFICATION_TRANSPORT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.smtp ? new SmtpTransport(config.smtp.url, config.smtp.from) : new LogTransport(config.nodeEnv !== 'production'),
    },
  ],
  exports: [Outbox, NotificationsService, NOTIFICATION_TRANSPORT],
})
export class NotificationsModule {}
