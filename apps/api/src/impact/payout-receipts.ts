import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { detectImageType } from '../catalog/product-images';
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

/** A cash receipt's kind by its content (a photo or a scan), whatever it is called: anything else is null. */
export function receiptType(bytes: Buffer): ReceiptType | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'PDF';
  const image = detectImageType(bytes);
  return image ? (image.toUpperCase() as ReceiptType) : null;
}

/**
 * Receipts of cash payouts to households, on local disk under DATA_DIR/receipts, each named by the
 * SHA-256 of its content: the same photo sent twice is kept once, and a payout row names its receipt
 * by that hash, so a file swapped on disk no longer matches its row. Served only through the payout routes.
 */
@Injectable()
export class ReceiptStore {
  private readonly dir: string;

  constructor(@InjectConfig() config: AppConfig) {
    this.dir = join(config.dataDir, 'receipts');
  }

  async save(bytes: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await mkdir(this.dir, { recursive: true });
    try {
      await writeFile(join(this.dir, sha256), bytes, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return sha256;
  }

  /** The receipt's bytes and kind, or null when no receipt has this id. */
  async read(sha256: string): Promise<{ bytes: Buffer; type: ReceiptType } | null> {
    const path = join(this.dir, sha256);
    try {
      await access(path);
    } catch {
      return null;
    }
    const bytes = await readFile(path);
    const type = receiptType(bytes);
    return type && createHash('sha256').update(bytes).digest('hex') === sha256 ? { bytes, type } : null;
  }
}
