import { createHash } from 'node:crypto';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Files people upload that only some may read (cash receipts, claim photos, lot test reports), on
 * local disk under one folder, each named by the SHA-256 of its content: the same file sent twice is
 * kept once, and the row that names a file by its hash no longer matches a file swapped on disk.
 * Served only through routes that check who asks; `typeOf` judges a file by its content.
 */
export class HashedFileStore<T extends string> {
  constructor(
    private readonly dir: string,
    private readonly typeOf: (bytes: Buffer) => T | null,
  ) {}

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

  /** The file's bytes and kind, or null when no file has this hash (or the one on disk no longer matches it). */
  async read(sha256: string): Promise<{ bytes: Buffer; type: T } | null> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
    const path = join(this.dir, sha256);
    try {
      await access(path);
    } catch {
      return null;
    }
    const bytes = await readFile(path);
    const type = this.typeOf(bytes);
    return type && createHash('sha256').update(bytes).digest('hex') === sha256 ? { bytes, type } : null;
  }
}
