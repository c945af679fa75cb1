import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { HOUSEHOLD_STATUSES, LINK_MECHANISMS, NAYONG_TOWNSHIPS, type HouseholdStatus, type LinkMechanism } from '@qh/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { FieldProblemDto } from '../../common/error.dto';
import { PageQueryDto } from '../../common/pagination.dto';
import { IsDay, IsOptionalNotNull } from '../../common/validation';

const TOWNSHIP_CODES = NAYONG_TOWNSHIPS.map((township) => township.code);
export const FIRST_REGISTRATION_YEAR = 2014;

export class HouseholdFieldsDto {
  @ApiProperty({ example: '520525202', description: 'A Nayong township (乡镇/街道) code' })
  @IsIn(TOWNSHIP_CODES, { message: 'townshipCode must be one of Nayong’s townships' })
  townshipCode: string;

  @ApiProperty({ example: '桃营村' }) @IsString() @Length(1, 50) village: string;

  @ApiProperty({ minimum: 1, maximum: 30, description: 'People in the household' }) @IsInt() @Min(1) @Max(30) members: number;

  @ApiProperty({ minimum: FIRST_REGISTRATION_YEAR, example: 2015 })
  @IsInt()
  @Min(FIRST_REGISTRATION_YEAR)
  @Max(2100)
  registeredYear: number;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 2019, description: 'The year it was lifted out of poverty' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(FIRST_REGISTRATION_YEAR)
  @Max(2100)
  exitYear?: number | null;

  @ApiProperty({ enum: HOUSEHOLD_STATUSES }) @IsIn(HOUSEHOLD_STATUSES) status: HouseholdStatus;
}

export class CreateHouseholdDto extends HouseholdFieldsDto {
  @ApiProperty({ example: '王秀英', description: 'Head of the household; stored encrypted, shown to admins only, each read audited' })
  @IsString()
  @Length(1, 30)
  headName: string;

  @ApiProperty({
    example: '5205251980010100XX',
    description: 'Resident ID number (18 characters, the last a check character); stored encrypted, never sent back (only masked)',
  })
  @Matches(/^\d{17}[\dXx]$/, { message: 'idNumber must be 17 digits and a check character' })
  idNumber: string;
}

/** Every field optional, but only exitYear may be null: the others are NOT NULL columns. */
export class UpdateHouseholdDto extends PartialType(CreateHouseholdDto, { skipNullProperties: false }) {}

export class HouseholdQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsIn(TOWNSHIP_CODES, { message: 'townshipCode must be one of Nayong’s townships' })
  townshipCode?: string;
  @ApiPropertyOptional({ enum: HOUSEHOLD_STATUSES }) @IsOptional() @IsIn(HOUSEHOLD_STATUSES) status?: HouseholdStatus;
  @ApiPropertyOptional({ format: 'uuid', description: 'Households linked to this cooperative' })
  @IsOptional()
  @IsUUID()
  cooperativeId?: string;
  @ApiPropertyOptional({ description: 'Start of a platform code or village name' }) @IsOptional() @IsString() @MaxLength(50) q?: string;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class LinkDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() cooperativeId: string;
  @ApiProperty() cooperativeName: string;
  @ApiProperty({ enum: LINK_MECHANISMS }) mechanism: LinkMechanism;
  @ApiProperty({ description: 'Share of the cooperative’s pool relative to its other links' }) weight: number;
  @ApiProperty({ example: '2020-01-01' }) validFrom: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2026-12-31' }) validTo: string | null;
}

export class CreateLinkDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() cooperativeId: string;
  @ApiProperty({ enum: LINK_MECHANISMS }) @IsIn(LINK_MECHANISMS) mechanism: LinkMechanism;
  @ApiProperty({ minimum: 1, maximum: 10000 }) @IsInt() @Min(1) @Max(10000) weight: number;
  @ApiProperty({ example: '2026-01-01' }) @IsDay() validFrom: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsDay()
  validTo?: string | null;
}

export class UpdateLinkDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 10000 }) @IsOptionalNotNull() @IsInt() @Min(1) @Max(10000) weight?: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Ends the link after this day; null: open-ended' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsDay()
  validTo?: string | null;
}

export class HouseholdDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'NY-000123' }) code: string;
  @ApiProperty() townshipCode: string;
  @ApiProperty() townshipName: string;
  @ApiProperty() village: string;
  @ApiProperty() members: number;
  @ApiProperty() registeredYear: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) exitYear: number | null;
  @ApiProperty({ enum: HOUSEHOLD_STATUSES }) status: HouseholdStatus;
  @ApiProperty({ example: '5205**********001X', description: 'The only form of the ID number the API ever sends' }) idMasked: string;
  @ApiProperty({ type: [LinkDto] }) links: LinkDto[];
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class HouseholdPageDto {
  @ApiProperty({ type: [HouseholdDto] }) items: HouseholdDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor: string | null;
}

export class HouseholdNameDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() headName: string;
}

export class ImportRejectionDto {
  @ApiProperty({ description: 'Line of the file, counting the header as line 1' }) line: number;
  @ApiProperty({ type: [FieldProblemDto] }) problems: FieldProblemDto[];
}

export class ImportReportDto {
  @ApiProperty({ description: 'Data rows read (the header not counted)' }) rows: number;
  @ApiProperty() imported: number;
  @ApiProperty({ type: [String], description: 'Platform codes of the households added, in file order' }) codes: string[];
  @ApiProperty({ type: [ImportRejectionDto] }) rejected: ImportRejectionDto[];
}

export class ImportQueryDto {
  @ApiPropertyOptional({ description: 'true: check the file and report, without adding anything' })
  @IsOptional()
  @Type(() => String)
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}
