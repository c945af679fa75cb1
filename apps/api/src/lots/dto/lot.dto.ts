import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOT_CODE_PATTERN } from '@qh/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { LinkedHouseholdsDto } from '../../catalog/dto/catalog.dto';
import { PageQueryDto } from '../../common/pagination.dto';
import { IsDay } from '../../common/validation';

/** 承诺达标合格证 and quarantine certificate numbers: letters, digits and dashes as printed. */
const PAPER_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{3,39}$/;
const PAPER_MESSAGE = (field: string) => `${field} must be 4–40 letters, digits or dashes, as printed on the certificate`;

export class CreateLotDto {
  @ApiProperty({ format: 'uuid', description: 'One of the cooperative’s products' })
  @IsUUID('all', { message: 'productId must be a UUID' })
  productId: string;
  @ApiProperty({ example: '化作村', description: 'The village (within the cooperative’s township) it comes from' })
  @IsString()
  @Length(1, 40)
  village: string;
  @ApiProperty({ format: 'date', description: 'Harvested, slaughtered or made on; not in the future' }) @IsDay() producedOn: string;
  @ApiProperty({ minimum: 1, maximum: 1000000, description: 'Units (as sold) in the lot' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000000)
  quantity: number;
  @ApiProperty({ example: 'CN-GZ-NY-2026-00871', description: '承诺达标合格证 number' })
  @Matches(PAPER_NUMBER, { message: PAPER_MESSAGE('certificateNo') })
  certificateNo: string;
  @ApiPropertyOptional({
    example: '5205251202612030017',
    description: 'Quarantine certificate number: required for meat, poultry and eggs',
  })
  @IsOptional()
  @Matches(PAPER_NUMBER, { message: PAPER_MESSAGE('quarantineNo') })
  quarantineNo?: string;
}

export class LotQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'productId must be a UUID' }) productId?: string;
  @ApiPropertyOptional({ description: 'Only lots that can still ship (open, not recalled, not past best-before, units left)' })
  @IsOptional()
  @Type(() => String)
  @Matches(/^(true|false)$/, { message: 'shippable must be true or false' })
  shippable?: string;
}

export class AdminLotQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'K7QX3M9A' })
  @IsOptional()
  @Matches(LOT_CODE_PATTERN, { message: 'code must be a lot code of 8 letters and digits' })
  code?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'cooperativeId must be a UUID' }) cooperativeId?: string;
}

export class LotProductDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() titleZh: string;
  @ApiProperty() titleEn: string;
  @ApiProperty() category: string;
}

export class LotDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'K7QX3M9A' }) code: string;
  @ApiProperty({ type: LotProductDto }) product: LotProductDto;
  @ApiProperty({ format: 'uuid' }) cooperativeId: string;
  @ApiProperty() cooperativeName: string;
  @ApiProperty() village: string;
  @ApiProperty({ format: 'date' }) producedOn: string;
  @ApiProperty({ format: 'date' }) bestBefore: string;
  @ApiProperty() quantity: number;
  @ApiProperty({ description: 'Units shipped from it' }) shippedQuantity: number;
  @ApiProperty() certificateNo: string;
  @ApiPropertyOptional({ nullable: true, type: String }) quarantineNo: string | null;
  @ApiProperty({ description: 'A test report is on file' }) hasReport: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) closedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) recalledAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) recallNotice: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class LotListDto {
  @ApiProperty({ type: [LotDto], description: 'Newest first, at most `limit` (50 unless asked)' }) items: LotDto[];
}

export class RecallLotDto {
  @ApiProperty({
    example: '该批次鸡蛋检出问题，请停止食用并联系我们退款。',
    description: 'What buyers are told, on the lot page and in their message',
  })
  @IsString()
  @Length(5, 500)
  notice: string;
}

export class LotRecipientDto {
  @ApiProperty() orderNumber: string;
  @ApiProperty({ format: 'uuid' }) lineId: string;
  @ApiProperty() titleZh: string;
  @ApiProperty({ description: 'Units of this lot the line received' }) quantity: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The organisation that received it, or null for a household buyer' })
  organisationName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) shippedAt: string | null;
}

export class LotRecipientsDto {
  @ApiProperty({ type: LotDto }) lot: LotDto;
  @ApiProperty({ type: [LotRecipientDto] }) lines: LotRecipientDto[];
  @ApiProperty({ description: 'Distinct orders' }) orders: number;
  @ApiProperty({ description: 'Distinct organisations' }) organisations: number;
  @ApiProperty({ description: 'Buyers told by this recall (0 until it is recalled)' }) notified: number;
}

export class PublicLotTrailDto {
  @ApiProperty() year: number;
  @ApiProperty({ description: 'Pledged to the cooperative’s linked households by the marketplace’s sales this year, fen' })
  pledgedFen: number;
  @ApiProperty({ description: 'Paid to those households this year, fen' }) paidToHouseholdsFen: number;
}

export class LotCooperativeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
}

export class LotTownshipDto {
  @ApiProperty({ example: '520525202' }) code: string;
  @ApiProperty({ example: '张家湾镇' }) name: string;
}

export class LotRecallDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'What buyers are told' }) notice: string;
}

export class PublicLotDto {
  @ApiProperty() code: string;
  @ApiProperty({ type: LotProductDto }) product: LotProductDto;
  @ApiPropertyOptional({ nullable: true, type: String }) imageUrl: string | null;
  @ApiProperty({ type: LotCooperativeDto }) cooperative: LotCooperativeDto;
  @ApiProperty({ type: LotTownshipDto }) township: LotTownshipDto;
  @ApiProperty() village: string;
  @ApiProperty({ format: 'date' }) producedOn: string;
  @ApiProperty({ format: 'date' }) bestBefore: string;
  @ApiProperty() certificateNo: string;
  @ApiPropertyOptional({ nullable: true, type: String }) quarantineNo: string | null;
  @ApiProperty() hasReport: boolean;
  @ApiProperty({ type: LinkedHouseholdsDto }) linkedHouseholds: LinkedHouseholdsDto;
  @ApiProperty({ type: PublicLotTrailDto }) trail: PublicLotTrailDto;
  @ApiPropertyOptional({ nullable: true, type: LotRecallDto, description: 'The recall, once an admin recalled the lot' })
  recall: LotRecallDto | null;
}

export class MyLotLineDto {
  @ApiProperty() orderNumber: string;
  @ApiProperty({ format: 'uuid' }) lineId: string;
  @ApiProperty({ description: 'Units of this lot on the line' }) quantity: number;
}

export class MyLotDto {
  @ApiProperty({ type: [MyLotLineDto], description: 'The caller’s (or their organisation’s) order lines that received this lot' })
  lines: MyLotLineDto[];
}

export class LabelDto {
  @ApiProperty() titleZh: string;
  @ApiProperty() titleEn: string;
  @ApiProperty() labelZh: string;
  @ApiProperty() lotCode: string;
  @ApiProperty({ description: 'Path of the lot’s public page; the QR code holds it with the site’s origin', example: '/lot/K7QX3M9A' })
  lotPath: string;
  @ApiProperty() village: string;
  @ApiProperty() townshipName: string;
  @ApiProperty({ format: 'date' }) producedOn: string;
  @ApiProperty({ format: 'date' }) bestBefore: string;
  @ApiProperty() certificateNo: string;
  @ApiPropertyOptional({ nullable: true, type: String }) quarantineNo: string | null;
  @ApiProperty({ description: 'Boxes that carry this label' }) copies: number;
}

export class LabelSheetDto {
  @ApiProperty() orderNumber: string;
  @ApiProperty() cooperativeName: string;
  @ApiProperty({ type: [LabelDto], description: 'One label per line and lot; print `copies` of each' }) labels: LabelDto[];
}
