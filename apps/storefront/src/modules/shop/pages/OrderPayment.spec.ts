import type { VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { order } from '../../../testing/orders';
import type { Order } from '../orders';

/*
 * Stripe.js comes from js.stripe.com and cannot load here (no internet, and it must not be bundled).
 * These tests put a small stand-in in its place to check what this page does with each of its
 * answers; the real Payment Element is not exercised by any test in this repository.
 */
const stripeJs = vi.hoisted(() => ({
  loadStripe: vi.fn(),
  confirmPayment: vi.fn(),
  mounted: [] as string[],
}));
vi.mock('@stripe/stripe-js', () => ({ loadStripe: stripeJs.loadStripe }));

function fakeStripe() {
  return {
    elements: (options: { clientSecret: string }) => ({
      create: () => ({ mount: () => stripeJs.mounted.push(options.clientSecret), destroy: () => undefined }),
      getElement: () => null,
    }),
    confirmPayment: stripeJs.confirmPayment,
  };
}

let wrapper: VueWrapper | undefined;
beforeEach(() => {
  stripeJs.loadStripe.mockReset();
  stripeJs.confirmPayment.mockReset();
  stripeJs.mounted.length = 0;
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const NUMBER = 'QH20261129-000123';
const stripeOrder = (overrides: Partial<Order> = {}) =>
  order({
    payment: {
      provider: 'stripe',
      reference: 'pi_1',
      status: 'PENDING',
      failure: null,
      clientSecret: 'pi_1_secret_x',
      publishableKey: 'pk_test_1',
    },
    ...overrides,
  });

async function open(shown: () => Order, path = `/orders/${NUMBER}`) {
  const server = fakeSessionApi(userWithRole('buyer'), {
    'GET /api/cart': () => jsonResponse(200, { lines: [], itemsFen: 0, maxLineQuantity: 99 }),
    [`GET /api/orders/${NUMBER}`]: () => jsonResponse(200, shown()),
  });
  ({ wrapper } = await mountApp({ path }));
  await settle();
  return { app: wrapper, server };
}

const find = (app: VueWrapper, testid: string) => app.find(`[data-testid="${testid}"]`);

describe('order page with Stripe', () => {
  it('mounts the Payment Element with the order’s client secret instead of the demo buttons', async () => {
    stripeJs.loadStripe.mockResolvedValue(fakeStripe());
    const { app } = await open(() => stripeOrder());

    expect(stripeJs.loadStripe).toHaveBeenCalledWith('pk_test_1', { locale: 'zh' });
    expect(stripeJs.mounted).toEqual(['pi_1_secret_x']);
    expect(find(app, 'stripe-pay').text()).toBe('支付 ¥559.00');
    expect(find(app, 'pay-demo').exists()).toBe(false);
  });

  it('after paying, waits for the webhook and shows the paid order', async () => {
    stripeJs.loadStripe.mockResolvedValue(fakeStripe());
    stripeJs.confirmPayment.mockResolvedValue({ paymentIntent: { status: 'succeeded' } });
    let current = stripeOrder();
    const { app, server } = await open(() => current);

    await find(app, 'stripe-pay').trigger('click');
    await settle();
    expect(stripeJs.confirmPayment).toHaveBeenCalledWith(
      expect.objectContaining({ confirmParams: { return_url: `http://localhost:3000/orders/${NUMBER}` }, redirect: 'if_required' }),
    );
    expect(find(app, 'payment-confirming').text()).toBe('正在确认付款，请稍候…');

    current = order({ status: 'PAID', payment: { ...stripeOrder().payment!, status: 'SUCCEEDED', clientSecret: null } });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await settle();
    expect(server.callsTo('GET', `/api/orders/${NUMBER}`).length).toBeGreaterThanOrEqual(2);
    expect(find(app, 'order-status').text()).toBe('已付款');
    expect(find(app, 'order-payment').exists()).toBe(false);
  });

  it('shows Stripe’s words when a payment is declined and offers to try again', async () => {
    stripeJs.loadStripe.mockResolvedValue(fakeStripe());
    stripeJs.confirmPayment.mockResolvedValue({ error: { message: 'Your card was declined.' } });
    const { app } = await open(() => stripeOrder());

    await find(app, 'stripe-pay').trigger('click');
    await settle();

    expect(find(app, 'stripe-failed').text()).toBe('付款没有成功，没有扣款，可以再试一次。 Your card was declined.');
    expect(find(app, 'stripe-pay').text()).toBe('重新支付 ¥559.00');
    expect(find(app, 'payment-confirming').exists()).toBe(false);
  });

  it('says so when Stripe.js cannot load, and retries on request', async () => {
    stripeJs.loadStripe.mockRejectedValueOnce(new Error('Failed to load Stripe.js')).mockResolvedValueOnce(fakeStripe());
    const { app } = await open(() => stripeOrder());

    expect(find(app, 'stripe-unavailable').text()).toContain('支付组件没能加载');
    expect(find(app, 'stripe-pay').exists()).toBe(false);
    await find(app, 'stripe-unavailable').get('button').trigger('click');
    await settle();
    expect(find(app, 'stripe-pay').exists()).toBe(true);
  });

  it('coming back from Alipay or WeChat Pay with a failure, says it did not go through', async () => {
    stripeJs.loadStripe.mockResolvedValue(fakeStripe());
    const { app } = await open(
      () => stripeOrder({ payment: { ...stripeOrder().payment!, status: 'FAILED', failure: 'The payment was not authorised.' } }),
      `/orders/${NUMBER}?payment_intent=pi_1&redirect_status=failed`,
    );

    expect(find(app, 'payment-failed').text()).toBe('付款没有成功，没有扣款，可以再试一次。 The payment was not authorised.');
    expect(find(app, 'stripe-pay').exists()).toBe(true);
  });

  it('lists refunds with their state and says why an order was cancelled', async () => {
    const refunded = order({
      status: 'CANCELLED',
      cancelReason: 'RESERVATION_EXPIRED',
      refunds: [
        {
          id: 'r1',
          kind: 'LATE_PAYMENT',
          status: 'PENDING',
          amountFen: 55900,
          shippingFen: 0,
          reason: 'Paid after the order had expired',
          createdAt: '2026-11-29T03:00:00Z',
          confirmedAt: null,
          lines: [],
        },
      ],
    });
    const { app } = await open(() => refunded);

    expect(find(app, 'order-cancel-reason').text()).toBe('超时未付款，订单已自动取消，库存已释放。');
    const refund = find(app, 'order-refund');
    expect(refund.text()).toContain('订单过期后到账，全额退回 · 退款处理中');
    expect(find(app, 'order-refund-amount').text()).toBe('¥559.00');
  });
});
