import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ActingUser, type Acting } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { AppError } from '../common/app-error';
import { ErrorDto } from '../common/error.dto';
import { ClearsCatalogCache } from '../common/http-cache.interceptor';
import { uuidParam } from '../common/uuid-param';
import { CoopProductsService } from './coop-products.service';
import { CoopVariantsService } from './coop-variants.service';
import { CooperativeSettingsDto, ManagedCooperativeDto } from './dto/admin-catalog.dto';
import {
  CreateProductDto,
  ManagedProductDto,
  ManagedProductPageDto,
  ManagedProductQueryDto,
  PriceBreaksInputDto,
  StockAdjustmentDto,
  StockDto,
  StockMovementDto,
  UpdateProductDto,
  UpdateVariantDto,
  VariantInputDto,
} from './dto/managed-product.dto';
import { MAX_IMAGE_BYTES, readUploadedImage } from './product-images';

const productId = () => uuidParam('PRODUCT_NOT_FOUND', 'No such product.');
const variantId = () => uuidParam('VARIANT_NOT_FOUND', 'No such variant.');

/** The cooperative portal: staff manage their own cooperative's products; anything else is NOT_YOUR_COOPERATIVE. */
@ApiTags('cooperative portal')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN (not cooperative staff), NOT_YOUR_COOPERATIVE, COOPERATIVE_SUSPENDED' })
@UseInterceptors(ClearsCatalogCache)
@Roles('cooperative')
@Controller('coop')
export class CoopProductsController {
  constructor(
    private readonly products: CoopProductsService,
    private readonly variants: CoopVariantsService,
  ) {}

  @Get('cooperative')
  @ApiOkResponse({ type: ManagedCooperativeDto, description: "The staff member's own cooperative, with its status" })
  cooperative(@ActingUser() user: Acting): Promise<ManagedCooperativeDto> {
    return this.products.cooperative(user);
  }

  @Patch('cooperative')
  @ApiOkResponse({ type: ManagedCooperativeDto, description: "The cooperative's own settings: the days it needs before a delivery" })
  updateCooperative(@ActingUser() user: Acting, @Body() dto: CooperativeSettingsDto): Promise<ManagedCooperativeDto> {
    return this.products.updateSettings(user, dto);
  }

  @Get('products')
  @ApiOkResponse({ type: ManagedProductPageDto })
  list(@ActingUser() user: Acting, @Query() query: ManagedProductQueryDto): Promise<ManagedProductPageDto> {
    if (query.cooperative)
      throw new AppError('VALIDATION_FAILED', 'cooperative is not a filter here: you see your own products', [
        { field: 'cooperative', problems: ['not a filter in the portal'] },
      ]);
    return this.products.list(user, query);
  }

  @Get('products/:id')
  @ApiOkResponse({ type: ManagedProductDto })
  get(@ActingUser() user: Acting, @Param('id', productId()) id: string): Promise<ManagedProductDto> {
    return this.products.get(user, id);
  }

  @Post('products')
  @ApiCreatedResponse({ type: ManagedProductDto, description: 'A DRAFT; submit it for review to get it published' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'SKU_TAKEN, VARIANT_LABEL_TAKEN' })
  @ApiResponse({ status: 422, type: ErrorDto, description: 'SHIPPING_CLASS_NOT_ALLOWED' })
  create(@ActingUser() user: Acting, @Body() dto: CreateProductDto): Promise<ManagedProductDto> {
    return this.products.create(user, dto);
  }

  @Patch('products/:id')
  @ApiOkResponse({
    type: ManagedProductDto,
    description: 'A published product goes back to review if what it is (titles, descriptions, category, origin) changed',
  })
  update(@ActingUser() user: Acting, @Param('id', productId()) id: string, @Body() dto: UpdateProductDto): Promise<ManagedProductDto> {
    return this.products.update(user, id, dto);
  }

  @Post('products/:id/variants')
  @ApiCreatedResponse({ type: ManagedProductDto })
  addVariant(@ActingUser() user: Acting, @Param('id', productId()) id: string, @Body() dto: VariantInputDto): Promise<ManagedProductDto> {
    return this.variants.add(user, id, dto);
  }

  @Patch('variants/:id')
  @ApiOkResponse({ type: ManagedProductDto })
  updateVariant(
    @ActingUser() user: Acting,
    @Param('id', variantId()) id: string,
    @Body() dto: UpdateVariantDto,
  ): Promise<ManagedProductDto> {
    return this.variants.update(user, id, dto);
  }

  @Put('variants/:id/price-breaks')
  @ApiOkResponse({ type: ManagedProductDto, description: 'The whole ladder, replacing the one before; [] for none' })
  @ApiResponse({
    status: 400,
    type: ErrorDto,
    description: 'VALIDATION_FAILED: a break not cheaper than the one before, or not below the price',
  })
  setPriceBreaks(
    @ActingUser() user: Acting,
    @Param('id', variantId()) id: string,
    @Body() dto: PriceBreaksInputDto,
  ): Promise<ManagedProductDto> {
    return this.variants.setPriceBreaks(user, id, dto);
  }

  @Get('variants/:id/movements')
  @ApiOkResponse({ type: [StockMovementDto], description: 'The latest stock changes, newest first' })
  movements(@ActingUser() user: Acting, @Param('id', variantId()) id: string): Promise<StockMovementDto[]> {
    return this.variants.movements(user, id);
  }

  @Patch('variants/:id/stock')
  @ApiOkResponse({ type: StockDto })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'INSUFFICIENT_STOCK' })
  adjustStock(@ActingUser() user: Acting, @Param('id', variantId()) id: string, @Body() dto: StockAdjustmentDto): Promise<StockDto> {
    return this.variants.adjustStock(user, id, dto);
  }

  @Post('products/:id/images')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['image'], properties: { image: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: ManagedProductDto })
  @ApiResponse({ status: 413, type: ErrorDto, description: `PAYLOAD_TOO_LARGE: over ${MAX_IMAGE_BYTES} bytes` })
  @ApiResponse({ status: 415, type: ErrorDto, description: 'UNSUPPORTED_IMAGE_TYPE: not a JPEG, PNG or WebP by its content' })
  async addImage(
    @ActingUser() user: Acting,
    @Param('id', productId()) id: string,
    @Req() request: FastifyRequest,
  ): Promise<ManagedProductDto> {
    const { bytes, type } = await readUploadedImage(request, 'image', 'the image');
    return this.products.addImage(user, id, bytes, type);
  }

  @Post('products/:id/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: ManagedProductDto, description: 'DRAFT → PENDING_REVIEW' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'PRODUCT_STATUS_CONFLICT' })
  submit(@ActingUser() user: Acting, @Param('id', productId()) id: string): Promise<ManagedProductDto> {
    return this.products.submit(user, id);
  }

  @Post('products/:id/archive')
  @HttpCode(200)
  @ApiOkResponse({ type: ManagedProductDto, description: 'Off sale for good' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'PRODUCT_STATUS_CONFLICT' })
  archive(@ActingUser() user: Acting, @Param('id', productId()) id: string): Promise<ManagedProductDto> {
    return this.products.archive(user, id);
  }
}
