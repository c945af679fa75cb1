import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';
import { IsDay, IsOptionalNotNull } from '../../common/validation';
import { TownshipRefDto } from './catalog.dto';

export const COOPERATIVE_STATUSES = ['PENDING', 'VERIFIED', 'SUSPENDED'] as const;
export type CooperativeStatus = (typeof COOPERATIVE_STATUSES)[number];

export class PlatformFeeDto {
  @ApiProperty({
    minimum: 0,
    maximum: 10000,
    description: 'Basis points of goods and shipping, on sales from now on; 0 (the default) charges nothing',
  })
  @IsInt()
  @Min(0)
  @Max(10000)
  rateBp: number;
}

export class ReasonDto {
  @ApiProperty({ minLength: 2, maxLength: 500, example: '图片与实物不符，请补充实拍图' })
  @IsString()
  @Length(2, 500)
  reason: string;
}

export class CertifyProductDto {
  @ApiProperty({ description: 'Certificate number as printed; it has no fixed national format', example: '黔扶认〔2026〕0523-0117' })
  @IsString()
  @Length(1, 64)
  number: string;

  @ApiProperty({ example: '纳雍县乡村振兴局' })
  @IsString()
  @Length(2, 100)
  issuer: string;

  @ApiPropertyOptional({ description: 'The national listing batch', example: '2026年第二批' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(64)
  batch?: string;

  @ApiProperty({ format: 'date', example: '2027-12-31' })
  @IsDay()
  validUntil: string;
}

export class AdminCooperativeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: COOPERATIVE_STATUSES }) @IsOptional() @IsIn(COOPERATIVE_STATUSES) status?: CooperativeStatus;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

/** A cooperative as admins and its own staff see it. */
export class ManagedCooperativeDto {
  @ApiProperty() id: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() creditCode: string;
  @ApiProperty({ description: "A farmers' cooperative code (93…) with a correct check character" }) creditCodeValid: boolean;
  @ApiProperty({ type: TownshipRefDto }) township: TownshipRefDto;
  @ApiProperty({ enum: COOPERATIVE_STATUSES }) status: CooperativeStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) suspendedReason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) verifiedAt: string | null;
  @ApiProperty() productCount: number;
  @ApiProperty() publishedCount: number;
  @ApiProperty({ description: "Days it needs between an organisation's order and its delivery" }) leadDays: number;
  @ApiProperty({ description: "The platform's fee on its sales from now on, basis points (0: none)" }) platformFeeBp: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** What a cooperative's staff may change of their cooperative's own settings. */
export class CooperativeSettingsDto {
  @ApiProperty({
    minimum: 0,
    maximum: 30,
    description: "Days between an organisation's order and the earliest delivery it can make",
    example: 2,
  })
  @IsInt()
  @Min(0)
  @Max(30)
  leadDays: number;
}

export class ManagedCooperativePageDto {
  @ApiProperty({ type: [ManagedCooperativeDto] }) items: ManagedCooperativeDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor: string | null;
}
