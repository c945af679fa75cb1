// `npm run bench:storefront`: the storefront's first load in Chromium under Lighthouse's mobile
// profile (a Moto G Power's screen, 4× CPU slowdown, slow 4G as DevTools throttles it), each load
// in a fresh context with the cache off: home, search, a category, a product page, a lot's page (a
// box label's QR code) and the officials' dashboard (signed in). Prints bytes transferred by type
// (compressed, as sent), first and largest contentful paint, API requests, and the budgets beside
// them: LCP under 2.5 s on home and product pages, the home page's JS and CSS under 200 KB, the
// dashboard's chart code loaded on the dashboard only. Never fails on a missed budget, only when
// something is broken (a page that does not load, ends on another path, paints nothing, or gets a 5xx).
//
//   BENCH_RUNS           loads of each page; the median is reported (default 3)
//   BENCH_SKIP_BUILD=1   use the existing builds as they are
//   BENCH_TRACE=1        print each load's LCP element and when each of its requests started and ended
//   CHROMIUM_PATH        Chromium (default /usr/bin/chromium)
//   DATABASE_URL         run against a fresh database on this server instead of an embedded cluster
import argon2 from 'argon2';
import { chromium } from 'playwright-core';
import {
  buildUnlessSkipped,
  connect,
  disconnect,
  finish,
  print,
  printMachine,
  runBench,
  settingsOf,
  startApi,
  table,
} from './bench-support.mjs';
import { CHEAP_HASH } from './checkout-data.mjs';

const setting = settingsOf('bench:storefront');
const RUNS = setting('BENCH_RUNS', 3, 1);
const TRACE = setting('BENCH_TRACE', 0, 0) > 0;

/**
 * Lighthouse's mobile profile with DevTools throttling (lighthouse-core/config/constants.js,
 * mobileSlow4G and its "devtools" adjustment): 150 ms RTT × 3.75 request latency, 1.6 Mbps × 0.9
 * down, 750 kbps × 0.9 up, and the CPU four times slower.
 */
const NETWORK = { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const DEVICE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36',
  locale: 'zh-CN',
};
const LCP_BUDGET_MS = 2500;
const HOME_JS_CSS_BUDGET_KB = 200;
/** The dashboard's chart: a chunk of its own in the storefront's build. */
const CHART_CHUNK = /\/assets\/FiguresChart-[^/]+\.js$/;
/** How long the network stays quiet before a page counts as loaded. */
const QUIET_MS = 3000;
const OFFICIAL = { email: 'bench-official@example.cn', password: 'bench-official-password' };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kB = (bytes) => (bytes / 1024).toFixed(1);
const TYPES = ['Document', 'Script', 'Stylesheet', 'Font', 'Image', 'Fetch', 'Other'];

/** One cold load of `path` under the mobile profile: what went over the wire, the paints, the chart's chunk. */
async function loadOnce(browser, baseUrl, path, signedIn) {
  const context = await browser.newContext(DEVICE);
  try {
    if (signedIn) {
      // The refresh cookie is all the dashboard needs to restore the session; nothing of the shop is cached by it.
      const response = await context.request.post(`${baseUrl}/api/auth/login`, { data: OFFICIAL });
      if (!response.ok()) throw new Error(`the official's sign-in answered ${response.status()}`);
    }
    const page = await context.newPage();
    await page.addInitScript(() => {
      globalThis.__lcp = null;
      globalThis.__lcpElement = null;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          globalThis.__lcp = entry.startTime;
          const element = entry.element;
          globalThis.__lcpElement = element
            ? `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).trim().split(/\s+/).join('.')}` : ''}`
            : null;
        }
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const requests = new Map();
    // Playwright's "networkidle" (500 ms without requests) comes too early here: with the CPU four times
    // slower, the app runs its script for longer than that before it asks for anything.
    let inFlight = 0;
    let lastActivity = performance.now();
    cdp.on('Network.requestWillBeSent', () => {
      inFlight++;
      lastActivity = performance.now();
    });
    const settled = () => {
      inFlight = Math.max(0, inFlight - 1);
      lastActivity = performance.now();
    };
    cdp.on('Network.loadingFailed', settled);
    cdp.on('Network.responseReceived', ({ requestId, type, response }) =>
      requests.set(requestId, { type, url: response.url, status: response.status, bytes: 0 }),
    );
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      settled();
      const request = requests.get(requestId);
      if (request) request.bytes = encodedDataLength;
    });
    await page.goto(`${baseUrl}${path}`, { waitUntil: 'load', timeout: 120_000 });
    // Settled: nothing on the wire for QUIET_MS, after which the last LCP candidate has been painted.
    const deadline = performance.now() + 120_000;
    while (inFlight > 0 || performance.now() - lastActivity < QUIET_MS) {
      if (performance.now() > deadline) throw new Error(`${path} did not settle within 120 s`);
      await page.waitForTimeout(200);
    }
    const landed = new URL(page.url());
    if (`${landed.pathname}${landed.search}` !== path) throw new Error(`${path} ended on ${page.url()}`);
    const paints = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      lcp: globalThis.__lcp,
      lcpElement: globalThis.__lcpElement,
      timeline: performance
        .getEntriesByType('resource')
        .map(
          (r) =>
            `${r.startTime.toFixed(0).padStart(5)}–${r.responseEnd.toFixed(0).padStart(5)} ms ${new URL(r.name).pathname}${new URL(r.name).search}`,
        ),
    }));
    if (TRACE) print(`    ${path}: LCP ${paints.lcp?.toFixed(0)} ms on ${paints.lcpElement}\n      ${paints.timeline.join('\n      ')}`);
    if (paints.lcp === null || paints.fcp === null) throw new Error(`${path} painted nothing (FCP ${paints.fcp}, LCP ${paints.lcp})`);
    const all = [...requests.values()];
    const failed = all.filter((r) => r.status >= 500);
    if (failed.length) throw new Error(`${path}: ${failed.map((r) => `${r.status} ${r.url}`).join(', ')}`);
    const bytesByType = Object.fromEntries(TYPES.map((type) => [type, 0]));
    for (const r of all) {
      const type = r.type === 'XHR' ? 'Fetch' : TYPES.includes(r.type) ? r.type : 'Other';
      bytesByType[type] += r.bytes;
    }
    return {
      ...paints,
      bytesByType,
      total: all.reduce((sum, r) => sum + r.bytes, 0),
      requests: all.length,
      apiRequests: all.filter((r) => new URL(r.url).pathname.startsWith('/api/')).length,
      chart: all.some((r) => CHART_CHUNK.test(new URL(r.url).pathname)),
    };
  } finally {
    await context.close();
  }
}

async function main() {
  const started = Date.now();
  printMachine();
  print(
    `bench:storefront — Chromium, ${DEVICE.viewport.width}×${DEVICE.viewport.height} at ${DEVICE.deviceScaleFactor}×, CPU ${CPU_SLOWDOWN}× slower, ` +
      `${NETWORK.latency} ms latency, ${kB(NETWORK.downloadThroughput)} kB/s down; cache off; median of ${RUNS} loads per page`,
  );
  buildUnlessSkipped();
  const { baseUrl, databaseUrl } = await startApi();
  const client = await connect(databaseUrl);
  await client.query(`INSERT INTO account (email, password_hash, role, display_name) VALUES ($1, $2, 'official', '压测官员')`, [
    OFFICIAL.email,
    await argon2.hash(OFFICIAL.password, { type: argon2.argon2id, ...CHEAP_HASH }),
  ]);
  const {
    rows: [lot],
  } = await client.query(`SELECT code FROM lot ORDER BY code LIMIT 1`);
  await disconnect();
  const { items } = await (await fetch(`${baseUrl}/api/products?limit=1`)).json();
  const pages = [
    { name: 'home', path: '/' },
    { name: 'search', path: `/search?q=${encodeURIComponent('樱桃')}` },
    { name: 'category', path: '/category/TEA' },
    { name: 'product', path: `/products/${items[0].slug}` },
    // The page a box label's QR code opens.
    { name: 'lot', path: `/lot/${lot.code}` },
    { name: 'dashboard', path: '/gov', signedIn: true },
  ];

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const results = [];
  try {
    for (const page of pages) {
      const loads = [];
      for (let run = 0; run < RUNS; run++) loads.push(await loadOnce(browser, baseUrl, page.path, page.signedIn));
      const result = {
        ...page,
        fcp: median(loads.map((l) => l.fcp)),
        lcp: median(loads.map((l) => l.lcp)),
        total: median(loads.map((l) => l.total)),
        requests: median(loads.map((l) => l.requests)),
        apiRequests: median(loads.map((l) => l.apiRequests)),
        bytesByType: Object.fromEntries(TYPES.map((type) => [type, median(loads.map((l) => l.bytesByType[type]))])),
        chart: loads.some((l) => l.chart),
      };
      print(
        `  ${page.name.padEnd(10)} FCP ${result.fcp.toFixed(0)} ms  LCP ${result.lcp.toFixed(0)} ms  ${kB(result.total)} kB in ${result.requests} requests`,
      );
      results.push(result);
    }
  } finally {
    await browser.close();
  }

  print();
  const header = ['page', 'FCP ms', 'LCP ms', ...TYPES.map((type) => `${type} kB`), 'total kB', 'requests', 'API requests', 'chart code'];
  for (const line of table(
    header,
    results.map((r) => [
      `${r.name} ${r.path}`,
      r.fcp.toFixed(0),
      r.lcp.toFixed(0),
      ...TYPES.map((type) => kB(r.bytesByType[type])),
      kB(r.total),
      String(r.requests),
      String(r.apiRequests),
      r.chart ? 'loaded' : '–',
    ]),
  ))
    print(line);
  print();

  const budgets = [];
  for (const r of results.filter((r) => r.name === 'home' || r.name === 'product')) {
    budgets.push([
      `${r.name}: LCP`,
      `${r.lcp.toFixed(0)} ms`,
      `${LCP_BUDGET_MS} ms`,
      `${((r.lcp / LCP_BUDGET_MS) * 100).toFixed(0)}%`,
      r.lcp < LCP_BUDGET_MS,
    ]);
  }
  const home = results.find((r) => r.name === 'home');
  const homeJsCss = (home.bytesByType.Script + home.bytesByType.Stylesheet) / 1024;
  budgets.push([
    'home: JS + CSS',
    `${homeJsCss.toFixed(1)} kB`,
    `${HOME_JS_CSS_BUDGET_KB} kB`,
    `${((homeJsCss / HOME_JS_CSS_BUDGET_KB) * 100).toFixed(0)}%`,
    homeJsCss < HOME_JS_CSS_BUDGET_KB,
  ]);
  const chartElsewhere = results.filter((r) => r.name !== 'dashboard' && r.chart).map((r) => r.name);
  const chartOnDashboard = results.find((r) => r.name === 'dashboard').chart;
  budgets.push([
    'chart code on the dashboard only',
    chartElsewhere.length ? `also on ${chartElsewhere.join(', ')}` : chartOnDashboard ? 'dashboard only' : 'nowhere',
    'dashboard only',
    '–',
    !chartElsewhere.length && chartOnDashboard,
  ]);
  print('budgets (the ceiling of this bench):');
  for (const line of table(
    ['budget', 'measured', 'budget', 'ratio', 'target'],
    budgets.map(([name, measured, budget, ratio, met]) => [name, measured, budget, ratio, met ? 'MET' : 'NOT MET']),
  ))
    print(line);
  return finish(started, []);
}

await runBench('bench:storefront', main);
