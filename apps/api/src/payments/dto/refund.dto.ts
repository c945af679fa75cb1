import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsOptionalNotNull } from '../../common/validation';
import { MAX_BULK_LINE_QUANTITY } from '@qh/domain';

export class RefundLineRequestDto {
  @ApiProperty({ format: 'uuid', description: 'An order line id, from the order' }) @IsUUID() lineId: string;
  // An organisation's line holds up to 9,999 units; what a line can give back is checked against the line itself.
  @ApiProperty({ minimum: 1, maximum: MAX_BULK_LINE_QUANTITY })
  @IsInt()
  @Min(1)
  @Max(MAX_BULK_LINE_QUANTITY)
  quantity: number;
}

export class CreateRefundDto {
  @ApiProperty({ example: 'QH20261129-000123' })
  @Matches(/^QH\d{8}-\d{6,}$/, { message: 'orderNumber must look like QH20261129-000123' })
  orderNumber: string;

  @ApiPropertyOptional({ type: [RefundLineRequestDto], description: 'Leave out to refund the whole order, shipping included' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RefundLineRequestDto)
  lines?: RefundLineRequestDto[];

  @ApiProperty({ example: '鸡蛋运输破损 / eggs broken in transit', minLength: 2, maxLength: 200 })
  @IsString()
  @Length(2, 200)
  reason: string;
}

export class FlaggedPaymentDto {
  @ApiProperty() orderNumber: string;
  @ApiProperty() provider: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reference: string | null;
  @ApiProperty({ description: 'What the order asked for' }) amountFen: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) receivedFen: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) receivedCurrency: string | null;
  @ApiProperty() reviewReason: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
