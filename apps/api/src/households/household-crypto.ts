import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Household PII at rest: AES-256-GCM with a random IV per value, stored as iv | tag | ciphertext.
 * The ID number's HMAC (under a key derived from the same secret) finds duplicates without decrypting.
 */
export class HouseholdCrypto {
  private readonly hmacKey: Buffer;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new RangeError('household data key must be 32 bytes');
    this.hmacKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'household-id-hmac', 32));
  }

  encrypt(plain: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decrypt(sealed: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, IV_BYTES));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  /** Case-normalised so that `...x` and `...X` are the same person. */
  idHmac(idNumber: string): Buffer {
    return createHmac('sha256', this.hmacKey).update(idNumber.toUpperCase()).digest();
  }
}
