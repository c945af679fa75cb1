import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import type { InvoiceFileType } from './invoice-requests.repository';

/** An e-invoice is at most 5 MB. */
export const MAX_INVOICE_BYTES = 5 * 1024 * 1024;

const ZIP_MAGIC = Buffer.from('PK\u0003\u0004', 'latin1');

/**
 * What an e-invoice file is, by its content (a name or a declared type proves nothing): a PDF
 * starts `%PDF-`; an OFD (GB/T 33190, China's format for e-invoices) is a ZIP package holding
 * OFD.xml at its root. Anything else: null.
 */
export function invoiceFileType(bytes: Buffer): InvoiceFileType | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'PDF';
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC) && bytes.includes('OFD.xml', 0, 'latin1')) return 'OFD';
  return null;
}

export const INVOICE_MEDIA_TYPE: Record<InvoiceFileType, string> = { PDF: 'application/pdf', OFD: 'application/ofd' };

/** E-invoice files on local disk under DATA_DIR/invoices, named by a random id; served only through the invoice routes. */
@Injectable()
export class InvoiceFileStore {
  private readonly dir: string;

  constructor(@InjectConfig() config: AppConfig) {
    this.dir = join(config.dataDir, 'invoices');
  }

  async save(bytes: Buffer, type: InvoiceFileType): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const name = `${randomUUID()}.${type.toLowerCase()}`;
    await writeFile(join(this.dir, name), bytes, { flag: 'wx' });
    return name;
  }

  read(name: string): Promise<Buffer> {
    return readFile(join(this.dir, name));
  }

  /** Undoes a save whose database change did not commit. */
  async remove(name: string): Promise<void> {
    await rm(join(this.dir, name), { force: true });
  }
}
