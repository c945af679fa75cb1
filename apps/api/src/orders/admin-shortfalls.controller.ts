import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ActingUser, type Acting } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { ReasonDto } from '../catalog/dto/admin-catalog.dto';
import { ErrorDto } from '../common/error.dto';
import { uuidParam } from '../common/uuid-param';
import { AcceptanceService } from './acceptance.service';
import { ShortfallClaimDto, ShortfallClaimPageDto, ShortfallClaimQueryDto } from './dto/org-order.dto';

const claimId = () => uuidParam('SHORTFALL_CLAIM_NOT_FOUND', 'No such shortfall claim.');

/** Shortfalls organisations found on delivery (验收短缺): refunded through the refund machinery, or declined with a reason. */
@ApiTags('admin: payments')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: admins only' })
@Roles('admin')
@Controller('admin/shortfalls')
export class AdminShortfallsController {
  constructor(private readonly acceptance: AcceptanceService) {}

  @Get()
  @ApiOkResponse({ type: ShortfallClaimPageDto, description: 'Oldest first; status=PENDING is the queue' })
  list(@Query() query: ShortfallClaimQueryDto): Promise<ShortfallClaimPageDto> {
    return this.acceptance.claims(query);
  }

  @Post(':id/refund')
  @HttpCode(200)
  @ApiOkResponse({
    type: ShortfallClaimDto,
    description: 'Refunds the short units; the ledger gives back their share when the provider confirms',
  })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'SHORTFALL_CLAIM_STATUS_CONFLICT, ORDER_STATUS_CONFLICT' })
  refund(@ActingUser() admin: Acting, @Param('id', claimId()) id: string): Promise<ShortfallClaimDto> {
    return this.acceptance.refund(admin, id);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: ShortfallClaimDto, description: 'Declined with the reason the organisation reads' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'SHORTFALL_CLAIM_STATUS_CONFLICT' })
  decline(@ActingUser() admin: Acting, @Param('id', claimId()) id: string, @Body() dto: ReasonDto): Promise<ShortfallClaimDto> {
    return this.acceptance.decline(admin, id, dto.reason);
  }
}
