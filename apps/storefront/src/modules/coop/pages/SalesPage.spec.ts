import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const figures = { gmvFen: 1_234_500, linkedSalesFen: 1_000_000, poolFen: 80_000, households: 12, people: 45, orders: 30, buyers: 21 };

describe('a cooperative’s sales page', () => {
  it('shows its own figures and a row per month, newest first', async () => {
    fakeSessionApi(userWithRole('cooperative'), {
      'GET /api/coop/cooperative': () =>
        jsonResponse(200, { id: 'coop-1', nameZh: '厍东关樱桃合作社', nameEn: 'x', status: 'VERIFIED', suspendedReason: null }),
      'GET /api/coop/sales': () =>
        jsonResponse(200, {
          summary: figures,
          months: [
            { key: '2026-10', nameZh: '2026-10', nameEn: '2026-10', ...figures },
            { key: '2026-11', nameZh: '2026-11', nameEn: '2026-11', ...figures },
          ],
        }),
    });
    ({ wrapper } = await mountApp({ path: '/coop/sales' }));
    await settle();

    expect(wrapper!.get('[data-testid="coop-sales-linkedSalesFen"] dd').text()).toBe('¥10,000.00');
    expect(wrapper!.get('[data-testid="coop-sales-households"] dd').text()).toBe('12');
    expect(wrapper!.findAll('[data-testid="coop-sales-months"] tbody th').map((th) => th.text())).toEqual(['2026-11', '2026-10']);
  });
});
