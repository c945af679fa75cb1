import { chinaDay, formatFen, progressBp } from '@qh/domain';
import type { Page } from 'playwright-core';
import { ApiActor, catalog, placeOrgOrder, shipPartOf } from './support/api';
import { accessibilityProblems, baseUrl, Browser, openBrowser, sidewaysOverflowPx, withScreenshotOnFailure } from './support/browser';
import { ShopPages } from './support/pages';

interface LeagueRow {
  organisationId: string;
  plan: { targetFen?: number | null } | null;
  achievedFen: number;
  progressBp?: number | null;
}
interface LeagueTable {
  year: number;
  items: LeagueRow[];
}
interface OrgOrder {
  number: string;
  status: string;
  itemsFen: number;
  totalFen: number;
  createdAt: string;
}

const TIANHE = '440106';
const EGGS = 'zhangjiawan-canteen-eggs-240';

/** Basis points as the screen and the CSV show them: 1234 → 12.34. */
const percent = (bp: number) => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;
/** A yuan amount as shown (`¥1,234.50`) as the CSV writes it (`1234.50`). */
const csvYuan = (shown: string) => shown.replace('¥', '').replaceAll(',', '');

/** The officials' league table at /gov/institutions. */
class LeaguePages {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto(`${baseUrl()}/gov/institutions`);
    await this.page.getByTestId('league-table').waitFor();
  }

  /** Filters to one district and waits until the table is that district's. */
  async filterToDistrict(code: string): Promise<void> {
    await Promise.all([
      this.page.waitForResponse(
        (response) => response.url().includes('/api/impact/institutions?') && response.url().includes(`districtCode=${code}`),
      ),
      this.page.getByTestId('league-district').selectOption(code),
    ]);
    await this.page.waitForURL(new RegExp(`districtCode=${code}`));
    await this.page.locator('[data-testid="league-table"][aria-busy="false"]').waitFor();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.page.locator('[data-testid="league-table"][aria-busy="false"]').waitFor();
  }

  row(organisationId: string) {
    return this.page.locator(`[data-testid="league-row"][data-organisation-id="${organisationId}"]`);
  }

  async standing(organisationId: string): Promise<{ percent: string; achieved: string }> {
    const row = this.row(organisationId);
    return {
      percent: await row.getByTestId('league-progress').innerText(),
      achieved: await row.getByTestId('league-achieved').innerText(),
    };
  }

  async total(): Promise<Record<'target' | 'achieved' | 'linked' | 'progress', string>> {
    const cell = (name: string) => this.page.getByTestId(`league-total-${name}`).innerText();
    return {
      target: await cell('target'),
      achieved: await cell('achieved'),
      linked: await cell('linked'),
      progress: await cell('progress'),
    };
  }

  /** Downloads the table as CSV and answers its text. */
  async downloadCsv(): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('league-download').click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
}

/**
 * Reserved shares (预留份额), as an official follows them: the league table of this year's budget units
 * in 天河区 shows the demo government canteen's percentage; the canteen orders eggs on account, the egg
 * cooperative ships them and an admin records the bank transfer; only then has the canteen bought
 * them, and the official sees its achieved and percentage move by exactly the order's goods; the CSV's
 * total row says what the screen's does.
 */
describe('an official follows the budget units’ reserved shares', () => {
  let browser: Browser;
  let official: ApiActor;
  let canteen: ApiActor;
  let organisationId: string;
  let year: number;

  beforeAll(async () => {
    official = await ApiActor.signIn('official@demo.cn');
    canteen = await ApiActor.signIn('canteen@demo.cn');
    organisationId = (await canteen.call<{ id: string }>('GET', '/api/org')).id;
    // This year by the app's clock: the table answers for it when no year is named.
    year = (await official.call<LeagueTable>('GET', '/api/impact/institutions')).year;
    browser = await openBrowser({ width: 1280, height: 900 });
  });
  afterAll(() => browser.close());

  const canteenRow = async () => {
    const table = await official.call<LeagueTable>('GET', `/api/impact/institutions?year=${year}&districtCode=${TIANHE}`);
    return table.items.find((row) => row.organisationId === organisationId)!;
  };

  it('sees the canteen’s percentage move by exactly a paid order’s goods, and a CSV that adds up as the screen does', async () => {
    const { page } = browser;
    const shop = new ShopPages(page);
    const league = new LeaguePages(page);
    const before = await canteenRow();
    // The demo canteen has this year's plan: 10% of its ¥3.6 million canteen food budget.
    expect(before.plan?.targetFen).toBe(36_000_000);

    await withScreenshotOnFailure(page, 'reserved-share', async () => {
      await shop.openHome();
      await shop.logIn('official@demo.cn', 'demo-pass-2026');
      await shop.accountMenu().waitFor();
      await league.open();
      expect(await page.getByTestId('league-year').inputValue()).toBe(String(year));
      await league.filterToDistrict(TIANHE);
      expect(await league.standing(organisationId)).toEqual({
        percent: `${percent(before.progressBp!)}%`,
        achieved: formatFen(before.achievedFen),
      });
      expect(await sidewaysOverflowPx(page)).toBe(0);
      expect(await accessibilityProblems(page)).toEqual([]);
    });

    // Through the API: two cases of eggs on account (under the canteen's approval threshold), shipped, then paid by transfer.
    const eggs = await catalog<{ variants: { id: string }[] }>(`/api/products/${EGGS}`);
    const order = await placeOrgOrder<OrgOrder>(canteen, [{ variantId: eggs.variants[0].id, quantity: 2 }]);
    expect(order.status).toBe('ON_ACCOUNT');
    await shipPartOf(await ApiActor.signIn('eggs@demo.cn'), order.number);
    // Shipped but not paid: not bought yet.
    expect((await canteenRow()).achievedFen).toBe(before.achievedFen);
    const admin = await ApiActor.signIn('admin@demo.cn');
    const transfer = await admin.call<{ settledOrders: string[] }>('POST', '/api/admin/transfers', {
      organisationId,
      amountFen: order.totalFen,
      // The day the order was placed is today by the app's clock.
      receivedOn: chinaDay(new Date(order.createdAt)),
      reference: `ICBC-RS-${Date.now()}`,
      orderNumbers: [order.number],
    });
    expect(transfer.settledOrders).toEqual([order.number]);

    await withScreenshotOnFailure(page, 'reserved-share-paid', async () => {
      await league.reload();
      const achievedFen = before.achievedFen + order.itemsFen;
      expect(await league.standing(organisationId)).toEqual({
        percent: `${percent(progressBp(achievedFen, before.plan!.targetFen!)!)}%`,
        achieved: formatFen(achievedFen),
      });

      const onScreen = await league.total();
      const csv = await league.downloadCsv();
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const rows = csv
        .slice(1)
        .trim()
        .split('\r\n')
        .map((line) => line.split(','));
      const total = rows[rows.length - 1];
      // By the column's title, not its place: a new column must not shift what is compared.
      const column = (title: string) => total[rows[0].findIndex((cell) => cell.startsWith(title))];
      expect(total[0]).toBe('合计');
      expect([column('预留目标'), column('已采购'), column('其中认证产品'), column('完成率')]).toEqual([
        csvYuan(onScreen.target),
        csvYuan(onScreen.achieved),
        csvYuan(onScreen.linked),
        onScreen.progress.replace('%', ''),
      ]);
    });
  });
});
