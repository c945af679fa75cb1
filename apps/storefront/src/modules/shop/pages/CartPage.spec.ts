import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { cartLine, cartOf, cooperatives } from '../../../testing/orders';
import type { SessionUser } from '../../../stores/session';
import type { Cart } from '../orders';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const tea = cartLine({
  id: 'line-2',
  variantId: 'v-tea',
  productSlug: 'baihuaping-tea',
  titleZh: '百花坪高山绿茶',
  titleEn: 'Baihuaping high-mountain green tea',
  labelZh: '250 g',
  labelEn: '250 g',
  cooperative: cooperatives.tea,
  unitPriceFen: 12800,
  quantity: 1,
});

async function openCart(cart: Cart, user: SessionUser | null = userWithRole('buyer'), routes = {}) {
  const server = fakeSessionApi(user, { 'GET /api/cart': () => jsonResponse(200, cart), ...routes });
  ({ wrapper } = await mountApp({ path: '/cart' }));
  await settle();
  return { app: wrapper, server };
}

const lines = (app: VueWrapper) => app.findAll('[data-testid="cart-line"]');

describe('cart page', () => {
  it('groups the lines by cooperative and shows the items total', async () => {
    const { app } = await openCart(cartOf([cartLine(), tea]));

    expect(app.findAll('h1')).toHaveLength(1);
    expect(app.findAll('[data-testid="cart-group"] h2').map((h2) => h2.text())).toEqual(['厍东关樱桃合作社', '百花坪茶叶合作社']);
    expect(lines(app).map((line) => line.attributes('data-id'))).toEqual(['line-1', 'line-2']);
    expect(lines(app)[0]!.get('[data-testid="cart-line-total"]').text()).toBe('¥396.00');
    expect(app.get('[data-testid="cart-total"]').text()).toBe('¥524.00');
    expect(app.get('[data-testid="cart-link"]').attributes('aria-label')).toBe('购物车，3 件商品');
  });

  it('says in words what is wrong with a line, leaves it out of the total and holds back checkout', async () => {
    const { app } = await openCart(
      cartOf([cartLine({ problem: 'NOT_ENOUGH_STOCK', stockStatus: 'LOW' }), { ...tea, problem: 'UNAVAILABLE' }]),
    );

    expect(lines(app).map((line) => line.get('[data-testid="cart-line-problem"]').text())).toEqual([
      '库存不足，请减少数量。',
      '已下架，无法购买。',
    ]);
    const quantity = lines(app)[0]!.get('[data-testid="cart-quantity"]');
    expect(quantity.attributes('aria-describedby')).toBe('cart-problem-line-1');
    expect(app.get('[data-testid="cart-total"]').text()).toBe('¥0.00');
    const checkout = app.get('[data-testid="cart-checkout"]');
    expect(checkout.attributes('disabled')).toBeDefined();
    expect(checkout.attributes('aria-describedby')).toBe('cart-problems-note');
  });

  it('never lets a line that cannot be bought block the rest: it is left unticked, the others check out (勾选结算)', async () => {
    const { app } = await openCart(cartOf([cartLine({ problem: 'UNAVAILABLE' }), tea]));

    const boxes = app.findAll('[data-testid="cart-line-choose"]');
    expect(boxes.map((box) => [(box.element as HTMLInputElement).checked, box.attributes('disabled') !== undefined])).toEqual([
      [false, true],
      [true, false],
    ]);
    expect(boxes[1]!.attributes('aria-label')).toBe('结算 百花坪高山绿茶');
    expect(app.get('[data-testid="cart-total"]').text()).toBe('¥128.00');
    expect(app.get('[data-testid="cart-problems-note"]').text()).toBe('标红的商品暂时买不了，不会结算；其余商品可以照常结算。');
    expect(app.get('[data-testid="cart-checkout"]').attributes('disabled')).toBeUndefined();

    // Unticking the last choosable line leaves nothing to check out; 全选 ticks it again.
    await boxes[1]!.setValue(false);
    expect(app.get('[data-testid="cart-total"]').text()).toBe('¥0.00');
    expect(app.get('[data-testid="cart-checkout"]').attributes('disabled')).toBeDefined();
    await app.get('[data-testid="cart-choose-all"]').setValue(true);
    expect(app.get('[data-testid="cart-total"]').text()).toBe('¥128.00');
  });

  it('asks for the cart once when the page opens, though the header shows it too', async () => {
    const { server } = await openCart(cartOf([tea]), null);
    expect(server.callsTo('GET', '/api/cart')).toHaveLength(1);
  });

  it('changes a quantity with the stepper and shows the new total', async () => {
    const { app, server } = await openCart(cartOf([cartLine()]), userWithRole('buyer'), {
      'PATCH /api/cart/lines/line-1': () => jsonResponse(200, cartOf([cartLine({ quantity: 3 })])),
    });

    await lines(app)[0]!.get('[data-testid="cart-increase"]').trigger('click');
    await settle();

    expect(await server.callsTo('PATCH', '/api/cart/lines/line-1')[0]!.json()).toEqual({ quantity: 3 });
    expect((lines(app)[0]!.get('[data-testid="cart-quantity"]').element as HTMLInputElement).value).toBe('3');
    expect(app.get('[data-testid="cart-total"]').text()).toBe('¥594.00');
  });

  it('keeps a typed quantity between 1 and the most a line may hold', async () => {
    const { app, server } = await openCart(cartOf([cartLine()]), userWithRole('buyer'), {
      'PATCH /api/cart/lines/line-1': () => jsonResponse(200, cartOf([cartLine({ quantity: 99 })])),
    });

    await lines(app)[0]!.get('[data-testid="cart-quantity"]').setValue('500');
    await settle();

    expect(await server.callsTo('PATCH', '/api/cart/lines/line-1')[0]!.json()).toEqual({ quantity: 99 });
    expect(lines(app)[0]!.get('[data-testid="cart-increase"]').attributes('disabled')).toBeDefined();
  });

  it('removes a line, and says the cart is empty when nothing is left', async () => {
    const { app } = await openCart(cartOf([cartLine()]), userWithRole('buyer'), {
      'DELETE /api/cart/lines/line-1': () => jsonResponse(200, cartOf([])),
    });

    await lines(app)[0]!.get('[data-testid="cart-remove"]').trigger('click');
    await settle();

    expect(lines(app)).toHaveLength(0);
    expect(app.get('[data-testid="cart-empty"]').text()).toContain('购物车还是空的。');
    expect(app.find('[data-testid="cart-count"]').exists()).toBe(false);
  });

  it('sends a guest to log in, and back to the cart afterwards', async () => {
    const { app } = await openCart(cartOf([cartLine()]), null);

    const checkout = app.get('[data-testid="cart-checkout"]');
    expect(checkout.text()).toBe('登录后结算');
    await checkout.trigger('click');
    await settle();

    expect(app.vm.$route.fullPath).toBe('/login?redirect=/cart');
  });

  it('takes a buyer to checkout', async () => {
    const { app } = await openCart(cartOf([cartLine()]));

    await app.get('[data-testid="cart-checkout"]').trigger('click');
    await settle();

    expect(app.vm.$route.name).toBe('checkout');
  });

  it('tells a staff account it has no cart', async () => {
    const { app, server } = await openCart(cartOf([]), userWithRole('official'), {
      'GET /api/cart': () => errorResponse(403, 'FORBIDDEN'),
    });

    expect(app.get('[data-testid="cart-forbidden"]').text()).toBe('工作人员账户没有购物车。请使用买家账户购物。');
    expect(server.callsTo('GET', '/api/cart')).toHaveLength(0);
  });
});
