import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_STATUS, type ErrorCode } from './app-error';

export class FieldProblemDto {
  @ApiProperty({ example: 'variants.0.priceFen', description: 'Dotted path of the field in the request' })
  field: string;

  @ApiProperty({ type: [String], example: ['priceFen must not be less than 1'], description: 'In English, for developers' })
  problems: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['min'],
    description:
      'The rule each problem broke, by a stable name, for a client to word in its own language: class-validator’s (isIn, isInt, min, max, length, maxLength, matches, isNotEmpty …) or the API’s own (registered, duplicate, taken, codeFormat, residentId, notBeforeRegistered)',
  })
  rules?: string[];
}

/** The shape of every error response. */
export class ErrorDto {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ enum: Object.keys(ERROR_STATUS) })
  code: ErrorCode;

  @ApiProperty()
  message: string;

  @ApiProperty({ description: 'Quote it when reporting a problem' })
  requestId: string;

  @ApiPropertyOptional({ type: [FieldProblemDto], description: 'The fields at fault, when the error is about some' })
  details?: FieldProblemDto[];
}
