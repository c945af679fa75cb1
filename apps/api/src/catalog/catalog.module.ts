import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { AdminCatalogController } from './admin-catalog.controller';
import { AdminCatalogService } from './admin-catalog.service';
import { CatalogController } from './catalog.controller';
import { CatalogRepository } from './catalog.repository';
import { CatalogService } from './catalog.service';
import { CoopProductsController } from './coop-products.controller';
import { CoopProductAccess } from './coop-product-access';
import { CoopProductsService } from './coop-products.service';
import { CoopVariantsService } from './coop-variants.service';
import { CooperativesRepository } from './cooperatives.repository';
import { ProductImageStore } from './product-images';
import { ProductsRepository } from './products.repository';
import { RemindersController } from './reminders.controller';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';

@Module({
  imports: [NotificationsModule],
  controllers: [CatalogController, CoopProductsController, AdminCatalogController, RemindersController],
  providers: [
    CatalogService,
    CatalogRepository,
    CoopProductAccess,
    CoopProductsService,
    CoopVariantsService,
    AdminCatalogService,
    ProductsRepository,
    CooperativesRepository,
    ProductImageStore,
    RemindersService,
    RemindersRepository,
  ],
  exports: [CatalogService, ProductsRepository, RemindersService, ProductImageStore],
})
export class CatalogModule {}
