import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CARRIERS,
  GUANGZHOU_DISTRICTS,
  ORDER_STATUSES,
  ORDER_TABS,
  SHIPPING_CLASSES,
  SHORTFALL_REASONS,
  type OrderStatus,
  type OrderTab,
  type ShippingClass,
  type ShortfallReason,
} from '@qh/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
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
import { NamedRefDto } from '../../catalog/dto/catalog.dto';
import { PageQueryDto } from '../../common/pagination.dto';
import { IsOptionalNotNull } from '../../common/validation';
import { OrderInvoiceDto } from '../../invoices/dto/invoice-profile.dto';

const DISTRICT_CODES = GUANGZHOU_DISTRICTS.map((d) => d.code);

export class AddressDto {
  @ApiProperty({ example: '陈晓岚' }) @IsString() @Length(1, 40) name: string;

  @ApiProperty({ example: '13800138000', description: 'A mainland mobile number: 1[3-9] and 9 more digits' })
  @Matches(/^1[3-9]\d{9}$/, { message: 'mobile must be a mainland mobile number like 13800138000' })
  mobile: string;

  @ApiProperty({ example: '440106', description: 'A Guangzhou district code' })
  @IsIn(DISTRICT_CODES, { message: "districtCode must be one of Guangzhou's district codes, e.g. 440106 for 天河区" })
  districtCode: string;

  @ApiProperty({ example: '天河路 385 号 12 楼 1203 室' }) @IsString() @Length(4, 200) street: string;
}

export class InvoiceDto {
  @ApiProperty({ example: '广州市天河区某某中学工会委员会' }) @IsString() @Length(2, 100) title: string;

  @ApiProperty({ example: '91110000600037341L', description: 'Unified social credit code (checked with its check character)' })
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, {
    message: 'creditCode must be an 18-character unified social credit code',
  })
  creditCode: string;
}

/** The cart lines a checkout or a quote is for (勾选结算): the ticked ones; all of the cart when left out. */
class CartSelectionDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 100, description: 'Cart line ids; the other lines stay in the cart' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  lineIds?: string[];
}

export class QuoteRequestDto extends CartSelectionDto {
  @ApiProperty({ example: '440106', description: 'The Guangzhou district to deliver to' })
  @IsIn(DISTRICT_CODES, { message: "districtCode must be one of Guangzhou's district codes, e.g. 440106 for 天河区" })
  districtCode: string;
}

/** `@ValidateNested` alone passes a missing object and walks an array's items: `@IsObject` asks for the object itself. */
export class CheckoutDto extends CartSelectionDto {
  @ApiProperty({ type: AddressDto }) @IsObject() @ValidateNested() @Type(() => AddressDto) address: AddressDto;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptionalNotNull() @IsString() @MaxLength(200) note?: string;
  @ApiPropertyOptional({ type: InvoiceDto, description: 'For institutional buyers: the invoice title and their credit code' })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => InvoiceDto)
  invoice?: InvoiceDto;

  @ApiPropertyOptional({ format: 'uuid', description: 'Or one of the buyer’s invoice profiles (not both)' })
  @IsOptionalNotNull()
  @IsUUID()
  invoiceProfileId?: string;
}

export class LineLotDto {
  @ApiProperty({ example: 'K7QX3M9A' }) code: string;
  @ApiProperty() quantity: number;
}

export class OrderLineDto {
  @ApiProperty() id: string;
  @ApiProperty() variantId: string;
  @ApiProperty() productSlug: string;
  @ApiProperty() titleZh: string;
  @ApiProperty() titleEn: string;
  @ApiProperty() labelZh: string;
  @ApiProperty() labelEn: string;
  @ApiProperty() unitPriceFen: number;
  @ApiProperty() quantity: number;
  @ApiProperty({ description: 'Units refunded (confirmed by the payment provider); a cooperative sends quantity − refundedQuantity' })
  refundedQuantity: number;
  @ApiProperty() lineTotalFen: number;
  @ApiProperty({ description: 'A certified assistance product when bought' }) certified: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The product’s first photo now, for a thumbnail' })
  imageUrl: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) shipsFrom: string | null;
  @ApiProperty({ type: [LineLotDto], description: 'The lots its units shipped from (their pages are /lot/{code})' }) lots: LineLotDto[];
}

export class AcceptanceLineDto {
  @ApiProperty({ format: 'uuid' }) lineId: string;
  @ApiProperty() acceptedQuantity: number;
  @ApiPropertyOptional({ nullable: true, enum: SHORTFALL_REASONS, type: String }) reason: ShortfallReason | null;
}

export class ShortfallClaimRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['PENDING', 'REFUNDED', 'DECLINED'] }) status: 'PENDING' | 'REFUNDED' | 'DECLINED';
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) refundId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) declineReason: string | null;
  @ApiProperty({ type: [String], description: 'The receiver’s photos of the shortfall (/uploads/ URLs), at most 5' }) photos: string[];
}

/** 验收: what the organisation's receiver accepted of a shipped part, and the claim its shortfall became. */
export class AcceptanceDto {
  @ApiProperty({ format: 'date-time' }) acceptedAt: string;
  @ApiProperty({ description: 'Accepted by itself, nobody having acted in time' }) automatic: boolean;
  @ApiProperty({ type: [AcceptanceLineDto] }) lines: AcceptanceLineDto[];
  @ApiPropertyOptional({ nullable: true, type: ShortfallClaimRefDto }) claim: ShortfallClaimRefDto | null;
}

export class FulfillmentDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: NamedRefDto }) cooperative: NamedRefDto;
  @ApiProperty({ enum: ['PENDING', 'SHIPPED', 'CANCELLED'] }) status: 'PENDING' | 'SHIPPED' | 'CANCELLED';
  @ApiProperty({ enum: SHIPPING_CLASSES }) shippingClass: ShippingClass;
  @ApiProperty() weightG: number;
  @ApiProperty() itemsFen: number;
  @ApiProperty() feeFen: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date', description: 'Pre-sale: not before this day' }) shipsFrom:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) carrier: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) trackingNo: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) shippedAt: string | null;
  @ApiProperty({ type: [OrderLineDto] }) lines: OrderLineDto[];
  @ApiPropertyOptional({ nullable: true, type: AcceptanceDto, description: "An organisation's part, once accepted" })
  acceptance: AcceptanceDto | null;
}

export class OrderAddressDto extends AddressDto {}

export class PaymentInfoDto {
  @ApiProperty({ enum: ['demo', 'stripe'] }) provider: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reference: string | null;
  @ApiProperty({ enum: ['PENDING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'REFUNDED'] }) status: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: "Why the last attempt failed, in the provider's words" })
  failure: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Stripe: for the Payment Element, only while the order can be paid' })
  clientSecret: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Stripe: the publishable key to load Stripe.js with' })
  publishableKey: string | null;
}

export class RefundLineDto {
  @ApiProperty({ format: 'uuid' }) orderLineId: string;
  @ApiProperty() quantity: number;
  @ApiProperty() amountFen: number;
}

export class RefundDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['ADMIN', 'CANCELLATION', 'LATE_PAYMENT', 'EXTERNAL', 'SHORTFALL', 'CLAIM'] }) kind: string;
  @ApiProperty({ enum: ['PENDING', 'SUCCEEDED', 'FAILED'], description: 'SUCCEEDED once the payment provider confirms' }) status: string;
  @ApiProperty() amountFen: number;
  @ApiProperty({ description: 'The part of amountFen that is shipping' }) shippingFen: number;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) confirmedAt: string | null;
  @ApiProperty({ type: [RefundLineDto], description: 'Empty for refunds of a whole payment made outside a line choice' })
  lines: RefundLineDto[];
}

export class ImpactCooperativeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() township: string;
  @ApiProperty() townshipEn: string;
  @ApiProperty({ description: 'Households linked to this cooperative today' }) households: number;
}

export class OrderImpactDto {
  @ApiProperty({ description: 'Spent on certified assistance products, less refunds' }) linkedSalesFen: number;
  @ApiProperty({ description: 'What this order adds to the linked households’ pool, less what refunds took back' }) poolFen: number;
  @ApiProperty({ type: [ImpactCooperativeDto], description: 'The cooperatives behind the certified lines not refunded in full' })
  cooperatives: ImpactCooperativeDto[];
  @ApiProperty({ description: 'Distinct households those cooperatives’ links reach' }) households: number;
}

export class OrderDto {
  @ApiProperty({ example: 'QH20261129-000123' }) number: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status: OrderStatus;
  @ApiProperty() itemsFen: number;
  @ApiProperty() shippingFen: number;
  @ApiProperty() totalFen: number;
  @ApiProperty({ description: 'Spent on certified assistance products' }) linkedSalesFen: number;
  @ApiProperty({ description: 'Pledged by the cooperatives to their linked households' }) householdPoolFen: number;
  @ApiProperty({ type: OrderAddressDto }) address: OrderAddressDto;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiPropertyOptional({ nullable: true, type: OrderInvoiceDto }) invoice: OrderInvoiceDto | null;
  @ApiProperty({ format: 'date-time', description: 'An unpaid order is cancelled then' }) expiresAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) paidAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [FulfillmentDto], description: 'One shipment per cooperative' }) fulfillments: FulfillmentDto[];
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    enum: ['BUYER', 'RESERVATION_EXPIRED', 'PAYMENT_CANCELED', 'PAYMENT_UNAVAILABLE', 'APPROVAL_REJECTED', 'APPROVAL_EXPIRED'],
  })
  cancelReason: string | null;
  @ApiProperty({ description: 'Refunds the provider has confirmed' }) refundedFen: number;
  @ApiPropertyOptional({ nullable: true, type: PaymentInfoDto }) payment: PaymentInfoDto | null;
  @ApiProperty({ type: [RefundDto] }) refunds: RefundDto[];
  @ApiProperty({ type: OrderImpactDto, description: 'The impact receipt' }) impact: OrderImpactDto;
}

export class OrderPageDto {
  @ApiProperty({ type: [OrderDto] }) items: OrderDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor: string | null;
}

export class OrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORDER_TABS, description: '待付款, 待发货, 待收货 or 退款/售后; all orders when left out' })
  @IsOptional()
  @IsIn(ORDER_TABS)
  tab?: OrderTab;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class AdminOrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'An order number (or its start, e.g. QH20261204), the mobile number it was sent to, or the buyer’s email',
    example: '13800138000',
  })
  @IsOptional()
  @IsString()
  @Matches(/^(QH\d{4,8}(-\d{1,12})?|1[3-9]\d{9}|[^\s@]{1,64}@[^\s@]{1,190})$/i, {
    message: 'q must be an order number (QH…), a mainland mobile number or an email address',
  })
  q?: string;

  @ApiPropertyOptional({ enum: ORDER_STATUSES }) @IsOptional() @IsIn(ORDER_STATUSES) status?: OrderStatus;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class AdminOrderSummaryDto {
  @ApiProperty() number: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status: OrderStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() totalFen: number;
  @ApiProperty() refundedFen: number;
  @ApiProperty({ description: 'The buyer’s account' }) buyerEmail: string;
  @ApiProperty({ description: 'Who it was sent to' }) recipient: string;
  @ApiProperty({ example: '138****8000', description: 'The mobile number it was sent to, masked' }) mobileMasked: string;
  @ApiProperty({ type: [String], description: 'The cooperatives of its parcels' }) cooperatives: string[];
}

export class AdminOrderPageDto {
  @ApiProperty({ type: [AdminOrderSummaryDto] }) items: AdminOrderSummaryDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor: string | null;
}

export class ShipLotDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'lineId must be a UUID' }) lineId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'lotId must be a UUID' }) lotId: string;
  @ApiProperty({ minimum: 0, maximum: 100000 }) @IsInt() @Min(0) @Max(100000) quantity: number;
}

export class ShipDto {
  @ApiProperty({
    example: '顺丰速运',
    description: `One of ${CARRIERS.map((carrier) => carrier.name).join(', ')}, whose tracking numbers are checked by their shape, or any other carrier`,
  })
  @IsString()
  @Length(2, 40)
  carrier: string;
  @ApiProperty({ example: 'SF1234567890123' })
  @Matches(/^[A-Za-z0-9-]{6,40}$/, { message: 'trackingNo must be 6–40 letters, digits or dashes' })
  trackingNo: string;
  @ApiPropertyOptional({
    type: [ShipLotDto],
    description: 'The lots each line’s units come from: per line they add up to the units it sends; a lot gives no more than it holds',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ShipLotDto)
  lots?: ShipLotDto[];
}

/** An organisation's order arrives on a day at one of its sites. */
export class CoopDeliveryDto {
  @ApiProperty({ format: 'date', description: 'The day it is to arrive' }) on: string;
  @ApiProperty() organisationName: string;
  @ApiProperty() siteName: string;
}

export class CoopFulfillmentDto extends FulfillmentDto {
  @ApiPropertyOptional({ nullable: true, type: CoopDeliveryDto, description: "An organisation's order: its delivery day and site" })
  delivery: CoopDeliveryDto | null;
  @ApiProperty() orderNumber: string;
  @ApiProperty({ enum: ORDER_STATUSES }) orderStatus: OrderStatus;
  @ApiProperty({ type: OrderAddressDto, description: 'Where to send it' }) address: OrderAddressDto;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
}

export class CoopFulfillmentPageDto {
  @ApiProperty({ type: [CoopFulfillmentDto] }) items: CoopFulfillmentDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor: string | null;
}

export class CoopFulfillmentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['PENDING', 'SHIPPED', 'CANCELLED'] })
  @IsOptional()
  @IsIn(['PENDING', 'SHIPPED', 'CANCELLED'])
  status?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Just this shipment (e.g. for its delivery note); none when it is not yours' })
  @IsOptional()
  @IsUUID()
  id?: string;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class QuotePartDto {
  @ApiProperty({ type: NamedRefDto }) cooperative: NamedRefDto;
  @ApiProperty({ enum: SHIPPING_CLASSES, description: 'As cold as its coldest item' }) shippingClass: ShippingClass;
  @ApiProperty() weightG: number;
  @ApiProperty() itemsFen: number;
  @ApiProperty({ description: 'This parcel’s shipping fee' }) feeFen: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date', description: 'Pre-sale: ships from this day' })
  shipsFrom: string | null;
}

/** What a checkout of these lines to this district would charge now: the checkout's own computation, nothing reserved. */
export class QuoteDto {
  @ApiProperty({ type: [QuotePartDto], description: 'One parcel per cooperative' }) parts: QuotePartDto[];
  @ApiProperty() itemsFen: number;
  @ApiProperty() shippingFen: number;
  @ApiProperty() totalFen: number;
}
