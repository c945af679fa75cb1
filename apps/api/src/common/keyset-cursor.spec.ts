import { AppError } from './app-error';
import { decodeCursor, encodeCursor, KEYSET_ORDERS, type KeysetOrder } from './keyset-cursor';

const ID = '5b0f3c3e-7d1a-4c6e-9f20-3a8b1c2d4e5f';
const crafted = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const codeOf = (run: () => unknown) => {
  try {
    run();
    return 'accepted';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
};

/** A key of each kind as the lists' SQL renders it. */
const GOOD_KEYS = {
  timestamp: '2026-11-29T08:30:00.123456Z',
  integer: '12800',
  numeric: '3.166667',
  text: 'NY-000123',
};

describe(decodeCursor.name, () => {
  it("gives back the key and id of a cursor made for the list's order", () => {
    for (const [order, kind] of Object.entries(KEYSET_ORDERS) as [KeysetOrder, keyof typeof GOOD_KEYS][]) {
      expect(decodeCursor(encodeCursor(order, GOOD_KEYS[kind], ID), order)).toEqual({ key: GOOD_KEYS[kind], id: ID });
    }
  });

  it('refuses a cursor of another order', () => {
    expect(codeOf(() => decodeCursor(encodeCursor('newest', GOOD_KEYS.timestamp, ID), 'orders'))).toBe('INVALID_CURSOR');
  });

  it("refuses a key that does not fit its order's type, before any SQL casts it", () => {
    const bad: [KeysetOrder, string][] = [
      ['price_asc', 'abc'],
      ['price_asc', '1.5'],
      ['price_desc', '99999999999'],
      ['relevance', 'NaN'],
      ['relevance', 'Infinity'],
      ['newest', 'not-a-time'],
      ['newest', '2026-02-30T00:00:00.000000Z'],
      ['created', '0000-01-01T00:00:00.000000Z'],
      ['orders', '2026-11-29T24:00:00.000000Z'],
      ['fulfillments', '2026-11-29'],
      ['households', 'NY-\u0000'],
      ['households', 'NY-\ud800'],
      ['households', 'N'.repeat(201)],
    ];
    for (const [order, key] of bad)
      expect([order, key, codeOf(() => decodeCursor(crafted([order, key, ID]), order))]).toEqual([order, key, 'INVALID_CURSOR']);
  });

  it('refuses an id that is not a UUID, and anything that is not a cursor at all', () => {
    for (const cursor of [
      crafted(['newest', GOOD_KEYS.timestamp, '------------------------------------']),
      crafted(['newest', GOOD_KEYS.timestamp, `${ID.slice(0, 35)}\u0000`]),
      crafted(['newest', GOOD_KEYS.timestamp]),
      crafted({ order: 'newest' }),
      crafted(null),
      'not a cursor!',
    ])
      expect(codeOf(() => decodeCursor(cursor, 'newest'))).toBe('INVALID_CURSOR');
  });
});
