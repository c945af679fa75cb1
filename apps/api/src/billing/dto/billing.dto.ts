import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PAYMENT_DAYS } from '@qh/domain';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { IsDay, IsOptionalNotNull } from '../../common/validation';

/** A credit limit is at most ¥100 million: more is a typing mistake. */
const MAX_CREDIT_LIMIT_FEN = 10_000_000_000;
const ORDER_NUMBER = /^QH\d{8}-\d{6,}$/;
const STATEMENT_NUMBER = /^ST\d{8}-\d{6,}$/;

export class CreditTermsInputDto {
  @ApiProperty({
    minimum: PAYMENT_DAYS.min,
    maximum: PAYMENT_DAYS.max,
    example: 30,
    description: 'Days to pay after a statement’s last day',
  })
  @IsInt()
  @Min(PAYMENT_DAYS.min)
  @Max(PAYMENT_DAYS.max)
  paymentDays: number;

  @ApiProperty({
    minimum: 1,
    maximum: MAX_CREDIT_LIMIT_FEN,
    example: 20_000_000,
    description: 'Most the organisation may owe at once (fen)',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_CREDIT_LIMIT_FEN)
  creditLimitFen: number;
}

export class CreditTermsDto {
  @ApiProperty() paymentDays: number;
  @ApiProperty() creditLimitFen: number;
  @ApiProperty({ format: 'date-time' }) grantedAt: string;
}

export class StatementSummaryDto {
  @ApiProperty({ example: 'ST20261130-000001' }) number: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date', description: 'Null for the first statement: from the start' })
  periodFrom: string | null;
  @ApiProperty({ format: 'date' }) periodTo: string;
  @ApiProperty({ format: 'date', description: 'Pay what it says is due (closingFen) by this day' }) dueOn: string;
  @ApiProperty({ description: 'What the previous statement left due' }) openingFen: number;
  @ApiProperty({ description: 'Delivered parts (goods and delivery fee)' }) chargesFen: number;
  @ApiProperty({ description: 'Credits: refunds and shortfalls granted' }) creditsFen: number;
  @ApiProperty({ description: 'Bank transfers received' }) paymentsFen: number;
  @ApiProperty({ description: 'Due: opening + charges − credits − payments (negative: in the organisation’s favour)' }) closingFen: number;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
}

export class StatementItemDto {
  @ApiProperty({ enum: ['CHARGE', 'CREDIT', 'PAYMENT'] }) kind: 'CHARGE' | 'CREDIT' | 'PAYMENT';
  @ApiProperty({ format: 'date' }) day: string;
  @ApiProperty() amountFen: number;
  @ApiPropertyOptional({ nullable: true, type: String }) orderNumber: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) deliveryOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) siteName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'CHARGE: the cooperative that delivered' }) cooperativeName:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) cooperativeNameEn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'CREDIT: SHORTFALL, ADMIN…' }) refundKind: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'CREDIT: why' }) reason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'PAYMENT: the bank’s reference' }) reference: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'CHARGE: the delivery’s invoice; CREDIT: its red-letter invoice; null when the order asked for no invoice',
  })
  invoiceId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, enum: ['OPEN', 'ISSUED', 'VOID'] }) invoiceStatus: 'OPEN' | 'ISSUED' | 'VOID' | null;
  @ApiPropertyOptional({ nullable: true, type: String }) invoiceNumber: string | null;
}

export class StatementPartyDto {
  @ApiProperty() name: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() creditCode: string;
}

export class StatementDto extends StatementSummaryDto {
  @ApiProperty({ type: StatementPartyDto }) organisation: StatementPartyDto;
  @ApiProperty({ type: [StatementItemDto], description: 'By day: deliveries, then credits, then transfers' }) items: StatementItemDto[];
}

export class StatementListDto {
  @ApiProperty({ type: [StatementSummaryDto], description: 'Newest first' }) items: StatementSummaryDto[];
}

export class AccountDto {
  @ApiPropertyOptional({ nullable: true, type: CreditTermsDto, description: 'Null: the organisation pays online' })
  terms: CreditTermsDto | null;
  @ApiProperty({ description: 'Ordered on account and not cancelled, less credits, less transfers received' }) owedFen: number;
  @ApiProperty({ description: 'What statements due before today asked for and no transfer has paid yet' }) overdueFen: number;
  @ApiProperty({ description: 'How much more may be ordered on account now (0 while anything is overdue)' }) availableFen: number;
  @ApiProperty({ description: 'Delivered but on no statement yet' }) unbilledFen: number;
  @ApiPropertyOptional({ nullable: true, type: StatementSummaryDto }) latestStatement: StatementSummaryDto | null;
}

export class AdminAccountDto extends AccountDto {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ type: [StatementSummaryDto], description: 'Newest first' }) statements: StatementSummaryDto[];
}

export class RecordTransferDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId: string;

  @ApiProperty({ minimum: 1, maximum: MAX_CREDIT_LIMIT_FEN, description: 'What arrived (fen)' })
  @IsInt()
  @Min(1)
  @Max(MAX_CREDIT_LIMIT_FEN)
  amountFen: number;

  @ApiProperty({ format: 'date', description: 'The China day the bank credited it; not in the future' })
  @IsDay()
  receivedOn: string;

  @ApiProperty({ minLength: 4, maxLength: 40, example: 'ICBC20261204-88213', description: 'The bank’s reference: each is recorded once' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9/_-]{3,39}$/, { message: 'reference must be 4–40 letters, digits, /, _ or -' })
  reference: string;

  @ApiPropertyOptional({ example: 'ST20261130-000001', description: 'The statement it pays: its orders, oldest first' })
  @IsOptionalNotNull()
  @IsString()
  @Matches(STATEMENT_NUMBER, { message: 'statementNumber must look like ST20261130-000001' })
  statementNumber?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 100, description: 'Or the orders it pays, oldest first; neither: all open orders' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Matches(ORDER_NUMBER, { each: true, message: 'each order number must look like QH20261204-000123' })
  orderNumbers?: string[];
}

export class TransferAllocationDto {
  @ApiProperty() orderNumber: string;
  @ApiProperty() amountFen: number;
}

export class TransferDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty() amountFen: number;
  @ApiProperty({ format: 'date' }) receivedOn: string;
  @ApiProperty() reference: string;
  @ApiPropertyOptional({ nullable: true, type: String }) statementNumber: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ type: [TransferAllocationDto], description: 'What it paid of each order' }) allocations: TransferAllocationDto[];
  @ApiProperty({ description: 'Left on the account, paying no order yet' }) unappliedFen: number;
}

export class RecordedTransferDto extends TransferDto {
  @ApiProperty({ type: [String], description: 'Orders this transfer paid in full: they are PAID and counted in the ledger now' })
  settledOrders: string[];
}

export class TransferListDto {
  @ApiProperty({ type: [TransferDto], description: 'Newest first' }) items: TransferDto[];
}

export class TransferQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsUUID()
  organisationId?: string;
}
