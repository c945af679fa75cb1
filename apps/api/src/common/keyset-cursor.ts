import { isAcceptedDay } from '@qh/domain';
import { AppError } from './app-error';
import { isStorableText } from './input-guards';

/** The type of a list's sort key, as its SQL casts or compares the key a cursor brings back. */
export type CursorKeyKind = 'timestamp' | 'integer' | 'numeric' | 'text';

/**
 * Every keyset order and the kind of its key. The key comes back from the client, so it is checked
 * against its kind before any SQL sees it: a key that does not fit would fail the query's cast.
 */
export const KEYSET_ORDERS = {
  relevance: 'numeric',
  newest: 'timestamp',
  price_asc: 'integer',
  price_desc: 'integer',
  created: 'timestamp',
  queue: 'timestamp',
  orders: 'timestamp',
  fulfillments: 'timestamp',
  households: 'text',
  'admin-orders': 'timestamp',
} as const satisfies Record<string, CursorKeyKind>;
export type KeysetOrder = keyof typeof KEYSET_ORDERS;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INT32_MAX = 2_147_483_647;
/** What timestampKey renders: UTC to the microsecond. */
const TIMESTAMP_KEY = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$/;
/** What a relevance rank renders: round(…, 6)::text. */
const NUMERIC_KEY = /^-?\d{1,15}(\.\d{1,15})?$/;
const MAX_TEXT_KEY_LENGTH = 200;

const KEY_FITS: Record<CursorKeyKind, (key: string) => boolean> = {
  timestamp: (key) => {
    const match = TIMESTAMP_KEY.exec(key);
    return match !== null && isAcceptedDay(match[1]);
  },
  integer: (key) => /^-?\d{1,10}$/.test(key) && Math.abs(Number(key)) <= INT32_MAX,
  numeric: (key) => NUMERIC_KEY.test(key),
  text: (key) => key.length <= MAX_TEXT_KEY_LENGTH && isStorableText(key),
};

/**
 * An opaque keyset cursor: the order it belongs to, the sort key and id of the last row served.
 * Opaque so that clients pass it back unchanged and the server may change its form.
 */
export function encodeCursor(order: KeysetOrder, key: string, id: string): string {
  return Buffer.from(JSON.stringify([order, key, id])).toString('base64url');
}

/** The key and id of a cursor made for `order`, each of the type its SQL expects; anything else is INVALID_CURSOR. */
export function decodeCursor(cursor: string, order: KeysetOrder): { key: string; id: string } {
  try {
    const [cursorOrder, key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (cursorOrder === order && typeof key === 'string' && KEY_FITS[KEYSET_ORDERS[order]](key) && typeof id === 'string' && UUID.test(id))
      return { key, id };
  } catch {
    // fall through to the error below
  }
  throw new AppError('INVALID_CURSOR', 'cursor must be the nextCursor of a previous page with the same sort');
}

/**
 * A page from rows fetched with `limit + 1`: the extra row only says that there is more, and the
 * cursor points after the last row served.
 */
export function keysetPage<Row extends { id: string; sortKey: string }, Item>(
  rows: Row[],
  limit: number,
  order: KeysetOrder,
  toItem: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(toItem), nextCursor: rows.length > limit ? encodeCursor(order, last.sortKey, last.id) : null };
}

/** A timestamp as a cursor key: UTC to the microsecond, so its text sorts like the time and casts back exactly. */
export function timestampKey(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
