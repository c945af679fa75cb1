import { Injectable } from '@nestjs/common';
import { join } from 'node:path';
import { detectImageType } from '../catalog/product-images';
import { HashedFileStore } from '../common/hashed-files';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';

export const MAX_RECEIPT_BYTES = 5 * 1024 * 1024;
export type ReceiptType = 'JPEG' | 'PNG' | 'WEBP' | 'PDF';

export const RECEIPT_MEDIA_TYPE: Record<ReceiptType, string> = {
  JPEG: 'image/jpeg',
  PNG: 'image/png',
  WEBP: 'image/webp',
  PDF: 'application/pdf',
};

/** A cash receipt's (or a lot's test report's) kind by its content (a photo or a scan), whatever it is called: anything else is null. */
export function receiptType(bytes: Buffer): ReceiptType | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'PDF';
  const image = detectImageType(bytes);
  return image ? (image.toUpperCase() as ReceiptType) : null;
}

/** Receipts of cash payouts to households, under DATA_DIR/receipts, served only through the payout routes. */
@Injectable()
export class ReceiptStore extends HashedFileStore<ReceiptType> {
  constructor(@InjectConfig() config: AppConfig) {
    super(join(config.dataDir, 'receipts'), receiptType);
  }
}
