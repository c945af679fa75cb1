import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { NamedRefDto, STOCK_STATUSES } from '../../catalog/dto/catalog.dto';

/** More of one thing than a household orders: beyond it, ask the cooperative. */
export const MAX_LINE_QUANTITY = 99;

export class AddCartLineDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  variantId: string;

  @ApiProperty({ minimum: 1, maximum: MAX_LINE_QUANTITY })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;
}

export class UpdateCartLineDto {
  @ApiProperty({ minimum: 1, maximum: MAX_LINE_QUANTITY })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;
}

/** Why a line cannot be bought as it is; it stays in the cart so the buyer sees what changed. */
export const CART_LINE_PROBLEMS = ['UNAVAILABLE', 'SOLD_OUT', 'NOT_ENOUGH_STOCK'] as const;
export type CartLineProblem = (typeof CART_LINE_PROBLEMS)[number];

export class CartLineDto {
  @ApiProperty() id: string;
  @ApiProperty() variantId: string;
  @ApiProperty() productSlug: string;
  @ApiProperty() titleZh: string;
  @ApiProperty() titleEn: string;
  @ApiProperty() labelZh: string;
  @ApiProperty() labelEn: string;
  @ApiProperty({ type: NamedRefDto }) cooperative: NamedRefDto;
  @ApiPropertyOptional({ nullable: true, type: String }) imageUrl: string | null;
  @ApiProperty({ description: "Today's price of one unit" }) unitPriceFen: number;
  @ApiProperty() quantity: number;
  @ApiProperty() lineTotalFen: number;
  @ApiProperty({ enum: STOCK_STATUSES }) stockStatus: (typeof STOCK_STATUSES)[number];
  @ApiPropertyOptional({ enum: CART_LINE_PROBLEMS, nullable: true, type: String }) problem: CartLineProblem | null;
}

export class CartDto {
  @ApiProperty({ type: [CartLineDto] }) lines: CartLineDto[];
  @ApiProperty({ description: 'Sum of the lines that can be bought' }) itemsFen: number;
  @ApiProperty() maxLineQuantity: number;
}
