import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/roles.decorator';
import { ErrorDto } from '../common/error.dto';
import { uuidParam } from '../common/uuid-param';
import { CachedAnswers } from '../common/http-cache.interceptor';
import { CatalogService } from './catalog.service';
import { CategoryDto, CooperativePageDto, ProductDetailDto, ProductPageDto, ProductQueryDto } from './dto/catalog.dto';
import { AppError } from '../common/app-error';

@ApiTags('catalog')
@Public()
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('categories')
  @CachedAnswers()
  @ApiOkResponse({ type: [CategoryDto] })
  categories(): Promise<CategoryDto[]> {
    return this.catalog.categories();
  }

  @Get('products')
  @CachedAnswers()
  @ApiOkResponse({ type: ProductPageDto })
  products(@Query() query: ProductQueryDto): Promise<ProductPageDto> {
    return this.catalog.products(query);
  }

  @Get('products/:slug')
  @CachedAnswers()
  @ApiOkResponse({ type: ProductDetailDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  product(@Param('slug') slug: string): Promise<ProductDetailDto> {
    if (!/^[a-z0-9-]{1,120}$/.test(slug)) throw new AppError('PRODUCT_NOT_FOUND', 'No such product on sale.');
    return this.catalog.product(slug);
  }

  @Get('cooperatives/:id')
  @CachedAnswers()
  @ApiOkResponse({ type: CooperativePageDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  cooperative(@Param('id', uuidParam('COOPERATIVE_NOT_FOUND', 'No such cooperative.')) id: string): Promise<CooperativePageDto> {
    return this.catalog.cooperative(id);
  }
}
