import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ActingUser, type Acting } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { ErrorDto } from '../common/error.dto';
import { uuidParam } from '../common/uuid-param';
import { CoopFulfillmentDto, CoopFulfillmentPageDto, CoopFulfillmentQueryDto, ShipDto } from './dto/order.dto';
import { FulfillmentsService } from './fulfillments.service';

@ApiTags('cooperative portal')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN, NOT_YOUR_COOPERATIVE' })
@Roles('cooperative')
@Controller('coop/fulfillments')
export class FulfillmentsController {
  constructor(private readonly fulfillments: FulfillmentsService) {}

  @Get()
  @ApiOkResponse({ type: CoopFulfillmentPageDto, description: "The cooperative's parts of paid orders, newest first" })
  list(@ActingUser() user: Acting, @Query() query: CoopFulfillmentQueryDto): Promise<CoopFulfillmentPageDto> {
    return this.fulfillments.list(user, query);
  }

  @Post(':id/ship')
  @HttpCode(200)
  @ApiOkResponse({ type: CoopFulfillmentDto })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'FULFILLMENT_STATUS_CONFLICT, ORDER_STATUS_CONFLICT' })
  @ApiResponse({ status: 422, type: ErrorDto, description: 'PRESALE_NOT_SHIPPABLE' })
  ship(
    @ActingUser() user: Acting,
    @Param('id', uuidParam('FULFILLMENT_NOT_FOUND', 'No such shipment.')) id: string,
    @Body() dto: ShipDto,
  ): Promise<CoopFulfillmentDto> {
    return this.fulfillments.ship(user, id, dto);
  }
}
