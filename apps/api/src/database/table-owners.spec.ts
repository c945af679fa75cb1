import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..');
const WRITE = /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([a-z_]+)"?\s/g;

/**
 * Tables written from more than one file of their feature, and why. Each is still written by one
 * feature only; this list is where a second writer has to explain itself.
 */
const SHARED_WITHIN_FEATURE: Record<string, string> = {
  // The ledger adds an order's groups when it is paid; rebuildRollups rewrites them in bulk for generated history.
  impact_order_group: 'impact',
  // The ledger writes a payment's or refund's sums pending; the catch-up takes them into the rollups (rollups.ts).
  impact_pending_sum: 'impact',
  // An order's parcels are written with its lines, in one statement, by OrdersRepository.insertParts.
  fulfillment: 'orders',
  // Outbox writes messages in the transaction of what they tell; the delivery job marks them sent.
  notification_outbox: 'notifications',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' || entry.name === 'seed' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The tables the migrations create. */
function migratedTables(): Set<string> {
  const dir = join(SRC, 'database', 'migrations');
  const text = readdirSync(dir)
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n');
  return new Set([...text.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?([a-z_]+)"?/g)].map(([, table]) => table));
}

/** Every table the API's code writes (migrations and seeds aside), with the files that write it. */
function writers(): Map<string, Set<string>> {
  const known = migratedTables();
  const found = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    for (const [, table] of readFileSync(file, 'utf8').matchAll(WRITE)) {
      // Not a table: FOR UPDATE OF, DO UPDATE SET, or words in a comment.
      if (!known.has(table)) continue;
      found.set(table, (found.get(table) ?? new Set()).add(relative(SRC, file)));
    }
  }
  return found;
}

describe('one owner per table', () => {
  const tables = writers();

  it('finds the writes it is meant to find', () => {
    expect(tables.size).toBeGreaterThan(30);
    expect(tables.get('order')).toEqual(new Set(['orders/orders.repository.ts']));
    expect(tables.get('payment')).toEqual(new Set(['payments/payments.repository.ts']));
  });

  it("changes an order's status only through OrderTransitions", () => {
    const setters = sourceFiles(SRC)
      .filter((file) => /\bthis\.orders\.setStatus\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(setters).toEqual(['orders/order-transitions.ts']);
  });

  it('has every table written by one feature, and by one file unless the feature says why', () => {
    const problems: string[] = [];
    for (const [table, files] of tables) {
      const features = new Set([...files].map((file) => file.split('/')[0]));
      if (features.size > 1) problems.push(`${table} is written by the features ${[...features].join(', ')}: ${[...files].join(', ')}`);
      else if (files.size > 1 && SHARED_WITHIN_FEATURE[table] !== [...features][0])
        problems.push(`${table} is written from ${[...files].join(', ')}: one repository should own it`);
    }
    expect(problems).toEqual([]);
  });
});
