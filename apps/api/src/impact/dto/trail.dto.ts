import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COOP_PAYOUT_RESPONSES, HOUSEHOLD_PAYOUT_METHODS, type CoopPayoutStatus, type HouseholdPayoutMethod } from '@qh/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDay } from '../../common/validation';

/** A month as `YYYY-MM`, 2000–2099. */
export const MONTH_PATTERN = /^20\d\d-(0[1-9]|1[0-2])$/;
const MONTH_MESSAGE = (field: string) => `${field} must be a month like 2026-10`;
const MAX_FEN = 100_000_000_000;
const FIRST_YEAR = 2016;
const HOUSEHOLD_STATUSES = ['LIFTED', 'MONITORED'] as const;
const PAYOUT_STATUSES = ['AWAITING', ...COOP_PAYOUT_RESPONSES, 'REVERSED'] as const;

export class TrailYearQueryDto {
  @ApiPropertyOptional({ minimum: FIRST_YEAR, maximum: 2100, example: 2026, description: 'Default: this year (China)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(2100)
  year?: number;
}

export class StatementRangeQueryDto {
  @ApiProperty({ format: 'date', example: '2026-10-01' }) @IsDay() from: string;
  @ApiProperty({ format: 'date', example: '2026-10-31' }) @IsDay() to: string;
}

/** What the marketplace owes a cooperative for a run of days: what it sold and shipped, less refunds and the platform's fee. */
export class CoopStatementDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ description: 'Goods of paid orders (every line, certified or not), fen' }) goodsFen: number;
  @ApiProperty({ description: 'Goods refunded, fen (positive)' }) refundedGoodsFen: number;
  @ApiProperty({ description: 'Shipping fees of its parts of paid orders, fen' }) shippingFen: number;
  @ApiProperty({ description: 'Shipping refunded, fen (positive)' }) refundedShippingFen: number;
  @ApiProperty({ description: 'The platform’s fee (its rate in basis points on goods and shipping, net of refunds), fen' })
  platformFeeFen: number;
  @ApiProperty({ description: 'goods − refunded goods + shipping − refunded shipping − fee: what the marketplace owes, fen' })
  netPayableFen: number;
  @ApiProperty({ description: 'The pool pledged to its linked households by the same sales (net of refunds), fen' }) poolFen: number;
}

export class MonthStatementDto extends CoopStatementDto {
  @ApiProperty({ example: '2026-10' }) month: string;
  @ApiProperty({ description: 'Paid against this month’s statement by transfers (reversals deducted), fen' }) settledFen: number;
  @ApiProperty({ description: 'Still owed for this month: net payable − settled, fen' }) owedFen: number;
}

export class YearStatementsDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: [MonthStatementDto], description: 'Every month of the year up to this one' }) months: MonthStatementDto[];
  @ApiProperty({ type: CoopStatementDto }) totals: CoopStatementDto;
}

export class CooperativeRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class StatementShareDto {
  @ApiProperty({ example: '2026-10', description: 'The monthly statement settled' })
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE('month') })
  month: string;

  @ApiProperty({ minimum: 1, description: 'How much of the transfer settles it, fen' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen: number;
}

export class CoopPayoutDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: CooperativeRefDto }) cooperative: CooperativeRefDto;
  @ApiProperty({ description: 'Fen; negative for a reversal' }) amountFen: number;
  @ApiProperty({ format: 'date' }) paidOn: string;
  @ApiProperty() bankReference: string;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty({
    enum: PAYOUT_STATUSES,
    description: 'AWAITING the cooperative’s answer, CONFIRMED, DISPUTED, or REVERSED by a correction',
  })
  status: CoopPayoutStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) disputeReason: string | null;
  @ApiProperty({ type: [StatementShareDto] }) statements: StatementShareDto[];
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'The payout this row reverses' }) reversesId:
    string | null;
}

export class CoopBalanceDto {
  @ApiProperty({ description: 'Net payable of every statement so far, fen' }) owedFen: number;
  @ApiProperty({ description: 'Transferred (reversals deducted), fen' }) paidFen: number;
  @ApiProperty() confirmedFen: number;
  @ApiProperty() disputedFen: number;
  @ApiProperty({ description: 'Transferred, not yet confirmed or disputed' }) awaitingFen: number;
  @ApiProperty({ description: 'owed − paid' }) balanceFen: number;
}

export class CoopPayoutListDto {
  @ApiProperty({ type: [CoopPayoutDto] }) items: CoopPayoutDto[];
  @ApiProperty({ type: CoopBalanceDto }) totals: CoopBalanceDto;
}

export class CoopPayoutQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'cooperativeId must be a UUID' }) cooperativeId?: string;
}

export class RecordCoopPayoutDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'cooperativeId must be a UUID' }) cooperativeId: string;

  @ApiProperty({ minimum: 1, description: 'What was transferred, fen' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen: number;

  @ApiProperty({ format: 'date', description: 'The day of the transfer' }) @IsDay() paidOn: string;

  @ApiProperty({ example: 'ICBC20261105-0042', description: 'The bank’s reference of the transfer' })
  @IsString()
  @Length(1, 64)
  bankReference: string;

  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) note?: string;

  @ApiProperty({ type: [StatementShareDto], description: 'The monthly statements it settles; their amounts add up to amountFen' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(36)
  @ValidateNested({ each: true })
  @Type(() => StatementShareDto)
  statements: StatementShareDto[];
}

export class ReasonDto {
  @ApiProperty({ maxLength: 500 }) @IsString() @Length(1, 500) reason: string;
}

export class CoopHouseholdDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ example: '王**', description: 'The head’s name, masked: names stay sealed' }) maskedName: string;
  @ApiProperty() village: string;
  @ApiProperty() townshipCode: string;
  @ApiProperty({ enum: HOUSEHOLD_STATUSES }) status: (typeof HOUSEHOLD_STATUSES)[number];
  @ApiProperty({ description: 'Allocated to it by this cooperative’s settlements, fen' }) allocatedFen: number;
  @ApiProperty() paidFen: number;
  @ApiProperty({ description: 'allocated − paid' }) outstandingFen: number;
}

export class CoopHouseholdListDto {
  @ApiProperty({ type: [CoopHouseholdDto] }) items: CoopHouseholdDto[];
}

export class HouseholdRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ example: '王**' }) maskedName: string;
  @ApiProperty() village: string;
  @ApiProperty() townshipCode: string;
}

export class AcknowledgementDto {
  @ApiProperty({ format: 'date' }) visitedOn: string;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ format: 'date-time' }) acknowledgedAt: string;
}

export class HouseholdPayoutDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: HouseholdRefDto }) household: HouseholdRefDto;
  @ApiProperty({ type: CooperativeRefDto }) cooperative: CooperativeRefDto;
  @ApiProperty({ example: '2026-10', description: 'The month of allocations it pays (with what was carried over)' }) period: string;
  @ApiProperty({ description: 'Fen; negative for a reversal' }) amountFen: number;
  @ApiProperty({ enum: HOUSEHOLD_PAYOUT_METHODS }) method: HouseholdPayoutMethod;
  @ApiProperty({ description: 'The bank transfer’s reference, or the cash receipt’s number' }) reference: string;
  @ApiProperty() hasReceipt: boolean;
  @ApiProperty({ format: 'date' }) paidOn: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) reversesId: string | null;
  @ApiProperty({ description: 'A later row reverses this one' }) reversed: boolean;
  @ApiPropertyOptional({ type: AcknowledgementDto, nullable: true }) acknowledgement: AcknowledgementDto | null;
  @ApiProperty({ description: 'Not acknowledged, and recorded more than PAYOUT_ACK_DAYS days ago' }) overdue: boolean;
}

export class HouseholdPayoutListDto {
  @ApiProperty({ type: [HouseholdPayoutDto] }) items: HouseholdPayoutDto[];
}

export class CoopHouseholdPayoutQueryDto {
  @ApiPropertyOptional({ example: '2026-10' }) @IsOptional() @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE('period') }) period?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'householdId must be a UUID' }) householdId?: string;
}

export class RecordHouseholdPayoutDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'householdId must be a UUID' }) householdId: string;

  @ApiProperty({ example: '2026-10', description: 'The month of allocations it pays' })
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE('period') })
  period: string;

  @ApiProperty({ minimum: 1, description: 'Fen' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen: number;

  @ApiProperty({ enum: HOUSEHOLD_PAYOUT_METHODS }) @IsIn(HOUSEHOLD_PAYOUT_METHODS) method: HouseholdPayoutMethod;

  @ApiProperty({ example: 'NX20261103-0017', description: 'The bank transfer’s reference, or the cash receipt’s number' })
  @IsString()
  @Length(1, 64)
  reference: string;

  @ApiProperty({ format: 'date' }) @IsDay() paidOn: string;

  @ApiPropertyOptional({ description: 'From POST coop/payout-receipts: required for CASH' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'receiptId must be the id POST /api/coop/payout-receipts returned' })
  receiptId?: string;
}

export class ReceiptDto {
  @ApiProperty({ description: 'Give it as receiptId when recording a cash payout' }) receiptId: string;
}

export class PayoutImportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Check every row and report, change nothing' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}

export class ImportProblemDto {
  @ApiProperty() field: string;
  @ApiProperty({ type: [String] }) problems: string[];
}

export class RefusedPayoutRowDto {
  @ApiProperty({ description: 'The line of the file it starts on' }) line: number;
  @ApiProperty() householdCode: string;
  @ApiProperty({ type: [ImportProblemDto] }) problems: ImportProblemDto[];
}

export class PayoutImportReportDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'Rows recorded (or, in a dry run, that would be)' }) imported: number;
  @ApiProperty({ description: 'Their total, fen' }) importedFen: number;
  @ApiProperty({ type: [RefusedPayoutRowDto] }) refused: RefusedPayoutRowDto[];
}

export class TownshipPayoutQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{9,12}$/, { message: 'townshipCode must be a township code' }) townshipCode?: string;
  @ApiPropertyOptional({ enum: ['UNACKNOWLEDGED', 'ACKNOWLEDGED', 'ALL'] })
  @IsOptional()
  @IsIn(['UNACKNOWLEDGED', 'ACKNOWLEDGED', 'ALL'])
  status?: 'UNACKNOWLEDGED' | 'ACKNOWLEDGED' | 'ALL';
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) overdue?: 'true' | 'false';
}

export class AcknowledgeDto {
  @ApiProperty({ format: 'date', description: 'The day of the visit: not before the payout, not in the future' })
  @IsDay()
  visitedOn: string;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class TrailQueryDto extends TrailYearQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{9,12}$/, { message: 'townshipCode must be a township code' }) townshipCode?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'cooperativeId must be a UUID' }) cooperativeId?: string;
  @ApiPropertyOptional({ enum: HOUSEHOLD_STATUSES })
  @IsOptional()
  @IsIn(HOUSEHOLD_STATUSES)
  householdStatus?: (typeof HOUSEHOLD_STATUSES)[number];
}

export class TrailCsvQueryDto extends TrailQueryDto {
  @ApiPropertyOptional({ enum: ['cooperative', 'township', 'status'], default: 'cooperative' })
  @IsOptional()
  @IsIn(['cooperative', 'township', 'status'])
  by?: 'cooperative' | 'township' | 'status';
}

export class TrailRowDto {
  @ApiProperty({ description: 'Allocated by the settlements (and pool no household was linked to take), fen' }) pledgedFen: number;
  @ApiProperty() paidToHouseholdsFen: number;
  @ApiProperty() acknowledgedFen: number;
  @ApiProperty({ description: 'pledged − paid to households' }) outstandingFen: number;
}

export class TrailTownshipRowDto extends TrailRowDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class TrailCooperativeRowDto extends TrailRowDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class TrailStatusRowDto extends TrailRowDto {
  @ApiProperty({ enum: ['LIFTED', 'MONITORED', 'NONE'], description: 'NONE: pool no linked household was there to take' })
  status: 'LIFTED' | 'MONITORED' | 'NONE';
}

export class AgeingDto {
  @ApiProperty() upTo30DaysFen: number;
  @ApiProperty() from31To60DaysFen: number;
  @ApiProperty() over60DaysFen: number;
}

export class OverdueDto {
  @ApiProperty({ description: 'Payouts to households nobody acknowledged within PAYOUT_ACK_DAYS' }) payouts: number;
  @ApiProperty() amountFen: number;
}

export class ExitYearRowDto {
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Null: not lifted yet (monitored)' }) exitYear: number | null;
  @ApiProperty() households: number;
  @ApiProperty() people: number;
}

export class TrailDto {
  @ApiProperty() year: number;
  @ApiProperty() pledgedFen: number;
  @ApiProperty({ description: 'Transfers to cooperatives against the year’s monthly statements' }) paidToCooperativesFen: number;
  @ApiProperty() paidToHouseholdsFen: number;
  @ApiProperty() acknowledgedFen: number;
  @ApiProperty() outstandingFen: number;
  @ApiProperty({ type: AgeingDto, description: 'What is outstanding, by how long ago the month it was pledged in ended' })
  ageing: AgeingDto;
  @ApiProperty({ type: OverdueDto }) overdue: OverdueDto;
  @ApiProperty({ type: [TrailTownshipRowDto] }) byTownship: TrailTownshipRowDto[];
  @ApiProperty({ type: [TrailCooperativeRowDto] }) byCooperative: TrailCooperativeRowDto[];
  @ApiProperty({ type: [TrailStatusRowDto] }) byHouseholdStatus: TrailStatusRowDto[];
  @ApiProperty({
    type: [ExitYearRowDto],
    description: 'Households that were allocated something in the year, and their people, by exit year',
  })
  peopleByExitYear: ExitYearRowDto[];
}

export class CooperativeBalanceRowDto extends CoopBalanceDto {
  @ApiProperty({ type: CooperativeRefDto }) cooperative: CooperativeRefDto & { townshipCode: string };
  @ApiProperty({ description: 'Pool pledged by its sales in the year, fen' }) poolFen: number;
  @ApiProperty() paidToHouseholdsFen: number;
}

export class CooperativeBalanceListDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: [CooperativeBalanceRowDto] }) items: CooperativeBalanceRowDto[];
}

export class HouseholdStatementHouseholdDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() village: string;
  @ApiProperty() townshipCode: string;
  @ApiProperty({ enum: HOUSEHOLD_STATUSES }) status: string;
  @ApiProperty() members: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) exitYear: number | null;
}

export class HouseholdAllocationRowDto {
  @ApiProperty({ example: '2026-10' }) month: string;
  @ApiProperty({ type: CooperativeRefDto }) cooperative: CooperativeRefDto;
  @ApiProperty({ description: 'The link’s mechanism (利益联结方式) on those days' }) mechanism: string;
  @ApiProperty() amountFen: number;
}

export class HouseholdBalanceDto {
  @ApiProperty() allocatedFen: number;
  @ApiProperty() paidFen: number;
  @ApiProperty() acknowledgedFen: number;
  @ApiProperty({ description: 'allocated − paid' }) outstandingFen: number;
}

export class HouseholdStatementDto {
  @ApiProperty({ type: HouseholdStatementHouseholdDto }) household: HouseholdStatementHouseholdDto;
  @ApiProperty({ type: [HouseholdAllocationRowDto] }) allocations: HouseholdAllocationRowDto[];
  @ApiProperty({ type: [HouseholdPayoutDto] }) payouts: HouseholdPayoutDto[];
  @ApiProperty({ type: HouseholdBalanceDto }) balance: HouseholdBalanceDto;
}
