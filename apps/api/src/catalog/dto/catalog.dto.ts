import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LINK_MECHANISMS,
  MAX_BULK_LINE_QUANTITY,
  PRODUCT_CATEGORIES,
  PRODUCT_SORTS,
  SHIPPING_CLASSES,
  type LinkMechanism,
  type ProductCategory,
  type ProductSort,
  type ShippingClass,
} from '@qh/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';
import { KeptQuery } from '../../common/validation';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The shop's list, the API's busiest uncached read: its queries are validated once (KeptQuery). */
@KeptQuery()
export class ProductQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PRODUCT_CATEGORIES })
  @IsOptional()
  @IsIn(PRODUCT_CATEGORIES)
  category?: ProductCategory;

  @ApiPropertyOptional({ description: 'Township code, e.g. 520525202' })
  @IsOptional()
  @Matches(/^520525\d{3}$/, { message: 'township must be a Nayong township code like 520525202' })
  township?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  cooperative?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @Transform(toBoolean)
  @IsIn([true, false], { message: 'certified must be true or false' })
  certified?: boolean;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @Transform(toBoolean)
  @IsIn([true, false], { message: 'inSeason must be true or false' })
  inSeason?: boolean;

  @ApiPropertyOptional({ description: '汉字, full pinyin (yingtao) or pinyin initials (yt)', maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ enum: PRODUCT_SORTS, description: 'Default: relevance with q, else newest' })
  @IsOptional()
  @IsIn(PRODUCT_SORTS)
  sort?: ProductSort;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class NamedRefDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() nameEn: string;
}

export class TownshipRefDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() nameEn: string;
}

export class SeasonDto {
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) saleStartsAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) saleEndsAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date', description: 'Pre-sale orders ship from this day' })
  presaleShipsOn: string | null;
  @ApiProperty({ description: 'On sale now: inside its sale window, or sold all year (no window)' }) inSeason: boolean;
  @ApiProperty({ description: 'Open for orders that ship later' }) presale: boolean;
}

export class ProductListItemDto {
  @ApiProperty() id: string;
  @ApiProperty() slug: string;
  @ApiProperty() titleZh: string;
  @ApiProperty() titleEn: string;
  @ApiProperty({ enum: PRODUCT_CATEGORIES }) category: ProductCategory;
  @ApiProperty({ type: NamedRefDto }) cooperative: NamedRefDto;
  @ApiProperty({ type: TownshipRefDto }) township: TownshipRefDto;
  @ApiProperty() minPriceFen: number;
  @ApiProperty() maxPriceFen: number;
  @ApiProperty() inStock: boolean;
  @ApiProperty() certified: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) imageUrl: string | null;
  @ApiProperty({ type: SeasonDto }) season: SeasonDto;
}

export class ProductPageDto {
  @ApiProperty({ type: [ProductListItemDto] }) items: ProductListItemDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor: string | null;
}

export class CategoryDto {
  @ApiProperty({ enum: PRODUCT_CATEGORIES }) code: ProductCategory;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ description: 'Published products in this category' }) productCount: number;
}

export const STOCK_STATUSES = ['IN_STOCK', 'LOW', 'SOLD_OUT'] as const;

/** From `minQuantity` units on one line, each unit costs `priceFen`. */
export class PriceBreakDto {
  @ApiProperty({ minimum: 2, maximum: MAX_BULK_LINE_QUANTITY, example: 20 })
  @IsInt()
  @Min(2)
  @Max(MAX_BULK_LINE_QUANTITY)
  minQuantity: number;

  @ApiProperty({ minimum: 1, example: 8200 })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  priceFen: number;
}

export class VariantDto {
  @ApiProperty() id: string;
  @ApiProperty() sku: string;
  @ApiProperty() labelZh: string;
  @ApiProperty() labelEn: string;
  @ApiProperty() priceFen: number;
  @ApiProperty() weightG: number;
  @ApiProperty({ type: [PriceBreakDto], description: 'Cheaper by the case: the price per unit from a quantity on' })
  priceBreaks: PriceBreakDto[];
  @ApiProperty({ enum: STOCK_STATUSES }) stockStatus: (typeof STOCK_STATUSES)[number];
}

export class CertificationDto {
  @ApiProperty() number: string;
  @ApiProperty() issuer: string;
  @ApiPropertyOptional({ nullable: true, type: String }) batch: string | null;
  @ApiProperty({ format: 'date' }) validUntil: string;
  @ApiProperty({ description: 'false once the certificate has expired' }) valid: boolean;
}

export class MechanismCountDto {
  @ApiProperty({ enum: LINK_MECHANISMS }) mechanism: LinkMechanism;
  @ApiProperty({ nullable: true, type: Number, description: 'null: 1 to 4 households, too few to show' })
  households: number | null;
}

export class LinkedHouseholdsDto {
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Distinct households linked to the cooperative today; null for 1 to 4, too few to show',
  })
  households: number | null;
  @ApiProperty({ type: [MechanismCountDto] }) byMechanism: MechanismCountDto[];
}

export class CooperativeProfileDto {
  @ApiProperty() id: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() descriptionZh: string;
  @ApiProperty() descriptionEn: string;
  @ApiProperty({ type: TownshipRefDto }) township: TownshipRefDto;
  @ApiProperty() creditCode: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) verifiedAt: string | null;
  @ApiProperty({ type: LinkedHouseholdsDto }) linkedHouseholds: LinkedHouseholdsDto;
}

export class CooperativeQualityDto {
  @ApiProperty({ description: 'Parcels shipped' }) shipments: number;
  @ApiProperty({ description: 'Shipped within 48 h of payment (or of a pre-sale’s shipping day), basis points' }) onTimeBp: number;
  @ApiProperty({ description: 'After-sales claims per parcel shipped, basis points' }) claimRateBp: number;
}

export class CooperativePageDto extends CooperativeProfileDto {
  @ApiProperty({ type: [ProductListItemDto] }) products: ProductListItemDto[];
  @ApiPropertyOptional({
    nullable: true,
    type: CooperativeQualityDto,
    description: 'Shown once the cooperative has shipped at least 20 parcels through the marketplace',
  })
  quality: CooperativeQualityDto | null;
}

export class ProductDetailDto extends ProductListItemDto {
  @ApiProperty() descriptionZh: string;
  @ApiProperty() descriptionEn: string;
  @ApiProperty({ type: [String] }) images: string[];
  @ApiProperty({ enum: SHIPPING_CLASSES }) shippingClass: ShippingClass;
  @ApiProperty() shelfLifeDays: number;
  @ApiProperty({ type: [VariantDto] }) variants: VariantDto[];
  @ApiPropertyOptional({ type: CertificationDto, nullable: true }) certification: CertificationDto | null;
  @ApiProperty({ type: CooperativeProfileDto }) cooperativeProfile: CooperativeProfileDto;
  @ApiProperty({ type: LinkedHouseholdsDto }) linkedHouseholds: LinkedHouseholdsDto;
}
