import { randomBytes } from 'node:crypto';
import { HouseholdCrypto } from './household-crypto';

describe(HouseholdCrypto.name, () => {
  const crypto = new HouseholdCrypto(randomBytes(32));

  it('reads back what it sealed, including Chinese names', () => {
    expect(crypto.decrypt(crypto.encrypt('龙阿妹'))).toBe('龙阿妹');
  });

  it('never stores the plain text and seals the same value differently each time', () => {
    const a = crypto.encrypt('520525198803150021');
    const b = crypto.encrypt('520525198803150021');
    expect(a.toString('latin1')).not.toContain('520525198803150021');
    expect(a.equals(b)).toBe(false);
  });

  it('refuses a tampered value instead of returning garbage', () => {
    const sealed = crypto.encrypt('王小二');
    sealed[sealed.length - 1] ^= 1;
    expect(() => crypto.decrypt(sealed)).toThrow();
  });

  it('refuses to open a value sealed under another key', () => {
    const other = new HouseholdCrypto(randomBytes(32));
    expect(() => other.decrypt(crypto.encrypt('王小二'))).toThrow();
  });

  it('gives the same ID number the same HMAC whatever the case of its check character', () => {
    expect(crypto.idHmac('11010519491231002X').equals(crypto.idHmac('11010519491231002x'))).toBe(true);
    expect(crypto.idHmac('11010519491231002X').equals(crypto.idHmac('440524188001010014'))).toBe(false);
  });
});
