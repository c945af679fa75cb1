import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ActingUser, cooperativeOf, CurrentUser, type Acting, type AuthUser } from '../auth/current-user';
import { Roles, TownshipScoped } from '../auth/roles.decorator';
import { AppError } from '../common/app-error';
import { toCsvText, yuanCell as yuan } from '../common/csv';
import { sendDownload } from '../common/downloads';
import { ErrorDto } from '../common/error.dto';
import { readUploadedFile } from '../common/uploads';
import { uuidParam } from '../common/uuid-param';
import { CoopAccounts } from './coop-accounts.service';
import {
  AcknowledgeDto,
  CoopHouseholdListDto,
  CoopHouseholdPayoutQueryDto,
  CoopPayoutDto,
  CoopPayoutListDto,
  CoopPayoutQueryDto,
  CoopStatementDto,
  CooperativeBalanceListDto,
  HouseholdPayoutDto,
  HouseholdPayoutListDto,
  HouseholdStatementDto,
  PayoutImportQueryDto,
  PayoutImportReportDto,
  ReasonDto,
  ReceiptDto,
  RecordCoopPayoutDto,
  RecordHouseholdPayoutDto,
  StatementRangeQueryDto,
  TownshipPayoutQueryDto,
  TrailCsvQueryDto,
  TrailDto,
  TrailQueryDto,
  TrailYearQueryDto,
  YearStatementsDto,
} from './dto/trail.dto';
import { HouseholdPayouts, MAX_PAYOUT_IMPORT_ROWS, PAYOUT_IMPORT_COLUMNS } from './household-payouts.service';
import { MAX_RECEIPT_BYTES, RECEIPT_MEDIA_TYPE, ReceiptStore, receiptType } from './payout-receipts';
import { TrailReport } from './trail.service';

const payoutId = () => uuidParam('PAYOUT_NOT_FOUND', 'No such payout.');
const cooperativeId = () => uuidParam('COOPERATIVE_NOT_FOUND', 'No such cooperative.');
const MAX_PAYOUT_IMPORT_BYTES = 2 * 1024 * 1024;

function sendReceipt(reply: FastifyReply, file: { bytes: Buffer; type: keyof typeof RECEIPT_MEDIA_TYPE }): Promise<void> {
  return sendDownload(reply, {
    bytes: file.bytes,
    mediaType: RECEIPT_MEDIA_TYPE[file.type],
    downloadName: `receipt.${file.type.toLowerCase()}`,
  });
}

const RECEIPT_RESPONSE = { description: 'The receipt of a cash payout (JPEG, PNG, WebP or PDF), as a download' };

/** The cooperative's side of the money trail: its statements, the marketplace's transfers to it, and its payouts to households. */
@ApiTags('cooperative portal')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: cooperative staff only' })
@Roles('cooperative')
@Controller('coop')
export class CoopTrailController {
  constructor(
    private readonly accounts: CoopAccounts,
    private readonly payouts: HouseholdPayouts,
    private readonly receipts: ReceiptStore,
  ) {}

  @Get('statements')
  @ApiOkResponse({ type: YearStatementsDto, description: 'What the marketplace owes it, month by month, and what transfers settled' })
  statements(@ActingUser() user: Acting, @Query() query: TrailYearQueryDto): Promise<YearStatementsDto> {
    return this.accounts.year(cooperativeOf(user), query.year ?? this.accounts.thisYear());
  }

  @Get('statement')
  @ApiOkResponse({ type: CoopStatementDto, description: 'The statement of any run of days' })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED' })
  statement(@ActingUser() user: Acting, @Query() query: StatementRangeQueryDto): Promise<CoopStatementDto> {
    return this.accounts.statement(cooperativeOf(user), query.from, query.to);
  }

  @Get('payouts')
  @ApiOkResponse({
    type: CoopPayoutListDto,
    description: 'Transfers from the marketplace, newest first, and what is owed, paid, confirmed and disputed',
  })
  coopPayouts(@ActingUser() user: Acting): Promise<CoopPayoutListDto> {
    return this.accounts.payouts(cooperativeOf(user));
  }

  @Post('payouts/:id/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: CoopPayoutDto, description: 'The money arrived' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'PAYOUT_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'PAYOUT_STATUS_CONFLICT' })
  confirm(@ActingUser() user: Acting, @Param('id', payoutId()) id: string): Promise<CoopPayoutDto> {
    return this.accounts.respond(user, cooperativeOf(user), id, 'CONFIRMED', null);
  }

  @Post('payouts/:id/dispute')
  @HttpCode(200)
  @ApiOkResponse({ type: CoopPayoutDto, description: 'The money did not arrive as recorded; the reason goes to the admins' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'PAYOUT_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'PAYOUT_STATUS_CONFLICT' })
  dispute(@ActingUser() user: Acting, @Param('id', payoutId()) id: string, @Body() dto: ReasonDto): Promise<CoopPayoutDto> {
    return this.accounts.respond(user, cooperativeOf(user), id, 'DISPUTED', dto.reason);
  }

  @Get('households')
  @ApiOkResponse({
    type: CoopHouseholdListDto,
    description: 'Its linked households: code, masked name, village, allocated, paid, outstanding',
  })
  async households(@ActingUser() user: Acting): Promise<CoopHouseholdListDto> {
    return { items: await this.payouts.householdsOf(cooperativeOf(user)) };
  }

  @Get('household-payouts')
  @ApiOkResponse({ type: HouseholdPayoutListDto, description: 'Newest first' })
  async householdPayouts(@ActingUser() user: Acting, @Query() query: CoopHouseholdPayoutQueryDto): Promise<HouseholdPayoutListDto> {
    return { items: await this.payouts.ofCooperative(cooperativeOf(user), query) };
  }

  @Post('household-payouts')
  @ApiCreatedResponse({ type: HouseholdPayoutDto })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED' })
  @ApiResponse({ status: 422, type: ErrorDto, description: 'PAYOUT_EXCEEDS_ALLOCATION, HOUSEHOLD_NOT_LINKED' })
  record(@ActingUser() user: Acting, @Body() dto: RecordHouseholdPayoutDto): Promise<HouseholdPayoutDto> {
    return this.payouts.record(user, cooperativeOf(user), dto);
  }

  @Post('household-payouts/import')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({
    type: PayoutImportReportDto,
    description: `UTF-8 CSV with the columns ${PAYOUT_IMPORT_COLUMNS.join(', ')} (receipt_id for cash), at most ${MAX_PAYOUT_IMPORT_ROWS} rows; valid rows go in together, each refused row is reported`,
  })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'CSV_INVALID' })
  @ApiResponse({ status: 413, type: ErrorDto, description: 'PAYLOAD_TOO_LARGE' })
  async import(
    @ActingUser() user: Acting,
    @Query() query: PayoutImportQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<PayoutImportReportDto> {
    const cooperative = cooperativeOf(user);
    const bytes = await readUploadedFile(request, {
      field: 'file',
      what: 'the CSV',
      maxBytes: MAX_PAYOUT_IMPORT_BYTES,
      tooLargeMessage: 'A payout file may be at most 2 MB.',
    });
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new AppError('CSV_INVALID', 'The file is not UTF-8 text: save it from the spreadsheet as “CSV UTF-8”.');
    }
    return this.payouts.import(user, cooperative, text, query.dryRun === 'true');
  }

  @Post('household-payouts/:id/reverse')
  @ApiCreatedResponse({ type: HouseholdPayoutDto, description: 'The reversing row (the payout itself is never changed)' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'PAYOUT_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'PAYOUT_STATUS_CONFLICT: acknowledged, or reversed already' })
  reverse(@ActingUser() user: Acting, @Param('id', payoutId()) id: string, @Body() dto: ReasonDto): Promise<HouseholdPayoutDto> {
    return this.payouts.reverse(user, cooperativeOf(user), id, dto.reason);
  }

  @Post('payout-receipts')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: ReceiptDto, description: 'A cash payout’s receipt (photo or scan), kept for the payout that names it' })
  @ApiResponse({ status: 413, type: ErrorDto, description: 'PAYLOAD_TOO_LARGE: over 5 MB' })
  @ApiResponse({ status: 415, type: ErrorDto, description: 'UNSUPPORTED_RECEIPT_FILE: not a JPEG, PNG, WebP or PDF by its content' })
  async uploadReceipt(@ActingUser() user: Acting, @Req() request: FastifyRequest): Promise<ReceiptDto> {
    cooperativeOf(user);
    const bytes = await readUploadedFile(request, {
      field: 'file',
      what: 'the receipt',
      maxBytes: MAX_RECEIPT_BYTES,
      tooLargeMessage: `A receipt may be at most ${MAX_RECEIPT_BYTES / 1024 / 1024} MB.`,
    });
    if (!receiptType(bytes)) throw new AppError('UNSUPPORTED_RECEIPT_FILE', 'A receipt is a photo (JPEG, PNG, WebP) or a PDF scan.');
    return { receiptId: await this.receipts.save(bytes) };
  }

  @Get('household-payouts/:id/receipt')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp', 'application/pdf')
  @ApiOkResponse(RECEIPT_RESPONSE)
  @ApiResponse({ status: 404, type: ErrorDto, description: 'PAYOUT_NOT_FOUND, RECEIPT_NOT_FOUND' })
  async receipt(@CurrentUser() user: AuthUser, @Param('id', payoutId()) id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendReceipt(reply, await this.payouts.receipt(user, id));
  }
}

/** Admins record and correct the marketplace's transfers to cooperatives, and read their statements. */
@ApiTags('admin')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: admins only' })
@Roles('admin')
@Controller('admin')
export class AdminTrailController {
  constructor(private readonly accounts: CoopAccounts) {}

  @Get('cooperatives/:id/statements')
  @ApiOkResponse({ type: YearStatementsDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'COOPERATIVE_NOT_FOUND' })
  statements(@Param('id', cooperativeId()) id: string, @Query() query: TrailYearQueryDto): Promise<YearStatementsDto> {
    return this.accounts.year(id, query.year ?? this.accounts.thisYear());
  }

  @Get('cooperatives/:id/statement')
  @ApiOkResponse({ type: CoopStatementDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'COOPERATIVE_NOT_FOUND' })
  statement(@Param('id', cooperativeId()) id: string, @Query() query: StatementRangeQueryDto): Promise<CoopStatementDto> {
    return this.accounts.statement(id, query.from, query.to);
  }

  @Get('coop-payouts')
  @ApiOkResponse({ type: CoopPayoutListDto, description: 'Newest first (the last 500)' })
  coopPayouts(@Query() query: CoopPayoutQueryDto): Promise<CoopPayoutListDto> {
    return this.accounts.payouts(query.cooperativeId);
  }

  @Post('coop-payouts')
  @ApiCreatedResponse({ type: CoopPayoutDto })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'COOPERATIVE_NOT_FOUND' })
  @ApiResponse({ status: 422, type: ErrorDto, description: 'PAYOUT_EXCEEDS_STATEMENT' })
  record(@ActingUser() admin: Acting, @Body() dto: RecordCoopPayoutDto): Promise<CoopPayoutDto> {
    return this.accounts.record(admin, dto);
  }

  @Post('coop-payouts/:id/reverse')
  @ApiCreatedResponse({ type: CoopPayoutDto, description: 'The reversing row (the transfer itself is never changed)' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'PAYOUT_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'PAYOUT_STATUS_CONFLICT' })
  reverse(@ActingUser() admin: Acting, @Param('id', payoutId()) id: string, @Body() dto: ReasonDto): Promise<CoopPayoutDto> {
    return this.accounts.reverse(admin, id, dto.reason);
  }
}

const TRAIL_CSV_COLUMNS = [
  '分组 group',
  '名称 name',
  '已承诺(元) pledged (yuan)',
  '已到户(元) paid to households (yuan)',
  '已确认(元) acknowledged (yuan)',
  '未到户(元) outstanding (yuan)',
];

/** Pledged against paid, for officials; township officials see and acknowledge their townships' payouts. */
@ApiTags('impact')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN, OUTSIDE_YOUR_TOWNSHIPS' })
@Roles('official', 'admin')
@Controller('impact')
export class TrailController {
  constructor(
    private readonly trailReport: TrailReport,
    private readonly accounts: CoopAccounts,
    private readonly payouts: HouseholdPayouts,
  ) {}

  @Get('trail')
  @TownshipScoped()
  @ApiOkResponse({
    type: TrailDto,
    description: 'Pledged, paid to cooperatives, paid to households, acknowledged, outstanding and its ageing',
  })
  trail(@CurrentUser() user: AuthUser, @Query() query: TrailQueryDto): Promise<TrailDto> {
    return this.trailReport.trail(user, query);
  }

  @Get('trail.csv')
  @TownshipScoped()
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOkResponse({ description: 'The trail’s rows by cooperative, township or household status, and the total, as on the screen' })
  async trailCsv(@CurrentUser() user: AuthUser, @Query() query: TrailCsvQueryDto): Promise<string> {
    const { by = 'cooperative', ...filters } = query;
    const trail = await this.trailReport.trail(user, filters);
    const rows =
      by === 'cooperative'
        ? trail.byCooperative.map((row) => ({ key: row.id, ...row }))
        : by === 'township'
          ? trail.byTownship.map((row) => ({ key: row.code, ...row }))
          : trail.byHouseholdStatus.map((row) => ({ key: row.status, name: row.status, ...row }));
    const total = { key: 'total', name: '合计', ...trail };
    return toCsvText([
      TRAIL_CSV_COLUMNS,
      ...[...rows, total].map((row) => [
        row.key,
        row.name,
        yuan(row.pledgedFen),
        yuan(row.paidToHouseholdsFen),
        yuan(row.acknowledgedFen),
        yuan(row.outstandingFen),
      ]),
    ]);
  }

  @Get('cooperative-balances')
  @ApiOkResponse({
    type: CooperativeBalanceListDto,
    description: 'What each cooperative was owed by the year’s statements, and what was paid of it',
  })
  cooperativeBalances(@Query() query: TrailYearQueryDto): Promise<CooperativeBalanceListDto> {
    return this.accounts.cooperativeBalances(query.year ?? this.accounts.thisYear());
  }

  @Get('household-payouts')
  @TownshipScoped()
  @ApiOkResponse({ type: HouseholdPayoutListDto, description: 'Payouts to the households of the caller’s townships, newest first' })
  async householdPayouts(@CurrentUser() user: AuthUser, @Query() query: TownshipPayoutQueryDto): Promise<HouseholdPayoutListDto> {
    return { items: await this.payouts.inTownships(user, query) };
  }

  @Post('household-payouts/:id/acknowledge')
  @Roles('official')
  @TownshipScoped()
  @ApiCreatedResponse({ type: HouseholdPayoutDto, description: 'By the township official or village cadre who visited the household' })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'PAYOUT_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'PAYOUT_ALREADY_ACKNOWLEDGED, PAYOUT_STATUS_CONFLICT' })
  acknowledge(@ActingUser() user: Acting, @Param('id', payoutId()) id: string, @Body() dto: AcknowledgeDto): Promise<HouseholdPayoutDto> {
    return this.payouts.acknowledge(user, id, dto);
  }

  @Get('household-payouts/:id/receipt')
  @TownshipScoped()
  @ApiProduces('image/jpeg', 'image/png', 'image/webp', 'application/pdf')
  @ApiOkResponse(RECEIPT_RESPONSE)
  @ApiResponse({ status: 404, type: ErrorDto, description: 'PAYOUT_NOT_FOUND, RECEIPT_NOT_FOUND' })
  async receipt(@CurrentUser() user: AuthUser, @Param('id', payoutId()) id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendReceipt(reply, await this.payouts.receipt(user, id));
  }

  @Get('households/:id/statement')
  @TownshipScoped()
  @ApiOkResponse({ type: HouseholdStatementDto, description: 'Admins and the township officials of its township; every read is audited' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'HOUSEHOLD_NOT_FOUND' })
  householdStatement(
    @ActingUser() user: Acting,
    @Param('id', uuidParam('HOUSEHOLD_NOT_FOUND', 'No such household.')) id: string,
  ): Promise<HouseholdStatementDto> {
    return this.payouts.statement(user, id);
  }
}
