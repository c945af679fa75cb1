import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIRST_PLAN_YEAR } from '@qh/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** A year of the officials' figures: from the pairing's first year; left out, this year (China time). */
export class YearQueryDto {
  @ApiPropertyOptional({ minimum: FIRST_PLAN_YEAR, maximum: 2100, example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_PLAN_YEAR)
  @Max(2100)
  year?: number;
}

export const BUYER_KINDS = ['INSTITUTION', 'HOUSEHOLD'] as const;
export type BuyerKind = (typeof BUYER_KINDS)[number];

export class BuyerKindFiguresDto {
  @ApiProperty({ enum: BUYER_KINDS, description: 'INSTITUTION: an organisation’s order; HOUSEHOLD: a person’s own' }) key: BuyerKind;
  @ApiProperty({ description: 'Paid goods net of refunds (fen), as the dashboard’s GMV' }) gmvFen: number;
  @ApiProperty() linkedSalesFen: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Of the year’s GMV, in basis points (rounded down); null with no GMV' })
  shareBp: number | null;
}

export class BuyerDistrictFiguresDto {
  @ApiProperty({ description: 'The district delivered to' }) key: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() gmvFen: number;
  @ApiProperty() linkedSalesFen: number;
  @ApiProperty({ description: 'Of gmvFen, bought by institutions' }) institutionFen: number;
  @ApiProperty({ description: 'Of gmvFen, bought by households' }) householdFen: number;
}

export class BuyerBreakdownDto {
  @ApiProperty() year: number;
  @ApiProperty() gmvFen: number;
  @ApiProperty() linkedSalesFen: number;
  @ApiProperty({ type: [BuyerKindFiguresDto], description: 'Both kinds, institutions first' }) byKind: BuyerKindFiguresDto[];
  @ApiProperty({ type: [BuyerDistrictFiguresDto], description: 'Districts that bought, most first' })
  byDistrict: BuyerDistrictFiguresDto[];
}
