import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AdminLotsController, CoopLotsController, PublicLotsController } from './lots.controller';
import { LotsRepository } from './lots.repository';
import { LotsService } from './lots.service';

/** Lots (批次) with their papers, the lots each shipment came from, labels, the public lot page and recalls. */
@Module({
  imports: [CatalogModule, NotificationsModule],
  controllers: [CoopLotsController, PublicLotsController, AdminLotsController],
  providers: [LotsRepository, LotsService],
  exports: [LotsService],
})
export class LotsModule {}
