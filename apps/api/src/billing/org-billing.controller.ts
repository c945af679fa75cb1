import { Controller, Get, Header, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ActingUser, CurrentUser, type Acting, type AuthUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { ErrorDto } from '../common/error.dto';
import { CreditService } from './credit.service';
import { AccountDto, StatementDto, StatementListDto } from './dto/billing.dto';
import { StatementsService } from './statements.service';

/** The caller's organisation's account (记账): its standing for every member, its statements for finance and managers. */
@ApiTags('organisation')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({
  status: 403,
  type: ErrorDto,
  description: 'FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED: statements are for FINANCE and MANAGER',
})
@ApiResponse({ status: 404, type: ErrorDto, description: 'ORGANISATION_NOT_FOUND: the caller belongs to none' })
@Roles('buyer')
@Controller('org')
export class OrgBillingController {
  constructor(
    private readonly credit: CreditService,
    private readonly statements: StatementsService,
  ) {}

  @Get('account')
  @ApiOkResponse({ type: AccountDto, description: 'Terms, what is owed and overdue, and what may still be ordered on account' })
  account(@CurrentUser() user: AuthUser): Promise<AccountDto> {
    return this.credit.account(user);
  }

  @Get('statements')
  @ApiOkResponse({ type: StatementListDto })
  list(@CurrentUser() user: AuthUser): Promise<StatementListDto> {
    return this.statements.list(user);
  }

  @Post('statements')
  @ApiCreatedResponse({ type: StatementDto, description: 'A statement up to today, of everything no statement listed yet' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'STATEMENT_NOTHING_NEW' })
  issue(@ActingUser() user: Acting): Promise<StatementDto> {
    return this.statements.issueNow(user);
  }

  @Get('statements/:number')
  @ApiOkResponse({ type: StatementDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'STATEMENT_NOT_FOUND' })
  get(@CurrentUser() user: AuthUser, @Param('number') number: string): Promise<StatementDto> {
    return this.statements.get(user, number);
  }

  @Get('statements/:number/csv')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOkResponse({ description: 'The statement as a table: UTF-8 with a byte-order mark, a line per item, then what is due' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'STATEMENT_NOT_FOUND' })
  csv(@CurrentUser() user: AuthUser, @Param('number') number: string): Promise<string> {
    return this.statements.csv(user, number);
  }
}
