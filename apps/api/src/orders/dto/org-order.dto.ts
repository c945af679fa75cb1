import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_BULK_LINE_QUANTITY, ORDER_STATUSES, SHORTFALL_REASONS, type OrderStatus, type ShortfallReason } from '@qh/domain';
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
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { NamedRefDto, PriceBreakDto } from '../../catalog/dto/catalog.dto';
import { PageQueryDto } from '../../common/pagination.dto';
import { IsDay, IsOptionalNotNull } from '../../common/validation';
import { OrderDto, QuotePartDto } from './order.dto';

/** Lines one organisation's order may hold. */
export const MAX_ORG_ORDER_LINES = 50;

export class OrgOrderLineInputDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() variantId: string;

  @ApiProperty({ minimum: 1, maximum: MAX_BULK_LINE_QUANTITY, example: 30, description: 'Units (cases, boxes) of the variant' })
  @IsInt()
  @Min(1)
  @Max(MAX_BULK_LINE_QUANTITY)
  quantity: number;
}

class OrgOrderLinesDto {
  @ApiProperty({ format: 'uuid', description: 'One of the organisation’s delivery sites' }) @IsUUID() siteId: string;

  @ApiProperty({ type: [OrgOrderLineInputDto], maxItems: MAX_ORG_ORDER_LINES, description: 'Each variant once' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORG_ORDER_LINES)
  @ValidateNested({ each: true })
  @Type(() => OrgOrderLineInputDto)
  lines: OrgOrderLineInputDto[];
}

/** What the order would cost and when it could arrive, before submitting it. */
export class OrgQuoteRequestDto extends OrgOrderLinesDto {
  @ApiPropertyOptional({ format: 'date', description: 'A delivery day to check; its problems are listed, not refused' })
  @IsOptionalNotNull()
  @IsDay()
  deliveryOn?: string;
}

export class OrgOrderRequestDto extends OrgOrderLinesDto {
  @ApiProperty({ format: 'date', example: '2026-12-14', description: 'The China day it is to arrive at the site' })
  @IsDay()
  deliveryOn: string;

  @ApiPropertyOptional({ maxLength: 200, example: '请走东门卸货' }) @IsOptionalNotNull() @IsString() @MaxLength(200) note?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'One of the organisation’s invoice profiles: the cooperatives invoice its parts to it',
  })
  @IsOptionalNotNull()
  @IsUUID()
  invoiceProfileId?: string;
}

export class OrgQuoteLineDto {
  @ApiProperty({ format: 'uuid' }) variantId: string;
  @ApiProperty() titleZh: string;
  @ApiProperty() titleEn: string;
  @ApiProperty() labelZh: string;
  @ApiProperty() labelEn: string;
  @ApiProperty({ type: NamedRefDto }) cooperative: NamedRefDto;
  @ApiProperty() quantity: number;
  @ApiProperty({ description: 'The variant’s price, before breaks' }) basePriceFen: number;
  @ApiProperty({ description: 'What one unit costs on this line: a break it reaches, or the price' }) unitPriceFen: number;
  @ApiProperty() lineTotalFen: number;
  @ApiProperty({ type: [PriceBreakDto] }) priceBreaks: PriceBreakDto[];
  @ApiProperty({ description: 'Units in stock now' }) stock: number;
}

export class OrgQuotePartDto extends QuotePartDto {
  @ApiProperty({ description: 'Days the cooperative needs before a delivery' }) leadDays: number;
  @ApiProperty({ format: 'date' }) earliestDeliveryOn: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date', description: 'Seasonal goods: the last day they can arrive' })
  lastDeliveryOn: string | null;
}

export const DELIVERY_PROBLEMS = ['TOO_SOON', 'TOO_FAR', 'OUT_OF_SEASON', 'SITE_CLOSED'] as const;

export class OrgQuoteDto {
  @ApiProperty({ type: [OrgQuoteLineDto] }) lines: OrgQuoteLineDto[];
  @ApiProperty({ type: [OrgQuotePartDto], description: 'One delivery per cooperative' }) parts: OrgQuotePartDto[];
  @ApiProperty() itemsFen: number;
  @ApiProperty() shippingFen: number;
  @ApiProperty() totalFen: number;
  @ApiProperty({ format: 'date', description: 'The first day every part can arrive' }) earliestDeliveryOn: string;
  @ApiProperty({ description: 'Whether it would wait for an approver' }) needsApproval: boolean;
  @ApiProperty({ enum: DELIVERY_PROBLEMS, isArray: true, description: 'Why deliveryOn, if given, does not work' })
  deliveryProblems: (typeof DELIVERY_PROBLEMS)[number][];
}

export class OrgOrderSiteDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class OrgOrderPersonDto {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty() email: string;
}

/** An organisation's order: the order itself, and where, when, by whom and with whose approval. */
export class OrgOrderDto extends OrderDto {
  @ApiProperty({ type: OrgOrderSiteDto }) site: OrgOrderSiteDto;
  @ApiProperty({ format: 'date' }) deliveryOn: string;
  @ApiProperty({ type: OrgOrderPersonDto }) placedBy: OrgOrderPersonDto;
  @ApiPropertyOptional({ nullable: true, type: OrgOrderPersonDto, description: 'The approver who approved or rejected it' })
  decidedBy: OrgOrderPersonDto | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) decidedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) rejectionReason: string | null;
  @ApiProperty({ description: 'Paid on account: confirmed without a payment (ON_ACCOUNT), settled by bank transfer against statements' })
  onAccount: boolean;
}

export class OrgOrderPageDto {
  @ApiProperty({ type: [OrgOrderDto] }) items: OrgOrderDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor: string | null;
}

export class OrgOrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORDER_STATUSES, description: 'AWAITING_APPROVAL is the approvers’ queue' })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class AcceptanceLineInputDto {
  @ApiProperty({ format: 'uuid', description: 'A line of the shipped part' }) @IsUUID() lineId: string;

  @ApiProperty({ minimum: 0, maximum: MAX_BULK_LINE_QUANTITY, description: 'Units accepted; fewer than sent is a shortfall' })
  @IsInt()
  @Min(0)
  @Max(MAX_BULK_LINE_QUANTITY)
  acceptedQuantity: number;

  @ApiPropertyOptional({ enum: SHORTFALL_REASONS, nullable: true, description: 'Why fewer were accepted: required for a shortfall' })
  @IsOptional()
  @IsIn(SHORTFALL_REASONS)
  reason?: ShortfallReason | null;
}

/** 验收: the lines the receiver names, with what they accepted; the lines left out are accepted in full. */
export class AcceptanceInputDto {
  @ApiProperty({ type: [AcceptanceLineInputDto], maxItems: MAX_ORG_ORDER_LINES })
  @IsArray()
  @ArrayMaxSize(MAX_ORG_ORDER_LINES)
  @ValidateNested({ each: true })
  @Type(() => AcceptanceLineInputDto)
  lines: AcceptanceLineInputDto[];

  @ApiPropertyOptional({ maxLength: 500, example: '一箱鸡蛋破损 40 枚，已拍照' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export const CLAIM_STATUSES = ['PENDING', 'REFUNDED', 'DECLINED'] as const;

export class ShortfallLineDto {
  @ApiProperty({ format: 'uuid' }) lineId: string;
  @ApiProperty() titleZh: string;
  @ApiProperty() labelZh: string;
  @ApiProperty() unitPriceFen: number;
  @ApiProperty() shortQuantity: number;
  @ApiProperty({ enum: SHORTFALL_REASONS }) reason: ShortfallReason;
}

/** A shortfall found on delivery, for an admin to refund or decline. */
export class ShortfallClaimDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CLAIM_STATUSES }) status: (typeof CLAIM_STATUSES)[number];
  @ApiProperty() orderNumber: string;
  @ApiProperty({ format: 'uuid' }) fulfillmentId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty() cooperativeName: string;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ type: [String], description: 'The receiver’s photos of the shortfall (/uploads/ URLs)' }) photos: string[];
  @ApiProperty({ type: [ShortfallLineDto] }) lines: ShortfallLineDto[];
  @ApiProperty({ description: 'What refunding the short units returns' }) amountFen: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) refundId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) declineReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) decidedAt: string | null;
}

export class ShortfallClaimPageDto {
  @ApiProperty({ type: [ShortfallClaimDto] }) items: ShortfallClaimDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor: string | null;
}

export class ShortfallClaimQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CLAIM_STATUSES, description: 'PENDING is the queue' })
  @IsOptional()
  @IsIn(CLAIM_STATUSES)
  status?: (typeof CLAIM_STATUSES)[number];
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}
