import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORGANISATION_TYPE_CODES, type OrganisationType } from '@qh/domain';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { YearQueryDto } from '../../impact/dto/buyers.dto';

export class ProgressMonthDto {
  @ApiProperty({ minimum: 1, maximum: 12 }) month: number;
  @ApiProperty({ description: 'Bought that month: paid goods net of refunds (fen)' }) gmvFen: number;
  @ApiProperty() linkedSalesFen: number;
  @ApiProperty({ description: 'Bought from January to the end of this month' }) achievedFen: number;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Where a straight line from nothing on 1 January to the target on 31 December stands at the month’s end',
  })
  pathFen: number | null;
}

export class ProgressPlanDto {
  @ApiProperty() noCanteen: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number }) budgetFen: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) shareBp: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) targetFen: number | null;
}

export class PendingPurchasesDto {
  @ApiProperty({ description: 'Orders awaiting approval or payment, or on account and not paid yet' }) orders: number;
  @ApiProperty({ description: 'Their goods (fen), net of credits: what counts once they are paid' }) goodsFen: number;
}

export class ProgressDto {
  @ApiProperty() organisationId: string;
  @ApiProperty() name: string;
  @ApiProperty() year: number;
  @ApiPropertyOptional({ type: ProgressPlanDto, nullable: true, description: 'Null: no plan entered for the year' })
  plan: ProgressPlanDto | null;
  @ApiProperty({ description: 'Paid purchases in the year (China days), net of refunds (fen)' }) achievedFen: number;
  @ApiProperty({ description: 'Of achievedFen, certified poverty-alleviation products' }) linkedSalesFen: number;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'achieved ÷ target in basis points, rounded down; null with no target',
  })
  progressBp: number | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'What is left to reach the target (never below 0); null with no target',
  })
  remainingFen: number | null;
  @ApiProperty({ type: [ProgressMonthDto], description: 'January to December' }) months: ProgressMonthDto[];
  @ApiProperty({ type: PendingPurchasesDto }) pending: PendingPurchasesDto;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The last day (China) it placed an order in the year' })
  lastOrderDay: string | null;
}

export class LeagueQueryDto extends YearQueryDto {
  @ApiPropertyOptional({ example: '440106', description: 'The organisation’s district' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'districtCode must be a six-digit district code' })
  districtCode?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_TYPE_CODES })
  @IsOptional()
  @IsIn(ORGANISATION_TYPE_CODES)
  type?: OrganisationType;
}

export class LeagueRowDto {
  @ApiProperty() organisationId: string;
  @ApiProperty() name: string;
  @ApiProperty() creditCode: string;
  @ApiProperty({ enum: ORGANISATION_TYPE_CODES }) type: OrganisationType;
  @ApiProperty() districtCode: string;
  @ApiProperty() districtNameZh: string;
  @ApiProperty() districtNameEn: string;
  @ApiProperty({ description: 'A budget unit (预算单位), bound to reserve a share; others are listed for their purchases' })
  budgetUnit: boolean;
  @ApiPropertyOptional({ type: ProgressPlanDto, nullable: true, description: 'Null: no plan entered for the year' })
  plan: ProgressPlanDto | null;
  @ApiProperty() achievedFen: number;
  @ApiProperty() linkedSalesFen: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) progressBp: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lastOrderDay: string | null;
}

export class LeagueTotalDto {
  @ApiProperty({ description: 'all, a district code, or an organisation type' }) key: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() organisations: number;
  @ApiProperty({ description: 'Budgets of those with a plan' }) budgetFen: number;
  @ApiProperty() targetFen: number;
  @ApiProperty({ description: 'What every organisation of the group bought' }) achievedFen: number;
  @ApiProperty() linkedSalesFen: number;
  @ApiProperty({ description: 'Of achievedFen, bought by the organisations with a target' }) achievedOnTargetFen: number;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'achievedOnTargetFen ÷ targetFen, rounded down: only organisations with a target count towards it',
  })
  progressBp: number | null;
}

export class MarketplaceShareDto {
  @ApiProperty({ description: 'The marketplace’s GMV in the year, every buyer' }) gmvFen: number;
  @ApiProperty() institutionFen: number;
  @ApiProperty() householdFen: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) institutionShareBp: number | null;
}

export class LeagueTableDto {
  @ApiProperty() year: number;
  @ApiProperty({
    type: [LeagueRowDto],
    description: 'Lagging first: budget units by progress, lowest first; then those with no plan, no target, no canteen; then the others',
  })
  items: LeagueRowDto[];
  @ApiProperty({ type: LeagueTotalDto, description: 'The rows added up' }) total: LeagueTotalDto;
  @ApiProperty({ type: [LeagueTotalDto] }) byDistrict: LeagueTotalDto[];
  @ApiProperty({ type: [LeagueTotalDto] }) byType: LeagueTotalDto[];
  @ApiProperty({ type: MarketplaceShareDto, description: 'Whatever the filters: the year’s sales, institutions against households' })
  marketplace: MarketplaceShareDto;
}
