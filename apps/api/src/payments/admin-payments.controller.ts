import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ActingUser, type Acting } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { AppError } from '../common/app-error';
import { ErrorDto } from '../common/error.dto';
import { OrderDto, RefundDto } from '../orders/dto/order.dto';
import { OrdersService, toRefund } from '../orders/orders.service';
import { CreateRefundDto, FlaggedPaymentDto } from './dto/refund.dto';
import { PaymentsRepository } from './payments.repository';
import { RefundsService } from './refunds.service';

@ApiTags('admin: payments')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: admins only' })
@Roles('admin')
@Controller('admin')
export class AdminPaymentsController {
  constructor(
    private readonly refunds: RefundsService,
    private readonly payments: PaymentsRepository,
    private readonly orders: OrdersService,
  ) {}

  @Get('orders/:number')
  @ApiOkResponse({ type: OrderDto, description: 'Any order, with its lines, payment and refunds' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'ORDER_NOT_FOUND' })
  order(@Param('number') number: string): Promise<OrderDto> {
    if (!/^QH\d{8}-\d{6,}$/.test(number)) throw new AppError('ORDER_NOT_FOUND', 'No such order.');
    return this.orders.byNumber(number);
  }

  @Post('refunds')
  @ApiCreatedResponse({ type: RefundDto, description: 'PENDING until the payment provider confirms it; the order changes then' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'ORDER_STATUS_CONFLICT (not paid), NOTHING_TO_REFUND' })
  @ApiResponse({ status: 422, type: ErrorDto, description: 'ORDER_LINE_NOT_FOUND, REFUND_QUANTITY_TOO_LARGE' })
  @ApiResponse({ status: 502, type: ErrorDto, description: 'PAYMENT_PROVIDER_ERROR: the provider refused; nothing was refunded' })
  async refund(@ActingUser() admin: Acting, @Body() dto: CreateRefundDto): Promise<RefundDto> {
    return toRefund(await this.refunds.requestByAdmin(admin, dto));
  }

  @Get('payments/flagged')
  @ApiOkResponse({
    type: [FlaggedPaymentDto],
    description: 'Payments that need a person, e.g. an amount that does not match its order; newest first',
  })
  flagged(): Promise<FlaggedPaymentDto[]> {
    return this.payments.flagged(100);
  }
}
