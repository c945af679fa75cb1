import { filtersFromQuery, productListQuery } from '@qh/domain';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import indexHtml from '../index.html?raw';
import { routes } from './router';
import { fakeSessionApi, mountApp, settle } from './testing/app';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

/** The API reads a visit to `path` makes as it opens (the fake API answers them all 404: only the asking counts). */
async function readsOpening(path: string): Promise<string[]> {
  const server = fakeSessionApi(null);
  ({ wrapper } = await mountApp({ path }));
  await settle();
  return server.requests
    .filter((request) => request.method === 'GET')
    .map((request) => {
      const url = new URL(request.url);
      return `${url.pathname}${url.search}`;
    });
}

const preloading = routes.filter((route) => route.meta?.preload?.length);

// The server hints a page's meta.preload with the page; a hint the page does not ask for exactly is fetched twice.
describe('preloaded reads', () => {
  it('has pages that preload', () => {
    expect(preloading.map((route) => route.path)).toEqual(expect.arrayContaining(['/', '/products/:slug']));
  });

  // Every path parameter is this (a category, for a page that lists one); a listing's read (`:listing`) is
  // filled in from the page's address as the server does it: here a shared search link's.
  const sample = 'TEA';
  const address = { q: '樱桃', from: 'singlemessage' };

  it.each(preloading.map((route) => [route.path, route.meta!.preload!] as const))(
    '%s asks for every read it preloads',
    async (path, preload) => {
      const listing = productListQuery(filtersFromQuery(address), path.includes(':code') ? sample : undefined);
      const query = preload.some((url) => url.includes(':listing')) ? `?${new URLSearchParams(address)}` : '';
      const reads = await readsOpening(path.replace(/:\w+/g, sample) + query);
      expect(reads).toEqual(expect.arrayContaining(preload.map((url) => url.replace(':listing', listing).replace(/:\w+/g, sample))));
    },
  );

  // The server reads a picture's URL from a preloaded read's answer: a read the page does not preload is not read.
  it.each(routes.filter((route) => route.meta?.preloadImages?.length).map((route) => [route.path, route.meta!] as const))(
    '%s names its opening pictures in reads it preloads',
    (_path, meta) => {
      for (const entry of meta.preloadImages!) {
        const [read, field, ...rest] = entry.split(' ');
        expect(rest).toEqual([]);
        expect(meta.preload).toContain(read);
        expect(field).toMatch(/^\w+(\.\w+)*$/);
      }
    },
  );

  it('asks on every page for what index.html preloads', async () => {
    const hinted = [...indexHtml.matchAll(/rel="preload" href="([^"]+)"/g)].map(([, url]) => url);
    expect(hinted).toEqual(['/api/payments/provider']);
    expect(await readsOpening('/search')).toEqual(expect.arrayContaining(hinted));
  });
});
