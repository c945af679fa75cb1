import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MAX_PRICE_BREAKS,
  NAYONG_TOWNSHIPS,
  PRODUCT_CATEGORIES,
  PRODUCT_STATUSES,
  SHIPPING_CLASSES,
  type ProductCategory,
  type ProductStatus,
  type ShippingClass,
} from '@qh/domain';
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
import { IsDateTime, IsDay, IsOptionalNotNull } from '../../common/validation';
import { CertificationDto, NamedRefDto, PriceBreakDto } from './catalog.dto';

const TOWNSHIP_CODES = NAYONG_TOWNSHIPS.map((t) => t.code);
/** ¥100,000 for one unit is far beyond any pack of produce: a typo guard, not a business limit. */
const MAX_PRICE_FEN = 10_000_000;
const MAX_WEIGHT_G = 100_000;
const MAX_STOCK = 1_000_000;
export const MAX_VARIANTS = 20;
export const MAX_IMAGES = 8;

export class VariantInputDto {
  @ApiPropertyOptional({ description: "The cooperative's own stock-keeping code; generated when omitted", example: 'SDG-CHERRY-2.5KG' })
  @IsOptionalNotNull()
  @Matches(/^[A-Z0-9][A-Z0-9._-]{2,39}$/, { message: 'sku must be 3–40 capital letters, digits, dots, dashes or underscores' })
  sku?: string;

  @ApiProperty({ example: '2.5公斤礼盒' })
  @IsString()
  @Length(1, 40)
  labelZh: string;

  @ApiPropertyOptional({ example: '2.5 kg gift box', description: 'Left out, the Chinese label' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 80)
  labelEn?: string;

  @ApiProperty({ description: 'Price of one unit in fen (分)', minimum: 1, maximum: MAX_PRICE_FEN })
  @IsInt()
  @Min(1)
  @Max(MAX_PRICE_FEN)
  priceFen: number;

  @ApiProperty({ description: 'Shipping weight of one unit in grams', minimum: 1, maximum: MAX_WEIGHT_G })
  @IsInt()
  @Min(1)
  @Max(MAX_WEIGHT_G)
  weightG: number;

  @ApiPropertyOptional({ description: 'Units on hand to start with (recorded as a movement)', minimum: 0, maximum: MAX_STOCK })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  stock?: number;
}

/** The fields of a product a cooperative writes; certification and status are not among them. */
class ProductFieldsDto {
  @ApiProperty({ enum: PRODUCT_CATEGORIES })
  @IsIn(PRODUCT_CATEGORIES)
  category: ProductCategory;

  @ApiProperty({ example: '玛瑙红樱桃 2.5公斤' })
  @IsString()
  @Length(2, 60)
  titleZh: string;

  @ApiPropertyOptional({ example: 'Agate-red cherries 2.5 kg', description: 'Left out, the Chinese title' })
  @IsOptionalNotNull()
  @IsString()
  @Length(2, 120)
  titleEn?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(2000)
  descriptionZh?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(4000)
  descriptionEn?: string;

  @ApiProperty({ description: 'Nayong township the produce comes from', example: '520525202' })
  @IsIn(TOWNSHIP_CODES, { message: 'originTownshipCode must be a Nayong township code like 520525202' })
  originTownshipCode: string;

  @ApiProperty({ enum: SHIPPING_CLASSES })
  @IsIn(SHIPPING_CLASSES)
  shippingClass: ShippingClass;

  @ApiProperty({ minimum: 1, maximum: 3650 })
  @IsInt()
  @Min(1)
  @Max(3650)
  shelfLifeDays: number;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', description: 'Orders open; null: always on sale' })
  @IsOptional()
  @IsDateTime()
  saleStartsAt?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', description: 'Orders close' })
  @IsOptional()
  @IsDateTime()
  saleEndsAt?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date', description: 'Pre-sale orders ship from this day' })
  @IsOptional()
  @IsDay()
  presaleShipsOn?: string | null;
}

export class CreateProductDto extends ProductFieldsDto {
  @ApiProperty({ type: [VariantInputDto], minItems: 1, maxItems: MAX_VARIANTS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_VARIANTS)
  @ValidateNested({ each: true })
  @Type(() => VariantInputDto)
  variants: VariantInputDto[];
}

export class UpdateVariantDto {
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @Length(1, 40) labelZh?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @Length(1, 80) labelEn?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PRICE_FEN }) @IsOptionalNotNull() @IsInt() @Min(1) @Max(MAX_PRICE_FEN) priceFen?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_WEIGHT_G }) @IsOptionalNotNull() @IsInt() @Min(1) @Max(MAX_WEIGHT_G) weightG?: number;
}

/** A change to one of the product's variants, saved with the product. */
export class VariantChangeDto extends UpdateVariantDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id: string;
}

/** Every field optional; `null` clears a sale-window field. */
export class UpdateProductDto {
  @ApiPropertyOptional({ enum: PRODUCT_CATEGORIES }) @IsOptionalNotNull() @IsIn(PRODUCT_CATEGORIES) category?: ProductCategory;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @Length(2, 60) titleZh?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @Length(2, 120) titleEn?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @MaxLength(2000) descriptionZh?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @MaxLength(4000) descriptionEn?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsIn(TOWNSHIP_CODES, { message: 'originTownshipCode must be a Nayong township code like 520525202' })
  originTownshipCode?: string;

  @ApiPropertyOptional({ enum: SHIPPING_CLASSES }) @IsOptionalNotNull() @IsIn(SHIPPING_CLASSES) shippingClass?: ShippingClass;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsInt() @Min(1) @Max(3650) shelfLifeDays?: number;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  @IsOptional()
  @IsDateTime()
  saleStartsAt?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  @IsOptional()
  @IsDateTime()
  saleEndsAt?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' })
  @IsOptional()
  @IsDay()
  presaleShipsOn?: string | null;

  @ApiPropertyOptional({ type: [String], description: "The product's uploaded image URLs in the new order; leaving one out removes it" })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_IMAGES)
  @IsString({ each: true })
  images?: string[];

  @ApiPropertyOptional({
    type: [VariantChangeDto],
    maxItems: MAX_VARIANTS,
    description: 'Changes to existing variants, saved with the product in one transaction: all or nothing',
  })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_VARIANTS)
  @ValidateNested({ each: true })
  @Type(() => VariantChangeDto)
  variantChanges?: VariantChangeDto[];

  @ApiPropertyOptional({
    type: [VariantInputDto],
    maxItems: MAX_VARIANTS,
    description: 'Variants to add, saved with the product in one transaction: all or nothing',
  })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_VARIANTS)
  @ValidateNested({ each: true })
  @Type(() => VariantInputDto)
  newVariants?: VariantInputDto[];
}

/** Why a cooperative changes stock by hand; orders move stock with their own reasons. */
export const STOCK_REASONS = ['RESTOCK', 'HARVEST', 'COUNT_CORRECTION', 'DAMAGED', 'EXPIRED', 'OTHER'] as const;
export type StockReason = (typeof STOCK_REASONS)[number];

export class StockAdjustmentDto {
  @ApiProperty({ description: 'Units to add (positive) or take away (negative)', example: 20 })
  @IsInt()
  @Min(-MAX_STOCK)
  @Max(MAX_STOCK)
  delta: number;

  @ApiProperty({ enum: STOCK_REASONS })
  @IsIn(STOCK_REASONS)
  reason: StockReason;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class StockMovementDto {
  @ApiProperty({ description: 'Units added (positive) or taken (negative)' }) delta: number;
  @ApiProperty() stockAfter: number;
  @ApiProperty({ description: 'A stock reason, INITIAL, or what an order did' }) reason: string;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class StockDto {
  @ApiProperty() variantId: string;
  @ApiProperty({ description: 'Units on hand after the change' }) stock: number;
}

export class ManagedProductQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PRODUCT_STATUSES }) @IsOptional() @IsIn(PRODUCT_STATUSES) status?: ProductStatus;
  @ApiPropertyOptional({ format: 'uuid', description: "Admins only: one cooperative's products" })
  @IsOptional()
  @IsUUID()
  cooperative?: string;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class ManagedVariantDto {
  @ApiProperty() id: string;
  @ApiProperty() sku: string;
  @ApiProperty() labelZh: string;
  @ApiProperty() labelEn: string;
  @ApiProperty() priceFen: number;
  @ApiProperty() weightG: number;
  @ApiProperty({ description: 'Units on hand' }) stock: number;
  @ApiProperty({ type: [PriceBreakDto] }) priceBreaks: PriceBreakDto[];
}

/** A variant's whole ladder of price breaks, replacing the one before; empty to have none. */
export class PriceBreaksInputDto {
  @ApiProperty({ type: [PriceBreakDto], maxItems: MAX_PRICE_BREAKS, example: [{ minQuantity: 20, priceFen: 8200 }] })
  @IsArray()
  @ArrayMaxSize(MAX_PRICE_BREAKS)
  @ValidateNested({ each: true })
  @Type(() => PriceBreakDto)
  breaks: PriceBreakDto[];
}

/** A product as its cooperative and admins see it, in any status. */
export class ManagedProductDto {
  @ApiProperty() id: string;
  @ApiProperty() slug: string;
  @ApiProperty({ enum: PRODUCT_STATUSES }) status: ProductStatus;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why an admin sent it back' }) rejectReason: string | null;
  @ApiProperty({ type: NamedRefDto }) cooperative: NamedRefDto;
  @ApiProperty({ enum: PRODUCT_CATEGORIES }) category: ProductCategory;
  @ApiProperty() titleZh: string;
  @ApiProperty() titleEn: string;
  @ApiProperty() descriptionZh: string;
  @ApiProperty() descriptionEn: string;
  @ApiProperty() originTownshipCode: string;
  @ApiProperty({ enum: SHIPPING_CLASSES }) shippingClass: ShippingClass;
  @ApiProperty() shelfLifeDays: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) saleStartsAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) saleEndsAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) presaleShipsOn: string | null;
  @ApiProperty({ type: [String] }) images: string[];
  @ApiPropertyOptional({ type: CertificationDto, nullable: true }) certification: CertificationDto | null;
  @ApiProperty({ type: [ManagedVariantDto] }) variants: ManagedVariantDto[];
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', description: 'Last sent for review' })
  submittedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) publishedAt: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ManagedProductPageDto {
  @ApiProperty({ type: [ManagedProductDto] }) items: ManagedProductDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor: string | null;
}
