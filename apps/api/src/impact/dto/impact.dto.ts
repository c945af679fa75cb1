import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NAYONG_TOWNSHIPS, PRODUCT_CATEGORIES } from '@qh/domain';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsDay } from '../../common/validation';

export class VerifyQueryDto {
  @ApiProperty({ example: '2026-01-01', description: 'First day (China time), inclusive' })
  @IsDay()
  from: string;

  @ApiProperty({ example: '2026-12-31', description: 'Last day, inclusive' })
  @IsDay()
  to: string;
}

export class DayFiguresDto {
  @ApiProperty({ example: '2026-11-28' }) day: string;
  @ApiProperty() entries: number;
  @ApiProperty() linkedSalesFen: number;
  @ApiProperty() poolFen: number;
  @ApiProperty({ description: 'SHA-256 (hex) over the day’s entries in canonical order' }) sha256: string;
}

export class DigestMismatchDto {
  @ApiProperty() day: string;
  @ApiProperty({ type: DayFiguresDto }) recorded: DayFiguresDto;
  @ApiPropertyOptional({ type: DayFiguresDto, nullable: true, description: 'null: the day has no entries any more' })
  recomputed: DayFiguresDto | null;
}

export class StreamDayFiguresDto {
  @ApiProperty({ enum: ['coop_payout', 'coop_payout_response', 'household_payout', 'payout_ack'] }) stream: string;
  @ApiProperty() day: string;
  @ApiProperty() entries: number;
  @ApiProperty({ description: 'Sum of the day’s amounts (payouts), fen; 0 for answers and acknowledgements' }) amountFen: number;
  @ApiProperty() sha256: string;
}

export class TrailMismatchDto {
  @ApiProperty({ enum: ['coop_payout', 'coop_payout_response', 'household_payout', 'payout_ack'] }) stream: string;
  @ApiProperty() day: string;
  @ApiProperty({ type: StreamDayFiguresDto }) recorded: StreamDayFiguresDto;
  @ApiPropertyOptional({ type: StreamDayFiguresDto, nullable: true, description: 'null: the day has no rows any more' })
  recomputed: StreamDayFiguresDto | null;
}

export class VerifyReportDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ description: 'Days with a digest, all recomputed from the ledger' }) checkedDays: number;
  @ApiProperty({ type: [DigestMismatchDto], description: 'Empty when every digested day still matches' }) mismatches: DigestMismatchDto[];
  @ApiProperty({ type: [String], description: 'Days with entries but no digest yet (today, or before the nightly run)' })
  undigestedDays: string[];
  @ApiProperty({
    type: [TrailMismatchDto],
    description:
      'Days of the money trail after the ledger (payouts to cooperatives and households, their answers and acknowledgements) that no longer match their digest',
  })
  trailMismatches: TrailMismatchDto[];
}

export class StoredVerificationDto {
  @ApiProperty({ example: '2026-11-29T16:25:03Z' }) checkedAt: string;
  @ApiProperty({ description: 'First digested day' }) from: string;
  @ApiProperty({ description: 'Last digested day' }) to: string;
  @ApiProperty({ description: 'Days with a digest, all recomputed from the ledger' }) checkedDays: number;
  @ApiProperty({ type: [String], description: 'Empty when every digested day still matched' }) mismatchedDays: string[];
}

export class LatestVerificationDto {
  @ApiPropertyOptional({ type: StoredVerificationDto, nullable: true, description: 'null until the first check has run' })
  latest: StoredVerificationDto | null;
}

export class ImpactFilterDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'First day (China time), inclusive' })
  @IsOptional()
  @IsDay()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last day, inclusive' })
  @IsOptional()
  @IsDay()
  to?: string;

  @ApiPropertyOptional({ description: 'Origin township of the produce' })
  @IsOptional()
  @IsIn(NAYONG_TOWNSHIPS.map((t) => t.code), { message: 'townshipCode must be one of Nayong’s townships' })
  townshipCode?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() cooperativeId?: string;

  @ApiPropertyOptional({ enum: PRODUCT_CATEGORIES }) @IsOptional() @IsIn(PRODUCT_CATEGORIES) category?: string;
}

export class SeriesQueryDto extends ImpactFilterDto {
  @ApiProperty({ enum: ['year', 'month'] }) @IsIn(['year', 'month']) by: 'year' | 'month';
}

export class BreakdownQueryDto extends ImpactFilterDto {
  @ApiProperty({ enum: ['category', 'township', 'cooperative'] }) @IsIn(['category', 'township', 'cooperative']) by:
    'category' | 'township' | 'cooperative';
}

export const EXPORT_TABLES = ['year', 'month', 'category', 'township', 'cooperative'] as const;

export class ExportQueryDto extends ImpactFilterDto {
  @ApiPropertyOptional({ enum: EXPORT_TABLES, default: 'year' }) @IsOptional() @IsIn(EXPORT_TABLES) table?: (typeof EXPORT_TABLES)[number];
}

export class CoopSalesQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsDay()
  from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsDay()
  to?: string;
}

export class FiguresDto {
  @ApiProperty({ description: 'All paid sales of goods, net of refunds (shipping not included)' }) gmvFen: number;
  @ApiProperty({ description: 'Sales of certified assistance products (消费帮扶产品), net of refunds' }) linkedSalesFen: number;
  @ApiProperty({ description: 'Pledged to linked households' }) poolFen: number;
  @ApiProperty({ description: 'Distinct households linked to the cooperatives behind those sales while they sold' }) households: number;
  @ApiProperty({ description: 'Members of those households' }) people: number;
  @ApiProperty({ description: 'Distinct paid orders not refunded in full' }) orders: number;
  @ApiProperty({ description: 'Distinct buyers of those orders' }) buyers: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Of poolFen, what was pledged on days its cooperative had no household linked: settled to no household, and counted for none. ' +
      'It stays recorded as unallocated in the settlements until the county assigns it. Null where settlements cannot be split (by category or origin township).',
  })
  unallocatedFen: number | null;
}

export class GroupFiguresDto extends FiguresDto {
  @ApiProperty({ description: 'Year, month, category, township code or cooperative id' }) key: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiPropertyOptional({ description: 'By cooperative: its unified social credit code' }) creditCode?: string;
}

export class GroupedFiguresDto {
  @ApiProperty() by: string;
  @ApiProperty({ type: [GroupFiguresDto] }) items: GroupFiguresDto[];
}

export class CoopSalesDto {
  @ApiProperty({ type: FiguresDto }) summary: FiguresDto;
  @ApiProperty({ type: [GroupFiguresDto], description: 'By month' }) months: GroupFiguresDto[];
}

export class PublicGroupDto {
  @ApiProperty({ description: 'Category or township code; OTHER merges groups of fewer than 5 households' }) key: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ nullable: true, type: Number, description: 'null when the households are fewer than 5' }) linkedSalesFen: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'null when the households are fewer than 5' }) poolFen: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'null when fewer than 5' }) households: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'null when the households are fewer than 5' }) people: number | null;
}

export class PublicImpactDto {
  @ApiProperty({ nullable: true, type: Number, description: 'null when the households are fewer than 5' }) linkedSalesFen: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'null when the households are fewer than 5' }) poolFen: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'null when fewer than 5' }) households: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) people: number | null;
  @ApiProperty({ type: [PublicGroupDto] }) byCategory: PublicGroupDto[];
  @ApiProperty({ type: [PublicGroupDto] }) byTownship: PublicGroupDto[];
}
