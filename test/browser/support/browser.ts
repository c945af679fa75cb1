import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { holdsFullIdNumber } from '../../support/id-numbers';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RESULTS_DIR = join(__dirname, '../../../test-results');

export function baseUrl(): string {
  const url = process.env.QH_BROWSER_BASE_URL;
  if (!url) throw new Error('QH_BROWSER_BASE_URL is not set: run through test/browser/jest.config.js');
  return url;
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A fresh Chromium profile per journey; a phone-sized viewport unless told otherwise. */
export async function openBrowser(viewport = { width: 390, height: 844 }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'qh-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    locale: 'zh-CN',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Everything the app sends the browser is scanned for full resident ID numbers, as in the API suites.
  const scans: Promise<void>[] = [];
  const sentIdNumbers: string[] = [];
  context.on('response', (response) => {
    if (!response.url().startsWith(baseUrl())) return;
    scans.push(
      response.body().then(
        (body) => {
          if (holdsFullIdNumber(body.toString('utf8')))
            sentIdNumbers.push(`${response.request().method()} ${new URL(response.url()).pathname}`);
        },
        () => undefined, // a redirect or an aborted request has no body
      ),
    );
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await Promise.all(scans);
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (sentIdNumbers.length) throw new Error(`Full resident ID numbers were sent by: ${[...new Set(sentIdNumbers)].join(', ')}`);
    },
  };
}

/** Runs a journey and keeps a screenshot of the page when it fails. */
export async function withScreenshotOnFailure(page: Page, name: string, journey: () => Promise<void>): Promise<void> {
  try {
    await journey();
  } catch (error) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`), fullPage: true }).catch(() => undefined);
    throw error;
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical findings on the current page. */
export async function accessibilityProblems(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the app's CSP (rightly) refuses an injected inline script.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }).axe.run(
      document,
    );
    return result.violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** How far the page reaches beyond the viewport sideways, in CSS px: more than 0 means the visitor scrolls sideways. */
export function sidewaysOverflowPx(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
