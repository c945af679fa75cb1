import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ASSETS = join(__dirname, '../../apps/storefront/dist/assets');
/** What one page's own script may weigh before it is compressed: the officials' dashboard once weighed 564 kB with a chart library. */
const PAGE_CHUNK_MAX_BYTES = 100_000;
/**
 * The English messages (`en-*.js`): not a page's script but all of the app's English text, fetched
 * once by a visitor who switches to English (Chinese comes with the entry script).
 */
const ENGLISH_MESSAGES = /^en-[\w-]+\.js$/;
const ENGLISH_MESSAGES_MAX_BYTES = 200_000;

/**
 * The built storefront as the browser journeys use it: each lazily loaded page stays small, so a
 * phone on a slow connection gets its page, not a library it mostly does not use. The shared entry
 * script (`index-*.js`: Vue, the router, i18n, the API client, the home and product pages) is measured by
 * `npm run bench:storefront`.
 */
describe('the built storefront', () => {
  it('keeps every page’s own script under 100 kB before compression', () => {
    const pages = readdirSync(ASSETS).filter((name) => name.endsWith('.js') && !name.startsWith('index-') && !ENGLISH_MESSAGES.test(name));
    expect(pages.length).toBeGreaterThan(10);
    const heavy = pages
      .map((name) => ({ name, bytes: statSync(join(ASSETS, name)).size }))
      .filter((chunk) => chunk.bytes > PAGE_CHUNK_MAX_BYTES)
      .map((chunk) => `${chunk.name}: ${chunk.bytes} bytes`);
    expect(heavy).toEqual([]);
  });

  it('keeps the English messages apart from the first download, under 200 kB before compression', () => {
    const english = readdirSync(ASSETS).filter((name) => ENGLISH_MESSAGES.test(name));
    expect(english).toHaveLength(1);
    expect(statSync(join(ASSETS, english[0]!)).size).toBeLessThan(ENGLISH_MESSAGES_MAX_BYTES);
  });
});
