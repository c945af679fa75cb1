import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CLAIM_REASONS, CLAIM_STATUSES, type ClaimReason, type ClaimStatus } from '@qh/domain';
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
import { PageQueryDto } from '../../common/pagination.dto';

export class ClaimLineInputDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'lineId must be a UUID' }) lineId: string;
  @ApiProperty({ minimum: 0, description: 'Units (boxes, packs) of the line' }) @IsInt() @Min(0) @Max(100000) quantity: number;
}

export class OpenClaimDto {
  @ApiProperty({ example: 'QH20261203-000042' })
  @IsString()
  @Matches(/^QH\d{8}-\d{6,12}$/, { message: 'orderNumber must be an order number such as QH20261203-000042' })
  orderNumber: string;
  @ApiProperty({ enum: CLAIM_REASONS }) @IsIn(CLAIM_REASONS) reason: ClaimReason;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) note?: string;
  @ApiProperty({ type: [ClaimLineInputDto], description: 'Lines of one shipment and the units asked back on each' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ClaimLineInputDto)
  lines: ClaimLineInputDto[];
}

export const CLAIM_ANSWERS = ['ACCEPT', 'OFFER', 'DISPUTE'] as const;

export class AnswerClaimDto {
  @ApiProperty({ enum: CLAIM_ANSWERS, description: 'Accept all asked, offer part, or dispute with a reason' })
  @IsIn(CLAIM_ANSWERS)
  decision: (typeof CLAIM_ANSWERS)[number];
  @ApiPropertyOptional({ type: [ClaimLineInputDto], description: 'OFFER: the units offered per line (at most those asked)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ClaimLineInputDto)
  lines?: ClaimLineInputDto[];
  @ApiPropertyOptional({ maxLength: 500, description: 'Required to dispute' }) @IsOptional() @IsString() @Length(1, 500) note?: string;
}

export class DecideClaimDto {
  @ApiProperty({ type: [ClaimLineInputDto], description: 'The units granted per line (0 everywhere rejects the claim)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ClaimLineInputDto)
  lines: ClaimLineInputDto[];
  @ApiProperty({ maxLength: 500 }) @IsString() @Length(1, 500) note: string;
}

export class ClaimQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CLAIM_STATUSES }) @IsOptional() @IsIn(CLAIM_STATUSES) status?: ClaimStatus;
}

export class ClaimLineDto {
  @ApiProperty({ format: 'uuid' }) lineId: string;
  @ApiProperty() titleZh: string;
  @ApiProperty() titleEn: string;
  @ApiProperty() labelZh: string;
  @ApiProperty() unitPriceFen: number;
  @ApiProperty({ description: 'Units bought on the line' }) quantity: number;
  @ApiProperty() askedQuantity: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) offeredQuantity: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) grantedQuantity: number | null;
}

export class ClaimRefundDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['PENDING', 'SUCCEEDED', 'FAILED'] }) status: string;
  @ApiProperty() amountFen: number;
}

export class ClaimCooperativeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Its Chinese name' }) name: string;
}

export class ClaimDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CLAIM_STATUSES }) status: ClaimStatus;
  @ApiProperty() orderNumber: string;
  @ApiProperty({ format: 'uuid' }) fulfillmentId: string;
  @ApiProperty({ type: ClaimCooperativeDto }) cooperative: ClaimCooperativeDto;
  @ApiPropertyOptional({ nullable: true, type: String }) organisationName: string | null;
  @ApiProperty({ enum: CLAIM_REASONS }) reason: ClaimReason;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ description: 'Photos attached: read each at /photos/{index}, 0-based' }) photos: number;
  @ApiProperty({ type: [ClaimLineDto] }) lines: ClaimLineDto[];
  @ApiProperty({ description: 'Units asked × price paid, fen' }) askedFen: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) offeredFen: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) grantedFen: number | null;
  @ApiProperty({ format: 'date-time', description: 'The cooperative answers by then; after it, an admin may decide alone' })
  answerDueAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) answeredAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) answerNote: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) decisionNote: string | null;
  @ApiPropertyOptional({ nullable: true, type: ClaimRefundDto }) refund: ClaimRefundDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) closedAt: string | null;
}

export class ClaimListDto {
  @ApiProperty({ type: [ClaimDto], description: 'Newest first, at most `limit` (50 unless asked)' }) items: ClaimDto[];
}

export class QualityRowDto {
  @ApiProperty({ format: 'uuid' }) cooperativeId: string;
  @ApiProperty() cooperativeName: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) productId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) productTitle: string | null;
  @ApiProperty({ description: 'Shipments (or, by product, shipped lines)' }) shipments: number;
  @ApiProperty({ description: 'Shipped within 48 h of payment or of the pre-sale’s shipping day' }) onTimeShipments: number;
  @ApiProperty({ description: 'Claims opened on them' }) claims: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'claims / shipments, basis points' }) claimRateBp: number | null;
  @ApiProperty({ description: 'Goods shipped, fen' }) shippedFen: number;
  @ApiProperty({ description: 'Refunded through settled claims, fen' }) refundedByClaimsFen: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'refundedByClaimsFen / shippedFen, basis points' })
  refundedShareBp: number | null;
}

export class QualityDto {
  @ApiProperty({ type: [QualityRowDto], description: 'By cooperative, then by product' }) byCooperative: QualityRowDto[];
  @ApiProperty({ type: [QualityRowDto] }) byProduct: QualityRowDto[];
}

export class QualityQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'cooperativeId must be a UUID' }) cooperativeId?: string;
}
