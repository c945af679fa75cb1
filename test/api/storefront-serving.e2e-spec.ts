import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

/** The built storefront as the API serves it: hashed assets cached for good and sent compressed, pages never cached. */
describe('serving the storefront', () => {
  let t: TestApp;
  let dir: string;
  const script = Buffer.from(`console.log(${JSON.stringify('纳雍好物，直达广州 '.repeat(200))});\n`);
  // As index.html has one: the session asked for before the app's script arrives.
  const inline = "\n      window.qhSessionAnswer = fetch('/api/auth/refresh', { method: 'POST' });\n    ";

  beforeAll(async () => {
    // A build as Vite and its precompress step leave it: index.html, and a hashed script with its .br and .gz.
    dir = mkdtempSync(join(tmpdir(), 'qh-storefront-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html><head><title>黔货入粤</title><script>${inline}</script><script type="module" src="/assets/index-AbC123.js"></script></head><body></body></html>`,
    );
    // As the build writes it: a page that starts with API reads names them.
    writeFileSync(
      join(dir, 'routes.json'),
      JSON.stringify([
        {
          path: '/',
          preload: ['/api/products?inSeason=true&limit=4', '/api/impact/public'],
          images: ['/api/products?inSeason=true&limit=4 items.0.imageUrl', '/api/products?inSeason=true&limit=4 items.1.imageUrl'],
        },
        { path: '/products/:slug', preload: ['/api/products/:slug'], images: ['/api/products/:slug images.0'] },
        {
          path: '/search',
          preload: ['/api/products?:listing'],
          images: ['/api/products?:listing items.0.imageUrl', '/api/products?:listing items.1.imageUrl'],
          code: ['/assets/SearchPage-X1.js', '/assets/ProductListing-Y2.js', '/assets/ProductListing-Z3.css'],
        },
        { path: '/category/:code', preload: ['/api/products?:listing'] },
        { path: '/coop/products/new', code: ['/assets/NewProductPage-Q4.js', 'https://elsewhere.example/a.js'] },
      ]),
    );
    writeFileSync(join(dir, 'assets', 'index-AbC123.js'), script);
    writeFileSync(join(dir, 'assets', 'index-AbC123.js.br'), brotliCompressSync(script));
    writeFileSync(join(dir, 'assets', 'index-AbC123.js.gz'), gzipSync(script));
    t = await startTestApp({ STOREFRONT_DIR: dir }, { demoData: true });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const asset = (acceptEncoding: string) =>
    request(t.url)
      .get('/assets/index-AbC123.js')
      .set('Accept-Encoding', acceptEncoding)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);

  it('sends a hashed script as Brotli to a browser that takes it, cached for a year', async () => {
    const served = await asset('gzip, deflate, br');
    expect(served.headers['content-encoding']).toBe('br');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(served.headers.vary).toMatch(/Accept-Encoding/i);
    expect(served.headers['content-type']).toMatch(/javascript/);
    // Sent compressed (the length on the wire); supertest hands back the bytes decompressed.
    expect(Number(served.headers['content-length'])).toBeLessThan(script.length / 10);
    expect((served.body as Buffer).equals(script)).toBe(true);
  });

  it('sends gzip where Brotli is not accepted, and the plain file where neither is', async () => {
    const gzipped = await asset('gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(Number(gzipped.headers['content-length'])).toBeLessThan(script.length / 10);
    expect((gzipped.body as Buffer).equals(script)).toBe(true);

    const plain = await asset('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((plain.body as Buffer).equals(script)).toBe(true);
  });

  it('answers the app page for its routes, never cached, so a new build reaches everyone at once', async () => {
    for (const path of ['/', '/products/some-tea', '/products/some-tea/', '/coop/products/new?x=1']) {
      const page = await request(t.url).get(path).expect(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.text).toContain('/assets/index-AbC123.js');
    }
  });

  it("hints the API reads a page starts with, so that the browser fetches them beside the app's script", async () => {
    const preloads = (html: string) =>
      [...html.matchAll(/<link rel="preload" href="([^"]+)" as="fetch" crossorigin="use-credentials">/g)].map(([, href]) => href);
    expect(preloads((await request(t.url).get('/').expect(200)).text)).toEqual([
      '/api/products?inSeason=true&amp;limit=4',
      '/api/impact/public',
    ]);
    expect(preloads((await request(t.url).get('/products/some-tea').expect(200)).text)).toEqual(['/api/products/some-tea']);
    expect(preloads((await request(t.url).get('/coop/products/new').expect(200)).text)).toEqual([]);
    expect(preloads((await request(t.url).get('/no-such-page').expect(404)).text)).toEqual([]);
  });

  it('hints the pictures a page opens with, as the reads it starts with name them', async () => {
    const pictures = (html: string) =>
      [...html.matchAll(/<link rel="preload" href="([^"]+)" as="image" fetchpriority="high">/g)].map(([, href]) => href);
    const inSeason = (await request(t.url).get('/api/products?inSeason=true&limit=4').expect(200)).body.items as {
      slug: string;
      imageUrl: string;
    }[];
    expect(inSeason.length).toBeGreaterThanOrEqual(2);
    // Demo products of one category share a picture (two cherries may lead in April): a picture is hinted once.
    expect(pictures((await request(t.url).get('/').expect(200)).text)).toEqual([
      ...new Set([inSeason[0]!.imageUrl, inSeason[1]!.imageUrl]),
    ]);

    const product = (await request(t.url).get(`/api/products/${inSeason[0]!.slug}`).expect(200)).body as { images: string[] };
    expect(pictures((await request(t.url).get(`/products/${inSeason[0]!.slug}`).expect(200)).text)).toEqual([product.images[0]]);
    // A product that is not there: its page still opens (and says so), without a picture.
    expect(pictures((await request(t.url).get('/products/no-such-product').expect(200)).text)).toEqual([]);
  });

  it("hints the code a page needs beyond the app's first download, as Vite's loader would ask for it", async () => {
    const code = (html: string) =>
      [...html.matchAll(/<link rel="(modulepreload|stylesheet)" crossorigin href="([^"]+)">/g)].map(([, rel, href]) => `${rel} ${href}`);
    expect(code((await request(t.url).get('/search?q=tea').expect(200)).text)).toEqual([
      'modulepreload /assets/SearchPage-X1.js',
      'modulepreload /assets/ProductListing-Y2.js',
      'stylesheet /assets/ProductListing-Z3.css',
    ]);
    // Only files of its own, by a plain path.
    expect(code((await request(t.url).get('/coop/products/new').expect(200)).text)).toEqual(['modulepreload /assets/NewProductPage-Q4.js']);
    expect(code((await request(t.url).get('/').expect(200)).text)).toEqual([]);
    expect(code((await request(t.url).get('/no-such-page').expect(404)).text)).toEqual([]);
  });

  it("hints the product listing a search page's address asks for, as the app asks for it, and its first pictures", async () => {
    const hints = async (address: string) => {
      const html = (await request(t.url).get(address).expect(200)).text;
      return {
        reads: [...html.matchAll(/<link rel="preload" href="([^"]+)" as="fetch"/g)].map(([, href]) => href!.replaceAll('&amp;', '&')),
        pictures: [...html.matchAll(/<link rel="preload" href="([^"]+)" as="image"/g)].map(([, href]) => href),
      };
    };
    const cherries = `q=${encodeURIComponent('樱桃')}`;
    const found = (await request(t.url).get(`/api/products?${cherries}&sort=relevance`).expect(200)).body.items as { imageUrl: string }[];
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(await hints(`/search?${cherries}`)).toEqual({
      reads: [`/api/products?${cherries}&sort=relevance`],
      pictures: [...new Set([found[0]!.imageUrl, found[1]!.imageUrl])],
    });
    // As the app reads its address: the text trimmed, filters in the API's order, what it does not know (a share link's) left out.
    expect((await hints(`/search?from=singlemessage&sort=price_asc&certified=true&q=+${encodeURIComponent('樱桃')}+`)).reads).toEqual([
      `/api/products?${cherries}&certified=true&sort=price_asc`,
    ]);
    expect((await hints('/search')).reads).toEqual(['/api/products?sort=newest']);
    // Within the category the path names, if it is one (the app shows no listing for any other).
    expect((await hints('/category/TEA?certified=true')).reads).toEqual(['/api/products?category=TEA&certified=true&sort=newest']);
    expect((await hints('/category/tea')).reads).toEqual(['/api/products?category=TEA&sort=newest']);
    expect((await hints('/category/CARS')).reads).toEqual([]);
    // A text the app would read otherwise (broken encoding) is left to the app.
    expect(await hints('/search?q=%E6%A8')).toEqual({ reads: [], pictures: [] });
  });

  it("never writes a search page's text into the page but URI-encoded", async () => {
    const html = (
      await request(t.url)
        .get(`/search?q=${encodeURIComponent('"><script>alert(1)</script>')}`)
        .expect(200)
    ).text;
    expect(html).not.toMatch(/<script>alert|"><script/);
    expect(html).toContain('/api/products?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E&amp;sort=relevance');
  });

  it('hints only pictures of its own, by a plain path', async () => {
    const [{ slug }] = (await t.sql(`SELECT slug FROM product WHERE status = 'PUBLISHED' ORDER BY slug LIMIT 1`)) as { slug: string }[];
    for (const url of ['https://elsewhere.example/a.jpg', '//elsewhere.example/a.jpg', '/uploads/a.jpg"><script>alert(1)</script>']) {
      await t.sql(`UPDATE product SET images = jsonb_build_array($2::text) WHERE slug = $1`, [slug, url]);
      const page = await request(t.url).get(`/products/${slug}`).expect(200);
      expect(page.text).not.toContain('as="image"');
      expect(page.text).not.toContain('elsewhere');
      expect(page.text).not.toContain('alert');
    }
  });

  it('hints no read whose path parameter is not a plain value, and never writes the path into the page', async () => {
    for (const path of ['/products/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E', "/products/a'b", '/products/%E6%A8%B1%E6%A1%83']) {
      const page = await request(t.url).get(path).expect(200);
      expect(page.text).not.toContain('rel="preload"');
      expect(page.text).not.toMatch(/script>alert|a'b/);
    }
  });

  it("lets the page's own inline script run by its hash, and no other inline script", async () => {
    for (const path of ['/', '/search?q=yingtao', '/no-such-page', '/api/health']) {
      const answer = await request(t.url).get(path);
      const scripts = /script-src ([^;]+)/.exec(answer.headers['content-security-policy'] as string)?.[1].split(' ');
      const hash = `'sha256-${createHash('sha256').update(inline).digest('base64')}'`;
      expect(scripts).toEqual(["'self'", hash]);
    }
    // The script is served exactly as hashed: a browser hashes what it gets.
    expect((await request(t.url).get('/').expect(200)).text).toContain(`<script>${inline}</script>`);
  });

  it('answers 404 for a page the app does not have, with the app page that says so', async () => {
    for (const path of ['/no-such-page', '/products', '/products/a/b', '/coop/products']) {
      const page = await request(t.url).get(path).expect(404);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toContain('/assets/index-AbC123.js');
    }
  });
});
