import { AppError } from './app-error';

/**
 * An opaque keyset cursor: the order it belongs to, the sort key and id of the last row served.
 * Opaque so that clients pass it back unchanged and the server may change its form.
 */
export function encodeCursor(order: string, key: string, id: string): string {
  return Buffer.from(JSON.stringify([order, key, id])).toString('base64url');
}

export function decodeCursor(cursor: string, order: string): { key: string; id: string } {
  try {
    const [cursorOrder, key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (cursorOrder === order && typeof key === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { key, id };
  } catch {
    // fall through to the error below
  }
  throw new AppError('INVALID_CURSOR', 'cursor must be the nextCursor of a previous page with the same sort');
}

/**
 * A page from rows fetched with `limit + 1`: the extra row only says that there is more, and the
 * cursor points after the last row served.
 */
export function keysetPage<Row extends { id: string; sort_key: string }, Item>(
  rows: Row[],
  limit: number,
  order: string,
  toItem: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(toItem), nextCursor: rows.length > limit ? encodeCursor(order, last.sort_key, last.id) : null };
}

/** A timestamp as a cursor key: UTC to the microsecond, so its text sorts like the time and casts back exactly. */
export function timestampKey(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
