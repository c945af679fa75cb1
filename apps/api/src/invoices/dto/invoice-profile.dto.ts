import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, Length, Matches, MaxLength } from 'class-validator';
import { IsCreditCode, IsOptionalNotNull } from '../../common/validation';

export const INVOICE_KINDS = ['ORDINARY', 'SPECIAL'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

/** An invoice profile as entered: a special invoice (专票) needs every field; an ordinary one (普票) a title, and a tax number for a company. */
export class InvoiceProfileInputDto {
  @ApiProperty({ enum: INVOICE_KINDS, description: 'ORDINARY: 普通发票; SPECIAL: 增值税专用发票' })
  @IsIn(INVOICE_KINDS)
  kind: InvoiceKind;

  @ApiProperty({ example: '广州市天河区机关事务管理局', minLength: 2, maxLength: 100 })
  @IsString()
  @Length(2, 100)
  title: string;

  @ApiPropertyOptional({ example: '11440106MB2C12345X', description: 'Unified social credit code; required for a special invoice' })
  @IsOptionalNotNull()
  @IsCreditCode()
  taxNumber?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Registered address (special invoices)' })
  @IsOptionalNotNull()
  @IsString()
  @Length(4, 200)
  address?: string;

  @ApiPropertyOptional({ example: '020-38880000', description: 'Registered phone (special invoices)' })
  @IsOptionalNotNull()
  @Matches(/^[0-9][0-9 -]{5,18}[0-9]$/, { message: 'phone must be 7–20 digits, spaces or hyphens' })
  phone?: string;

  @ApiPropertyOptional({ maxLength: 100, example: '中国工商银行广州天河支行', description: 'Bank of the account (special invoices)' })
  @IsOptionalNotNull()
  @IsString()
  @Length(2, 100)
  bankName?: string;

  @ApiPropertyOptional({ example: '3602 0000 0920 0123 456', description: 'Bank account number (special invoices)' })
  @IsOptionalNotNull()
  @Matches(/^[0-9][0-9 ]{6,38}[0-9]$/, { message: 'bankAccount must be 8–40 digits, spaces allowed' })
  @MaxLength(40)
  bankAccount?: string;

  @ApiPropertyOptional({ description: 'Offered first at checkout' })
  @IsOptionalNotNull()
  @IsBoolean()
  isDefault?: boolean;
}

export class InvoiceProfileDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: INVOICE_KINDS }) kind: InvoiceKind;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ nullable: true, type: String }) taxNumber: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) address: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) phone: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) bankName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) bankAccount: string | null;
  @ApiProperty() isDefault: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class InvoiceProfileListDto {
  @ApiProperty({ type: [InvoiceProfileDto], description: 'The default first, then the newest' }) items: InvoiceProfileDto[];
}

/** The invoice an order asked for, as it was when the order was placed. */
export class OrderInvoiceDto {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The profile it came from; null when typed in at checkout' })
  profileId: string | null;
  @ApiProperty({ enum: INVOICE_KINDS }) kind: InvoiceKind;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ nullable: true, type: String }) taxNumber: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) address: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) phone: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) bankName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) bankAccount: string | null;
}

/** The invoice an order asked for, as stored: a full copy, or, on orders placed before profiles, a title and credit code. */
export type StoredInvoice = OrderInvoiceDto | { title: string; creditCode: string };

/** The invoice as the API shows it, whichever way it was stored. */
export function orderInvoice(stored: StoredInvoice | null): OrderInvoiceDto | null {
  if (!stored || 'kind' in stored) return stored;
  return {
    profileId: null,
    kind: 'ORDINARY',
    title: stored.title,
    taxNumber: stored.creditCode,
    address: null,
    phone: null,
    bankName: null,
    bankAccount: null,
  };
}
