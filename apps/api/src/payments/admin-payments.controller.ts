import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ActingUser, type Acting } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { ErrorDto } from '../common/error.dto';
import { RefundDto } from '../orders/dto/order.dto';
import { CreateRefundDto, FlaggedPaymentDto } from './dto/refund.dto';
import { PaymentsRepository } from './payments.repository';
import { RefundsService, toRefund } from './refunds.service';

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
  ) {}

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
