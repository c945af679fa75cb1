import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ActingUser, type Acting } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { ReasonDto } from '../catalog/dto/admin-catalog.dto';
import { MAX_IMAGE_BYTES, readUploadedImage } from '../catalog/product-images';
import { ErrorDto } from '../common/error.dto';
import {
  AcceptanceInputDto,
  OrgOrderDto,
  OrgOrderPageDto,
  OrgOrderQueryDto,
  OrgOrderRequestDto,
  OrgQuoteDto,
  OrgQuoteRequestDto,
} from './dto/org-order.dto';
import { idempotencyKeyOf, orderNumber } from './orders.controller';
import { OrgOrdersService } from './org-orders.service';
import { AcceptanceService } from './acceptance.service';
import { uuidParam } from '../common/uuid-param';

/** The organisation's orders (单位采购): placed by purchasers, decided by approvers, seen by every member. */
@ApiTags('organisation')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED' })
@ApiResponse({ status: 404, type: ErrorDto, description: 'ORGANISATION_NOT_FOUND, ORDER_NOT_FOUND' })
@Roles('buyer')
@Controller('org/orders')
export class OrgOrdersController {
  constructor(
    private readonly orders: OrgOrdersService,
    private readonly acceptance: AcceptanceService,
  ) {}

  @Post('quote')
  @HttpCode(200)
  @ApiOkResponse({ type: OrgQuoteDto, description: 'Purchasers: prices with breaks, one delivery per cooperative, the earliest day' })
  quote(@ActingUser() user: Acting, @Body() dto: OrgQuoteRequestDto): Promise<OrgQuoteDto> {
    return this.orders.quote(user, dto);
  }

  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'The same key again returns the same order' })
  @ApiCreatedResponse({ type: OrgOrderDto, description: 'AWAITING_APPROVAL at or above the threshold, else AWAITING_PAYMENT' })
  @ApiOkResponse({ type: OrgOrderDto, description: 'The order placed earlier with this key' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'OUT_OF_STOCK, LINES_UNAVAILABLE, ORGANISATION_STATUS_CONFLICT' })
  @ApiResponse({ status: 422, type: ErrorDto, description: 'DELIVERY_DATE_UNAVAILABLE, COLD_CHAIN_UNAVAILABLE' })
  async submit(
    @ActingUser() user: Acting,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: OrgOrderRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrgOrderDto> {
    const { order, replayed } = await this.orders.submit(user, idempotencyKeyOf(key), dto);
    if (replayed) void reply.status(200);
    return order;
  }

  @Get()
  @ApiOkResponse({ type: OrgOrderPageDto, description: 'Newest first; status=AWAITING_APPROVAL is the approvers’ queue' })
  list(@ActingUser() user: Acting, @Query() query: OrgOrderQueryDto): Promise<OrgOrderPageDto> {
    return this.orders.list(user, query);
  }

  @Get(':number')
  @ApiOkResponse({ type: OrgOrderDto })
  get(@ActingUser() user: Acting, @Param('number') number: string): Promise<OrgOrderDto> {
    return this.orders.get(user, orderNumber(number));
  }

  @Post(':number/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: OrgOrderDto, description: 'Approvers: AWAITING_APPROVAL → AWAITING_PAYMENT' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'ORDER_STATUS_CONFLICT' })
  approve(@ActingUser() user: Acting, @Param('number') number: string): Promise<OrgOrderDto> {
    return this.orders.approve(user, orderNumber(number));
  }

  @Post(':number/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: OrgOrderDto, description: 'Approvers: cancelled with the reason; the stock goes back' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'ORDER_STATUS_CONFLICT' })
  reject(@ActingUser() user: Acting, @Param('number') number: string, @Body() dto: ReasonDto): Promise<OrgOrderDto> {
    return this.orders.reject(user, orderNumber(number), dto.reason);
  }

  @Post(':number/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: OrgOrderDto, description: 'The purchaser who placed it, or a manager, before anything ships' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'ORDER_STATUS_CONFLICT' })
  cancel(@ActingUser() user: Acting, @Param('number') number: string): Promise<OrgOrderDto> {
    return this.orders.cancel(user, orderNumber(number));
  }

  @Post(':number/fulfillments/:fulfillmentId/acceptance')
  @HttpCode(200)
  @ApiOkResponse({ type: OrgOrderDto, description: 'Receivers: 验收 of a shipped part; a shortfall becomes a claim for an admin' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'FULFILLMENT_STATUS_CONFLICT: not shipped, or accepted already' })
  async accept(
    @ActingUser() user: Acting,
    @Param('number') number: string,
    @Param('fulfillmentId', uuidParam('FULFILLMENT_NOT_FOUND', 'No such shipment of this order.')) fulfillmentId: string,
    @Body() dto: AcceptanceInputDto,
  ): Promise<OrgOrderDto> {
    await this.acceptance.accept(user, orderNumber(number), fulfillmentId, dto);
    return this.orders.get(user, number);
  }

  @Post(':number/fulfillments/:fulfillmentId/acceptance/photos')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['photo'], properties: { photo: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: OrgOrderDto, description: 'Receivers: a photo of the shortfall, for the admin deciding the claim (at most 5)' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'SHORTFALL_CLAIM_NOT_FOUND: the part has no shortfall' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'SHORTFALL_CLAIM_STATUS_CONFLICT: decided already' })
  @ApiResponse({ status: 413, type: ErrorDto, description: `PAYLOAD_TOO_LARGE: over ${MAX_IMAGE_BYTES} bytes` })
  @ApiResponse({ status: 415, type: ErrorDto, description: 'UNSUPPORTED_IMAGE_TYPE: not a JPEG, PNG or WebP by its content' })
  @ApiResponse({ status: 422, type: ErrorDto, description: 'TOO_MANY_IMAGES' })
  async addPhoto(
    @ActingUser() user: Acting,
    @Param('number') number: string,
    @Param('fulfillmentId', uuidParam('FULFILLMENT_NOT_FOUND', 'No such shipment of this order.')) fulfillmentId: string,
    @Req() request: FastifyRequest,
  ): Promise<OrgOrderDto> {
    const { bytes, type } = await readUploadedImage(request, 'photo', 'the photo');
    await this.acceptance.addPhoto(user, orderNumber(number), fulfillmentId, bytes, type);
    return this.orders.get(user, number);
  }

  @Post(':number/payment')
  @HttpCode(200)
  @ApiOkResponse({ type: OrgOrderDto, description: 'Starts the payment again if the provider could not take it at approval' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'ORDER_STATUS_CONFLICT' })
  resumePayment(@ActingUser() user: Acting, @Param('number') number: string): Promise<OrgOrderDto> {
    return this.orders.resumePayment(user, orderNumber(number));
  }
}
