import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ASSETS = join(__dirname, '../../apps/storefront/dist/assets');
/** What one page's own script may weigh before it is compressed: the officials' dashboard once weighed 564 kB with a chart library. */
const PAGE_CHUNK_MAX_BYTES = 100_000;

/**
 * The built storefront as the browser journeys use it: each lazily loaded page stays small, so a
 * phone on a slow connection gets its page, not a library it mostly does not use. The shared entry
 * script (`index-*.js`: Vue, the router, i18n, the API client, the home and product pages) is measured by
 * `npm run bench:storefront`.
 */
describe('the built storefront', () => {
  it('keeps every page’s own script under 100 kB before compression', () => {
    const pages = readdirSync(ASSETS).filter((name) => name.endsWith('.js') && !name.startsWith('index-'));
    expect(pages.length).toBeGreaterThan(10);
    const heavy = pages
      .map((name) => ({ name, bytes: statSync(join(ASSETS, name)).size }))
      .filter((chunk) => chunk.bytes > PAGE_CHUNK_MAX_BYTES)
      .map((chunk) => `${chunk.name}: ${chunk.bytes} bytes`);
    expect(heavy).toEqual([]);
  });
});
