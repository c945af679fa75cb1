import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ActingUser, CurrentUser, type Acting, type AuthUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { sendDownload } from '../common/downloads';
import { ErrorDto } from '../common/error.dto';
import { readUploadedFileAndFields } from '../common/uploads';
import { uuidParam } from '../common/uuid-param';
import { InvoiceRequestDto, InvoiceRequestListDto, InvoiceRequestQueryDto } from './dto/invoice-request.dto';
import { MAX_INVOICE_BYTES } from './invoice-files';
import { InvoiceRequestsService } from './invoice-requests.service';

const requestId = () => uuidParam('INVOICE_REQUEST_NOT_FOUND', 'No such invoice request.');
const invoiceId = () => uuidParam('INVOICE_NOT_FOUND', 'No such invoice.');

const FILE_RESPONSE = { description: 'The e-invoice file (PDF or OFD), as a download' };

/** The cooperative portal's invoice requests: one per shipped part of an order that asked for an invoice, and red-letter ones. */
@ApiTags('cooperative portal')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: cooperative staff only' })
@Roles('cooperative')
@Controller('coop/invoice-requests')
export class CoopInvoiceRequestsController {
  constructor(private readonly invoices: InvoiceRequestsService) {}

  @Get()
  @ApiOkResponse({ type: InvoiceRequestListDto, description: 'Open ones first, oldest first' })
  list(@ActingUser() user: Acting, @Query() query: InvoiceRequestQueryDto): Promise<InvoiceRequestListDto> {
    return this.invoices.forCooperative(user, query.status);
  }

  @Post(':id/invoice')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'invoiceNumber', 'issuedOn', 'amountFen'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'The e-invoice, PDF or OFD, at most 5 MB' },
        invoiceNumber: { type: 'string', example: '26442000000012345678' },
        issuedOn: { type: 'string', format: 'date' },
        amountFen: { type: 'integer', minimum: 1, description: 'Must equal the amount due' },
      },
    },
  })
  @ApiOkResponse({ type: InvoiceRequestDto, description: 'Issued: the buyer and the organisation’s finance members can download it' })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'INVOICE_REQUEST_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'INVOICE_REQUEST_STATUS_CONFLICT, INVOICE_NUMBER_TAKEN' })
  @ApiResponse({ status: 413, type: ErrorDto, description: 'PAYLOAD_TOO_LARGE: over 5 MB' })
  @ApiResponse({ status: 415, type: ErrorDto, description: 'UNSUPPORTED_INVOICE_FILE: not a PDF or OFD by its content' })
  @ApiResponse({ status: 422, type: ErrorDto, description: 'INVOICE_AMOUNT_MISMATCH: not the amount due' })
  async issue(
    @ActingUser() user: Acting,
    @Param('id', requestId()) id: string,
    @Req() request: FastifyRequest,
  ): Promise<InvoiceRequestDto> {
    const { bytes, fields } = await readUploadedFileAndFields(request, {
      field: 'file',
      what: 'the e-invoice',
      maxBytes: MAX_INVOICE_BYTES,
      tooLargeMessage: `An e-invoice may be at most ${MAX_INVOICE_BYTES / 1024 / 1024} MB.`,
      maxFields: 3,
    });
    return this.invoices.issue(user, id, bytes, fields);
  }

  @Get(':id/file')
  @ApiProduces('application/pdf', 'application/ofd')
  @ApiOkResponse(FILE_RESPONSE)
  @ApiResponse({ status: 404, type: ErrorDto, description: 'INVOICE_NOT_FOUND' })
  async file(@CurrentUser() user: AuthUser, @Param('id', invoiceId()) id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendDownload(reply, await this.invoices.file(user, id, { cooperative: true }));
  }
}

/** The invoices of an order the buyer placed. */
@ApiTags('orders')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: buyers only' })
@Roles('buyer')
@Controller('orders/:number/invoices')
export class OrderInvoicesController {
  constructor(private readonly invoices: InvoiceRequestsService) {}

  @Get()
  @ApiOkResponse({ type: InvoiceRequestListDto, description: 'One per shipment, and red-letter ones for refunds after invoicing' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'ORDER_NOT_FOUND' })
  list(@CurrentUser() user: AuthUser, @Param('number') number: string): Promise<InvoiceRequestListDto> {
    return this.invoices.forBuyer(user, number);
  }

  @Get(':id/file')
  @ApiProduces('application/pdf', 'application/ofd')
  @ApiOkResponse(FILE_RESPONSE)
  @ApiResponse({ status: 404, type: ErrorDto, description: 'INVOICE_NOT_FOUND' })
  async file(
    @CurrentUser() user: AuthUser,
    @Param('number') number: string,
    @Param('id', invoiceId()) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDownload(reply, await this.invoices.file(user, id, { buyerOf: number }));
  }
}

/** The invoices of an organisation's order, for its finance members. */
@ApiTags('organisation')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED: finance members only' })
@Roles('buyer')
@Controller('org/orders/:number/invoices')
export class OrgOrderInvoicesController {
  constructor(private readonly invoices: InvoiceRequestsService) {}

  @Get()
  @ApiOkResponse({ type: InvoiceRequestListDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'ORDER_NOT_FOUND' })
  list(@CurrentUser() user: AuthUser, @Param('number') number: string): Promise<InvoiceRequestListDto> {
    return this.invoices.forFinance(user, number);
  }

  @Get(':id/file')
  @ApiProduces('application/pdf', 'application/ofd')
  @ApiOkResponse(FILE_RESPONSE)
  @ApiResponse({ status: 404, type: ErrorDto, description: 'INVOICE_NOT_FOUND' })
  async file(
    @CurrentUser() user: AuthUser,
    @Param('number') number: string,
    @Param('id', invoiceId()) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDownload(reply, await this.invoices.file(user, id, { financeOf: number }));
  }
}

/** Requests the cooperatives have left open too long, for admins to chase; and any invoice's file. */
@ApiTags('admin: orders')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: admins only' })
@Roles('admin')
@Controller('admin/invoice-requests')
export class AdminInvoiceRequestsController {
  constructor(private readonly invoices: InvoiceRequestsService) {}

  @Get('overdue')
  @ApiOkResponse({ type: InvoiceRequestListDto, description: 'Open longer than 7 days, oldest first' })
  overdue(): Promise<InvoiceRequestListDto> {
    return this.invoices.overdue();
  }

  @Get(':id/file')
  @ApiProduces('application/pdf', 'application/ofd')
  @ApiOkResponse(FILE_RESPONSE)
  @ApiResponse({ status: 404, type: ErrorDto, description: 'INVOICE_NOT_FOUND' })
  async file(@CurrentUser() user: AuthUser, @Param('id', invoiceId()) id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendDownload(reply, await this.invoices.file(user, id, { admin: true }));
  }
}
