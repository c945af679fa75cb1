// First load of the shop's main pages in Chromium on a phone viewport: bytes over the wire
// (compressed, as sent) and first contentful paint, each page in a fresh profile (nothing cached).
//
//   QH_URL   the running app (default http://localhost:3000)
//   npm start in one terminal, then: node test/load/first-load.mjs
// /gov is measured as the officials open it: signed in (official@demo.cn, the development demo account),
// so the dashboard and its figures load, not the login page.
import { chromium } from 'playwright-core';

const base = process.env.QH_URL ?? 'http://localhost:3000';
const pages = [
  ['home', '/', null],
  ['product', null, null],
  ['/gov', '/gov', 'official@demo.cn'],
];

async function firstProductPath() {
  const response = await fetch(`${base}/api/products?limit=1`);
  const { items } = await response.json();
  return `/products/${items[0].slug}`;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const rows = [];
for (const [name, given, account] of pages) {
  const path = given ?? (await firstProductPath());
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  // Signed in through the API: the refresh cookie is all the page needs; nothing of the shop is cached by it.
  if (account) await context.request.post(`${base}/api/auth/login`, { data: { email: account, password: 'demo-pass-2026' } });
  const page = await context.newPage();
  const transfers = [];
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => null);
    if (sizes) transfers.push({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize });
  });
  await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  if (new URL(page.url()).pathname !== path) throw new Error(`${path} ended on ${page.url()}: is the demo data there?`);
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
  const total = transfers.reduce((sum, t) => sum + t.bytes, 0);
  const scripts = transfers.filter((t) => /\.(js|css)(\?|$)/.test(t.url)).reduce((sum, t) => sum + t.bytes, 0);
  rows.push({
    page: name,
    path,
    requests: transfers.length,
    kB: (total / 1024).toFixed(1),
    'js+css kB': (scripts / 1024).toFixed(1),
    'FCP ms': fcp?.toFixed(0),
  });
  await context.close();
}
await browser.close();
console.table(rows);
