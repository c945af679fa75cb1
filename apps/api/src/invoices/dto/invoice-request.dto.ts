import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsDay } from '../../common/validation';
import { OrderInvoiceDto } from './invoice-profile.dto';

const STATUSES = ['OPEN', 'ISSUED', 'VOID'] as const;
const KINDS = ['INVOICE', 'RED_LETTER'] as const;

export class InvoiceRequestQueryDto {
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: (typeof STATUSES)[number];
}

/** What the cooperative says of the e-invoice it uploads; the amount must be what is due. */
export class IssueInvoiceDto {
  @ApiProperty({ example: '26442000000012345678', description: 'The invoice number (数电发票号码, or the old code and number)' })
  @Matches(/^[0-9A-Za-z-]{8,32}$/, { message: 'invoiceNumber must be 8–32 letters, digits or hyphens' })
  invoiceNumber: string;

  @ApiProperty({ format: 'date', description: 'The day it was issued (开票日期)' })
  @IsDay()
  issuedOn: string;

  @ApiProperty({ minimum: 1, description: 'Its amount including tax (价税合计), in fen: must equal what is due' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000_000_000)
  amountFen: number;
}

export class InvoiceRequestDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: KINDS, description: 'INVOICE: 开具发票; RED_LETTER: 红字发票 for a refund after invoicing' })
  kind: (typeof KINDS)[number];
  @ApiProperty({ enum: STATUSES, description: 'VOID: refunded in full before it was issued' }) status: (typeof STATUSES)[number];
  @ApiProperty() orderNumber: string;
  @ApiProperty({ description: 'The shipment (part of the order) it is for' }) fulfillmentId: string;
  @ApiProperty() cooperativeName: string;
  @ApiProperty({ description: 'What the invoice must come to (fen): the part’s goods and shipping net of refunds, or the amount refunded' })
  amountFen: number;
  @ApiProperty({ type: OrderInvoiceDto, description: 'Whom to invoice' }) invoice: OrderInvoiceDto;
  @ApiPropertyOptional({ nullable: true, type: String }) invoiceNumber: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) issuedOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, enum: ['PDF', 'OFD'] }) fileType: 'PDF' | 'OFD' | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) issuedAt: string | null;
  @ApiProperty({ description: 'Days since it was opened (China days)' }) openDays: number;
  @ApiProperty({ description: 'Open longer than 7 days' }) overdue: boolean;
}

export class InvoiceRequestListDto {
  @ApiProperty({ type: [InvoiceRequestDto] }) items: InvoiceRequestDto[];
}
