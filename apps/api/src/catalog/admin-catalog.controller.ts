import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ActingUser, type Acting } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { ErrorDto } from '../common/error.dto';
import { ClearsCatalogCache } from '../common/http-cache.interceptor';
import { uuidParam } from '../common/uuid-param';
import { AdminCatalogService } from './admin-catalog.service';
import {
  ManagedCooperativeDto,
  ManagedCooperativePageDto,
  AdminCooperativeQueryDto,
  CertifyProductDto,
  PlatformFeeDto,
  ReasonDto,
} from './dto/admin-catalog.dto';
import { ManagedProductDto, ManagedProductPageDto, ManagedProductQueryDto } from './dto/managed-product.dto';

const productId = () => uuidParam('PRODUCT_NOT_FOUND', 'No such product.');
const cooperativeId = () => uuidParam('COOPERATIVE_NOT_FOUND', 'No such cooperative.');

@ApiTags('admin: catalog')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: admins only' })
@UseInterceptors(ClearsCatalogCache)
@Roles('admin')
@Controller('admin')
export class AdminCatalogController {
  constructor(private readonly admin: AdminCatalogService) {}

  @Get('cooperatives')
  @ApiOkResponse({
    type: ManagedCooperativePageDto,
    description: 'Oldest application first; filter status=PENDING for the verification queue',
  })
  cooperatives(@Query() query: AdminCooperativeQueryDto): Promise<ManagedCooperativePageDto> {
    return this.admin.listCooperatives(query);
  }

  @Post('cooperatives/:id/verify')
  @HttpCode(200)
  @ApiOkResponse({ type: ManagedCooperativeDto })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'COOPERATIVE_STATUS_CONFLICT' })
  @ApiResponse({ status: 422, type: ErrorDto, description: 'INVALID_CREDIT_CODE' })
  verify(@ActingUser() admin: Acting, @Param('id', cooperativeId()) id: string): Promise<ManagedCooperativeDto> {
    return this.admin.verifyCooperative(admin, id);
  }

  @Post('cooperatives/:id/suspend')
  @HttpCode(200)
  @ApiOkResponse({ type: ManagedCooperativeDto, description: 'Its products leave the catalog at once' })
  suspend(@ActingUser() admin: Acting, @Param('id', cooperativeId()) id: string, @Body() dto: ReasonDto): Promise<ManagedCooperativeDto> {
    return this.admin.suspendCooperative(admin, id, dto.reason);
  }

  @Put('cooperatives/:id/platform-fee')
  @ApiOkResponse({ type: ManagedCooperativeDto, description: 'Orders paid from now on are charged at this rate; paid ones keep theirs' })
  setPlatformFee(
    @ActingUser() admin: Acting,
    @Param('id', cooperativeId()) id: string,
    @Body() dto: PlatformFeeDto,
  ): Promise<ManagedCooperativeDto> {
    return this.admin.setPlatformFee(admin, id, dto.rateBp);
  }

  @Get('products')
  @ApiOkResponse({ type: ManagedProductPageDto, description: 'status=PENDING_REVIEW is the review queue, oldest submission first' })
  products(@Query() query: ManagedProductQueryDto): Promise<ManagedProductPageDto> {
    return this.admin.listProducts(query);
  }

  @Get('products/:id')
  @ApiOkResponse({ type: ManagedProductDto })
  product(@Param('id', productId()) id: string): Promise<ManagedProductDto> {
    return this.admin.product(id);
  }

  @Post('products/:id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: ManagedProductDto, description: 'PENDING_REVIEW → PUBLISHED' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'PRODUCT_STATUS_CONFLICT' })
  approve(@ActingUser() admin: Acting, @Param('id', productId()) id: string): Promise<ManagedProductDto> {
    return this.admin.approve(admin, id);
  }

  @Post('products/:id/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: ManagedProductDto, description: 'PENDING_REVIEW → DRAFT with the reason for the cooperative' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'PRODUCT_STATUS_CONFLICT' })
  reject(@ActingUser() admin: Acting, @Param('id', productId()) id: string, @Body() dto: ReasonDto): Promise<ManagedProductDto> {
    return this.admin.reject(admin, id, dto.reason);
  }

  @Post('products/:id/certify')
  @HttpCode(200)
  @ApiOkResponse({
    type: ManagedProductDto,
    description: 'Records the 消费帮扶产品 certificate; it stops counting the day after validUntil',
  })
  certify(@ActingUser() admin: Acting, @Param('id', productId()) id: string, @Body() dto: CertifyProductDto): Promise<ManagedProductDto> {
    return this.admin.certify(admin, id, dto);
  }

  @Delete('products/:id/certify')
  @ApiOkResponse({ type: ManagedProductDto, description: 'Withdraws the certificate' })
  revoke(@ActingUser() admin: Acting, @Param('id', productId()) id: string): Promise<ManagedProductDto> {
    return this.admin.revokeCertification(admin, id);
  }
}
