import { Module } from '@nestjs/common';
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

@Module({
  controllers: [CatalogController, CoopProductsController, AdminCatalogController],
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
  ],
  exports: [CatalogService, ProductsRepository],
})
export class CatalogModule {}
