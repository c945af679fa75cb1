import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { LOT_CODE_PATTERN } from '@qh/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ActingUser, CurrentUser, type Acting, type AuthUser } from '../auth/current-user';
import { Public, Roles } from '../auth/roles.decorator';
import { AppError } from '../common/app-error';
import { sendDownload } from '../common/downloads';
import { ErrorDto } from '../common/error.dto';
import { readUploadedFile } from '../common/uploads';
import { uuidParam } from '../common/uuid-param';
import { MAX_RECEIPT_BYTES } from '../impact/payout-receipts';
import {
  AdminLotQueryDto,
  CreateLotDto,
  LabelSheetDto,
  LotDto,
  LotListDto,
  LotQueryDto,
  LotRecipientsDto,
  MyLotDto,
  PublicLotDto,
  RecallLotDto,
} from './dto/lot.dto';
import { LotsService } from './lots.service';

const lotId = () => uuidParam('LOT_NOT_FOUND', 'No such lot.');

/** A lot code from the path (a QR code's URL); anything else is simply no lot. */
function lotCode(code: string): string {
  const upper = code.toUpperCase();
  if (!LOT_CODE_PATTERN.test(upper)) throw new AppError('LOT_NOT_FOUND', 'No such lot.');
  return upper;
}

@ApiTags('cooperative portal')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN' })
@Roles('cooperative')
@Controller('coop')
export class CoopLotsController {
  constructor(private readonly lots: LotsService) {}

  @Get('lots')
  @ApiOkResponse({ type: LotListDto, description: 'The cooperative’s lots, newest first' })
  list(@ActingUser() user: Acting, @Query() query: LotQueryDto): Promise<LotListDto> {
    return this.lots.list(user, query);
  }

  @Post('lots')
  @ApiCreatedResponse({ type: LotDto, description: 'The lot, with its generated code and best-before (production day + shelf life)' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'PRODUCT_NOT_FOUND' })
  @ApiResponse({ status: 422, type: ErrorDto, description: 'QUARANTINE_CERTIFICATE_REQUIRED' })
  create(@ActingUser() user: Acting, @Body() dto: CreateLotDto): Promise<LotDto> {
    return this.lots.create(user, dto);
  }

  @Post('lots/:id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: LotDto, description: 'A closed lot ships no more' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'LOT_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'LOT_CLOSED' })
  close(@ActingUser() user: Acting, @Param('id', lotId()) id: string): Promise<LotDto> {
    return this.lots.close(user, id);
  }

  @Post('lots/:id/report')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: LotDto, description: 'The lot with its test report (PDF or photo, judged by content); only before it ships' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'LOT_SHIPPED' })
  @ApiResponse({ status: 413, type: ErrorDto, description: 'PAYLOAD_TOO_LARGE: over 5 MB' })
  @ApiResponse({ status: 415, type: ErrorDto, description: 'UNSUPPORTED_REPORT_FILE' })
  async attachReport(@ActingUser() user: Acting, @Param('id', lotId()) id: string, @Req() request: FastifyRequest): Promise<LotDto> {
    const bytes = await readUploadedFile(request, {
      field: 'file',
      what: 'the test report',
      maxBytes: MAX_RECEIPT_BYTES,
      tooLargeMessage: `A test report may be at most ${MAX_RECEIPT_BYTES / 1024 / 1024} MB.`,
    });
    return this.lots.attachReport(user, id, bytes);
  }

  @Get('fulfillments/:id/labels')
  @ApiOkResponse({ type: LabelSheetDto, description: 'Box labels of a shipped part: one per line and lot, `copies` boxes each' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'FULFILLMENT_NOT_FOUND' })
  labels(
    @ActingUser() user: Acting,
    @Param('id', uuidParam('FULFILLMENT_NOT_FOUND', 'No such shipment.')) id: string,
  ): Promise<LabelSheetDto> {
    return this.lots.labels(user, id);
  }
}

/** A label's QR code opens the lot's page: for anyone, signed in or not. */
@ApiTags('catalog')
@Controller('lots')
export class PublicLotsController {
  constructor(private readonly lots: LotsService) {}

  @Public()
  @Get(':code')
  @ApiOkResponse({ type: PublicLotDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'LOT_NOT_FOUND' })
  lot(@Param('code') code: string): Promise<PublicLotDto> {
    return this.lots.publicLot(lotCode(code));
  }

  @Public()
  @Get(':code/report')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp', 'application/pdf')
  @ApiOkResponse({ description: 'The lot’s test report, as a download' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'LOT_NOT_FOUND, LOT_REPORT_NOT_FOUND' })
  async report(@Param('code') code: string, @Res() reply: FastifyReply): Promise<void> {
    await sendDownload(reply, await this.lots.report(lotCode(code)));
  }

  @ApiBearerAuth()
  @Roles('buyer')
  @Get(':code/mine')
  @ApiOkResponse({ type: MyLotDto, description: 'The caller’s own order lines from this lot (or their organisation’s, as a receiver)' })
  @ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'LOT_NOT_FOUND' })
  mine(@CurrentUser() user: AuthUser, @Param('code') code: string): Promise<MyLotDto> {
    return this.lots.mine(user, lotCode(code));
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN' })
@Roles('admin')
@Controller('admin/lots')
export class AdminLotsController {
  constructor(private readonly lots: LotsService) {}

  @Get()
  @ApiOkResponse({ type: LotListDto })
  list(@Query() query: AdminLotQueryDto): Promise<LotListDto> {
    return this.lots.adminList(query);
  }

  @Get(':id/recipients')
  @ApiOkResponse({ type: LotRecipientsDto, description: 'Every order line and organisation that received the lot' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'LOT_NOT_FOUND' })
  recipients(@Param('id', lotId()) id: string): Promise<LotRecipientsDto> {
    return this.lots.recipients(id);
  }

  @Post(':id/recall')
  @HttpCode(200)
  @ApiOkResponse({ type: LotRecipientsDto, description: 'Recalled: its page shows the notice and every buyer who received it is told' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'LOT_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'LOT_RECALLED' })
  recall(@ActingUser() admin: Acting, @Param('id', lotId()) id: string, @Body() dto: RecallLotDto): Promise<LotRecipientsDto> {
    return this.lots.recall(admin, id, dto.notice);
  }
}
