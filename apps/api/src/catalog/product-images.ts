import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { AppError } from '../common/app-error';
import { readUploadedFile } from '../common/uploads';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const UPLOADS_URL_PREFIX = '/uploads/';
export type ImageType = 'jpeg' | 'png' | 'webp';

const EXTENSION: Record<ImageType, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

/**
 * The image type by its first bytes, whatever the file is called or claims to be: a `.jpg` that is
 * really HTML or a script is refused, so nothing but images is ever served from the uploads.
 */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  const starts = (signature: number[], offset = 0) => signature.every((byte, i) => bytes[offset + i] === byte);
  if (bytes.length >= 12 && starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  // RIFF....WEBP
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return null;
}

/**
 * The one image a multipart request carries in `field` (a product's photo, a shortfall's), checked by
 * its content: anything but a JPEG, PNG or WebP is refused whatever it is called.
 */
export async function readUploadedImage(request: FastifyRequest, field: string, what: string): Promise<{ bytes: Buffer; type: ImageType }> {
  const bytes = await readUploadedFile(request, {
    field,
    what,
    maxBytes: MAX_IMAGE_BYTES,
    tooLargeMessage: `An image may be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`,
  });
  const type = detectImageType(bytes);
  if (!type) throw new AppError('UNSUPPORTED_IMAGE_TYPE', 'Only JPEG, PNG and WebP images are accepted.');
  return { bytes, type };
}

/** Product images on local disk under DATA_DIR/uploads, named by a random id so a URL never changes content. */
@Injectable()
export class ProductImageStore {
  private readonly dir: string;

  constructor(@InjectConfig() config: AppConfig) {
    this.dir = uploadsDir(config);
  }

  async save(bytes: Buffer, type: ImageType): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const name = `${randomUUID()}.${EXTENSION[type]}`;
    await writeFile(join(this.dir, name), bytes, { flag: 'wx' });
    return `${UPLOADS_URL_PREFIX}${name}`;
  }

  /** Undoes a save whose database change did not commit. */
  async remove(url: string): Promise<void> {
    await rm(join(this.dir, url.slice(UPLOADS_URL_PREFIX.length)), { force: true });
  }
}

export function uploadsDir(config: AppConfig): string {
  return join(config.dataDir, 'uploads');
}
