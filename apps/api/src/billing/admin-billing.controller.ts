import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ActingUser, type Acting } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { ErrorDto } from '../common/error.dto';
import { uuidParam } from '../common/uuid-param';
import { CreditService } from './credit.service';
import {
  AdminAccountDto,
  CreditTermsInputDto,
  RecordedTransferDto,
  RecordTransferDto,
  StatementDto,
  TransferListDto,
  TransferQueryDto,
} from './dto/billing.dto';
import { StatementsService } from './statements.service';
import { TransfersService } from './transfers.service';

const organisationId = () => uuidParam('ORGANISATION_NOT_FOUND', 'No such organisation.');

/** Payment on account, for admins: credit terms, any organisation's account and statements, and the bank transfers received. */
@ApiTags('admin: payments')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: admins only' })
@Roles('admin')
@Controller('admin')
export class AdminBillingController {
  constructor(
    private readonly credit: CreditService,
    private readonly statements: StatementsService,
    private readonly transfers: TransfersService,
  ) {}

  @Get('organisations/:id/account')
  @ApiOkResponse({ type: AdminAccountDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'ORGANISATION_NOT_FOUND' })
  account(@Param('id', organisationId()) id: string): Promise<AdminAccountDto> {
    return this.credit.adminAccount(id);
  }

  @Put('organisations/:id/credit-terms')
  @ApiOkResponse({ type: AdminAccountDto, description: 'Granted or changed; its orders go on account from now on' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'ORGANISATION_STATUS_CONFLICT: not verified' })
  grant(
    @ActingUser() admin: Acting,
    @Param('id', organisationId()) id: string,
    @Body() dto: CreditTermsInputDto,
  ): Promise<AdminAccountDto> {
    return this.credit.grant(admin, id, dto);
  }

  @Delete('organisations/:id/credit-terms')
  @ApiOkResponse({ type: AdminAccountDto, description: 'Withdrawn: new orders are paid online; what is on account stays due' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'NO_CREDIT_TERMS' })
  withdraw(@ActingUser() admin: Acting, @Param('id', organisationId()) id: string): Promise<AdminAccountDto> {
    return this.credit.withdraw(admin, id);
  }

  @Get('statements/:number')
  @ApiOkResponse({ type: StatementDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'STATEMENT_NOT_FOUND' })
  statement(@Param('number') number: string): Promise<StatementDto> {
    return this.statements.getForAdmin(number);
  }

  @Get('transfers')
  @ApiOkResponse({ type: TransferListDto })
  list(@Query() query: TransferQueryDto): Promise<TransferListDto> {
    return this.transfers.list(query.organisationId);
  }

  @Post('transfers')
  @HttpCode(201)
  @ApiCreatedResponse({ type: RecordedTransferDto, description: 'Recorded; the orders it paid in full are PAID and in the ledger' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'ORGANISATION_NOT_FOUND, STATEMENT_NOT_FOUND, ORDER_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'TRANSFER_ALREADY_RECORDED' })
  record(@ActingUser() admin: Acting, @Body() dto: RecordTransferDto): Promise<RecordedTransferDto> {
    return this.transfers.record(admin, dto);
  }
}
