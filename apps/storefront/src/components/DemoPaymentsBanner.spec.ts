import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { fakeSessionApi, jsonResponse, mountApp, settle } from '../testing/app';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

describe('DemoPaymentsBanner', () => {
  it('tells every visitor that payments are a demonstration while the demo provider is on', async () => {
    fakeSessionApi(null, {
      'GET /api/payments/provider': () => jsonResponse(200, { provider: 'demo', demo: true, publishableKey: null }),
    });
    ({ wrapper } = await mountApp({ path: '/cart' }));
    await settle();
    const banner = wrapper.get('[data-testid="demo-payments-banner"]');
    expect(banner.text()).toBe('演示模式：本站的支付只是演示，不会收取任何真实款项。');
    expect(banner.attributes('role')).toBe('note');
  });

  it('shows nothing with real payments', async () => {
    fakeSessionApi(null, {
      'GET /api/payments/provider': () => jsonResponse(200, { provider: 'stripe', demo: false, publishableKey: 'pk_test_x' }),
    });
    ({ wrapper } = await mountApp());
    await settle();
    expect(wrapper.find('[data-testid="demo-payments-banner"]').exists()).toBe(false);
  });
});
