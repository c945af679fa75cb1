import { ParseUUIDPipe } from '@nestjs/common';
import { AppError, ErrorCode } from './app-error';

/** A path id that is not even a UUID names nothing: answer the same 404 as for an unknown one. */
export function uuidParam(code: ErrorCode, message: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => new AppError(code, message) });
}
