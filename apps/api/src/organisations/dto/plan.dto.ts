import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { IsOptionalNotNull } from '../../common/validation';

/** A canteen food budget is at most ¥10 billion a year: more is a typing mistake. */
const MAX_BUDGET_FEN = 1_000_000_000_000;

export class PlanInputDto {
  @ApiPropertyOptional({ description: 'No canteen this year: no budget, no target' })
  @IsOptionalNotNull()
  @IsBoolean()
  noCanteen?: boolean;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_BUDGET_FEN,
    description: 'The year’s canteen food procurement budget (fen); required unless noCanteen',
  })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_BUDGET_FEN)
  budgetFen?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 10_000,
    description: 'The reserved share (basis points); left out: the district’s default, else 1,000',
  })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(10_000)
  shareBp?: number;
}

export class PlanDto {
  @ApiProperty() year: number;
  @ApiProperty() noCanteen: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number }) budgetFen: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) shareBp: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'budgetFen × shareBp / 10,000, rounded half up' }) targetFen:
    number | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ description: 'Who set it last: the manager, or an official or admin correcting it' }) updatedBy: string;
}

export class PlanListDto {
  @ApiProperty({ description: 'The share used when a plan names none' }) defaultShareBp: number;
  @ApiProperty({ type: [PlanDto], description: 'Newest year first' }) items: PlanDto[];
}

export class DistrictShareInputDto {
  @ApiProperty({ minimum: 1, maximum: 10_000, example: 1_500 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  shareBp: number;
}

export class DistrictShareDto {
  @ApiProperty() districtCode: string;
  @ApiProperty() shareBp: number;
}

export class DistrictShareListDto {
  @ApiProperty({ type: [DistrictShareDto] }) items: DistrictShareDto[];
}
