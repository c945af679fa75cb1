import type { VueWrapper } from '@vue/test-utils';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeSessionApi, jsonResponse, mountApp } from '../testing/app';
import { cartOf } from '../testing/orders';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('navigation progress', () => {
  it('shows a bar while a slow navigation waits, and none for a fast one', async () => {
    fakeSessionApi(null, { 'GET /api/cart': () => jsonResponse(200, cartOf([])) });
    ({ wrapper } = await mountApp({ path: '/' }));
    const router = wrapper.vm.$router;
    const bar = () => wrapper!.find('[data-testid="navigation-progress"]');

    await router.push('/search');
    await flushPromises();
    expect(bar().exists()).toBe(false);

    // A page whose code takes a while to arrive, as on a slow connection.
    let arrive: () => void = () => undefined;
    const removeGuard = router.beforeEach(() => new Promise<void>((resolve) => (arrive = resolve)));
    const navigation = router.push('/cart');
    await sleep(200);
    expect(bar().exists()).toBe(true);
    expect(bar().attributes('aria-label')).toBe('正在加载…');
    arrive();
    await navigation;
    await flushPromises();
    expect(bar().exists()).toBe(false);
    removeGuard();
  });
});
