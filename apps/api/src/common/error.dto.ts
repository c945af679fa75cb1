import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_STATUS, type ErrorCode } from './app-error';

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

  @ApiPropertyOptional({ description: 'Safe detail, e.g. the invalid fields' })
  details?: unknown;
}
