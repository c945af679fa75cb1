import { ParseUUIDPipe, type ArgumentMetadata } from '@nestjs/common';
import { AppError, ErrorCode } from './app-error';

/** Checks a path id and hands it on in lower case, as the database writes ids: code that compares ids then finds it. */
class LowerCaseUuidPipe extends ParseUUIDPipe {
  override async transform(value: string, metadata: ArgumentMetadata): Promise<string> {
    return (await super.transform(value, metadata)).toLowerCase();
  }
}

/** A path id that is not even a UUID names nothing: answer the same 404 as for an unknown one. */
export function uuidParam(code: ErrorCode, message: string): ParseUUIDPipe {
  return new LowerCaseUuidPipe({ exceptionFactory: () => new AppError(code, message) });
}
