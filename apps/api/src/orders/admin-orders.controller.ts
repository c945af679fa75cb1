import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { AppError } from '../common/app-error';
import { ErrorDto } from '../common/error.dto';
import { AdminOrderPageDto, AdminOrderQueryDto, OrderDto } from './dto/order.dto';
import { OrdersService } from './orders.service';

@ApiTags('admin: payments')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: admins only' })
@Roles('admin')
@Controller('admin')
export class AdminOrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get('orders')
  @ApiOkResponse({
    type: AdminOrderPageDto,
    description: 'Newest first; by order number (or its start), mobile number or buyer email, and status',
  })
  search(@Query() query: AdminOrderQueryDto): Promise<AdminOrderPageDto> {
    return this.orders.search(query);
  }

  @Get('orders/:number')
  @ApiOkResponse({ type: OrderDto, description: 'Any order, with its lines, payment and refunds' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'ORDER_NOT_FOUND' })
  order(@Param('number') number: string): Promise<OrderDto> {
    if (!/^QH\d{8}-\d{6,}$/.test(number)) throw new AppError('ORDER_NOT_FOUND', 'No such order.');
    return this.orders.byNumber(number);
  }
}
