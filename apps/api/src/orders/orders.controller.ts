import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ActingUser, type Acting } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { AppError } from '../common/app-error';
import { ErrorDto } from '../common/error.dto';
import { CheckoutService } from './checkout.service';
import { CheckoutDto, OrderDto, OrderPageDto, OrderQueryDto, QuoteDto, QuoteRequestDto } from './dto/order.dto';
import { OrdersService } from './orders.service';
import { PaymentsService } from '../payments/payments.service';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;
/** A path's order number; anything not shaped like one names no order. */
export const orderNumber = (number: string) => {
  if (!/^QH\d{8}-\d{6,}$/.test(number)) throw new AppError('ORDER_NOT_FOUND', 'No such order.');
  return number;
};

/** The Idempotency-Key header a placing route requires: 8–64 letters, digits, - or _. */
export function idempotencyKeyOf(key: string | undefined): string {
  if (!key || !IDEMPOTENCY_KEY.test(key)) {
    throw new AppError('VALIDATION_FAILED', 'An Idempotency-Key header of 8–64 letters, digits, - or _ is required', [
      { field: 'Idempotency-Key', problems: ['required: 8–64 letters, digits, - or _'] },
    ]);
  }
  return key;
}

/** A buyer's checkout and orders; nobody else's orders are visible, not even to tell that they exist. */
@ApiTags('orders')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: buyers only' })
@Roles('buyer')
@Controller()
export class OrdersController {
  constructor(
    private readonly checkouts: CheckoutService,
    private readonly orders: OrdersService,
    private readonly payments: PaymentsService,
  ) {}

  @Post('checkout')
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '8–64 letters, digits, - or _; the same key returns the same order' })
  @ApiCreatedResponse({ type: OrderDto, description: 'The order, awaiting payment; 200 with the same order when the key was used before' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'OUT_OF_STOCK, LINES_UNAVAILABLE, CART_EMPTY, IDEMPOTENCY_KEY_REUSED' })
  @ApiResponse({ status: 422, type: ErrorDto, description: 'COLD_CHAIN_UNAVAILABLE' })
  @ApiResponse({ status: 503, type: ErrorDto, description: 'PAYMENT_PROVIDER_UNAVAILABLE: nothing ordered, the cart is as it was' })
  async checkout(
    @ActingUser() buyer: Acting,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: CheckoutDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderDto> {
    const { order, replayed } = await this.checkouts.checkout(buyer, idempotencyKeyOf(key), dto);
    reply.status(replayed ? 200 : 201);
    return order;
  }

  @Post('checkout/quote')
  @HttpCode(200)
  @ApiOkResponse({ type: QuoteDto, description: 'The parcels, their fees and the total a checkout would charge now; nothing is reserved' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'LINES_UNAVAILABLE, CART_EMPTY' })
  @ApiResponse({ status: 422, type: ErrorDto, description: 'COLD_CHAIN_UNAVAILABLE' })
  quote(@ActingUser() buyer: Acting, @Body() dto: QuoteRequestDto): Promise<QuoteDto> {
    return this.checkouts.quote(buyer, dto);
  }

  @Get('orders')
  @ApiOkResponse({ type: OrderPageDto, description: 'Newest first' })
  list(@ActingUser() buyer: Acting, @Query() query: OrderQueryDto): Promise<OrderPageDto> {
    return this.orders.list(buyer, query);
  }

  @Get('orders/:number')
  @ApiOkResponse({ type: OrderDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'ORDER_NOT_FOUND' })
  get(@ActingUser() buyer: Acting, @Param('number') number: string): Promise<OrderDto> {
    return this.orders.forBuyer(buyer, orderNumber(number));
  }

  @Post('orders/:number/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: OrderDto, description: 'Before any part ships; the stock goes back' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'ORDER_STATUS_CONFLICT' })
  cancel(@ActingUser() buyer: Acting, @Param('number') number: string): Promise<OrderDto> {
    return this.orders.cancel(buyer, orderNumber(number));
  }

  @Post('orders/:number/confirm-receipt')
  @HttpCode(200)
  @ApiOkResponse({ type: OrderDto, description: 'SHIPPED → COMPLETED' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'ORDER_STATUS_CONFLICT' })
  confirmReceipt(@ActingUser() buyer: Acting, @Param('number') number: string): Promise<OrderDto> {
    return this.orders.confirmReceipt(buyer, orderNumber(number));
  }

  @Post('payments/demo/:number/pay')
  @HttpCode(200)
  @ApiOkResponse({ type: OrderDto, description: 'Demo provider: pays the order (no money moves)' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'ORDER_STATUS_CONFLICT: not awaiting payment, or expired' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'DEMO_PROVIDER_DISABLED: the order is paid through Stripe' })
  async payDemo(@ActingUser() buyer: Acting, @Param('number') number: string): Promise<OrderDto> {
    await this.payments.payDemo(buyer, orderNumber(number));
    return this.orders.forPayer(buyer, number);
  }

  @Post('payments/demo/:number/fail')
  @HttpCode(200)
  @ApiOkResponse({ type: OrderDto, description: 'Demo provider: a declined payment; the order still awaits payment' })
  async failDemo(@ActingUser() buyer: Acting, @Param('number') number: string): Promise<OrderDto> {
    await this.payments.failDemo(buyer, orderNumber(number));
    return this.orders.forPayer(buyer, number);
  }
}
