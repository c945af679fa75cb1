import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppLocale } from '../../../i18n';
import { errorResponse, fakeApi, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { cooperativePage, productDetail, variant } from '../../../testing/catalog';
import { cartLine, cartOf } from '../../../testing/orders';
import type { ProductDetail } from '../catalog';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

async function openProduct(product: ProductDetail, locale: AppLocale = 'zh-CN') {
  const server = fakeSessionApi(null, { [`GET /api/products/${product.slug}`]: () => jsonResponse(200, product) });
  ({ wrapper } = await mountApp({ path: `/products/${product.slug}`, locale }));
  return { app: wrapper, server };
}

const options = (app: VueWrapper) => app.findAll('[data-testid="variant-option"]');
const text = (app: VueWrapper, testid: string) => app.get(`[data-testid="${testid}"]`).text();
/** The separate pieces of text the buyer reads in an element (laid out apart on screen). */
const pieces = (element: ReturnType<VueWrapper['get']>) =>
  element
    .findAll('span, dt, dd')
    .filter((piece) => piece.element.children.length === 0)
    .map((piece) => piece.text());

describe('product page', () => {
  it('shows the title, category, cooperative and origin', async () => {
    const { app } = await openProduct(productDetail());

    expect(app.findAll('h1')).toHaveLength(1);
    expect(text(app, 'product-title')).toBe('厍东关玛瑙红樱桃礼盒');
    expect(app.get('main a[href="/category/CHERRY"]').text()).toBe('玛瑙红樱桃');
    const cooperative = app.get('[data-testid="product-cooperative"]');
    expect(cooperative.text()).toBe('厍东关樱桃合作社');
    expect(cooperative.attributes('href')).toBe('/cooperatives/coop-1');
    expect(app.get('main').text()).toContain('产地 厍东关乡');
  });

  it('lists each variant with its label, price, weight and stock in words', async () => {
    const { app } = await openProduct(productDetail());

    expect(options(app).map(pieces)).toEqual([
      ['2.5 kg 礼盒', '¥198.00', '含包装 3.3 kg', '有货'],
      ['5 kg 礼盒', '¥368.00', '含包装 6.2 kg', '仅剩少量'],
      ['10 kg 家庭装', '¥698.00', '含包装 11.5 kg', '已售罄'],
    ]);
    expect(app.get('fieldset legend').text()).toBe('选择规格');
  });

  it('starts on the first variant that can be bought and shows its price', async () => {
    const soldOutFirst = productDetail({
      variants: [
        variant({ id: 'v-gone', labelZh: '1 kg', priceFen: 9900, stockStatus: 'SOLD_OUT' }),
        variant({ id: 'v-left', labelZh: '2 kg', priceFen: 16800, stockStatus: 'LOW' }),
      ],
    });
    const { app } = await openProduct(soldOutFirst);

    expect(options(app).map((option) => option.get('input').element.checked)).toEqual([false, true]);
    expect(text(app, 'product-price')).toBe('¥168.00');
  });

  it('shows the price of the variant the buyer picks', async () => {
    const { app } = await openProduct(productDetail());
    expect(text(app, 'product-price')).toBe('¥198.00');

    await options(app)[1]!.get('input').setValue(true);

    expect(text(app, 'product-price')).toBe('¥368.00');
    expect(options(app)[1]!.classes()).toContain('variant--chosen');
  });

  it('does not let a sold-out variant be picked', async () => {
    const { app } = await openProduct(productDetail());

    const soldOut = options(app)[2]!.get('input');
    expect(soldOut.attributes('disabled')).toBeDefined();
    expect(options(app)[0]!.get('input').attributes('disabled')).toBeUndefined();
  });

  it('says so when every variant is sold out, and shows the price range', async () => {
    const { app } = await openProduct(
      productDetail({
        minPriceFen: 9900,
        maxPriceFen: 16800,
        variants: [
          variant({ id: 'a', priceFen: 9900, stockStatus: 'SOLD_OUT' }),
          variant({ id: 'b', priceFen: 16800, stockStatus: 'SOLD_OUT' }),
        ],
      }),
    );

    expect(text(app, 'product-price')).toBe('¥99.00–¥168.00');
    expect(text(app, 'product-sold-out')).toBe('所有规格都已售罄。');
    expect(app.find('[data-testid="add-to-cart"]').exists()).toBe(false);
  });

  it('shows the certificate: number, issuer and expiry', async () => {
    const { app } = await openProduct(productDetail());

    const badge = app.get('[data-testid="certified-badge"]');
    expect(badge.get('p').text()).toContain('消费帮扶产品');
    expect(pieces(badge.get('dl'))).toEqual(['认定编号', 'GZ-FP-2026-0042', '认定机构', '贵州省农业农村厅', '有效期至', '2027年6月30日']);
  });

  it('says when the certificate expired, instead of showing the badge', async () => {
    const certification = { number: 'GZ-FP-2025-0007', issuer: '贵州省农业农村厅', batch: null, validUntil: '2026-01-31', valid: false };
    const { app } = await openProduct(productDetail({ certified: false, certification }));

    expect(text(app, 'certificate-expired')).toBe('消费帮扶产品认定已于 2026年1月31日 过期。');
    expect(app.find('[data-testid="certified-badge"]').exists()).toBe(false);
  });

  it('says when the certificate expired in English', async () => {
    const certification = { number: 'GZ-FP-2025-0007', issuer: '贵州省农业农村厅', batch: null, validUntil: '2026-01-31', valid: false };
    const { app } = await openProduct(productDetail({ certified: false, certification }), 'en');

    expect(text(app, 'certificate-expired')).toBe('Certificate expired on January 31, 2026.');
  });

  it('shows no certificate for a product that is not certified', async () => {
    const { app } = await openProduct(productDetail({ certified: false, certification: null }));
    expect(app.find('[data-testid="certified-badge"]').exists()).toBe(false);
    expect(app.find('[data-testid="certificate-expired"]').exists()).toBe(false);
  });

  it('shows how many households the cooperative is linked to, by mechanism', async () => {
    const { app } = await openProduct(productDetail());

    const linked = app.get('[data-testid="linked-households"]');
    expect(linked.text()).toContain('合作社利益联结 20 户');
    expect(linked.findAll('li').map((li) => li.text())).toEqual(['入股分红 8 户', '订单收购 12 户']);
  });

  it('says "fewer than 5" where the API withholds a count of 1 to 4 households', async () => {
    const linkedHouseholds = {
      households: null,
      byMechanism: [
        { mechanism: 'EQUITY_DIVIDEND' as const, households: null },
        { mechanism: 'CONTRACT_PURCHASE' as const, households: 0 },
        { mechanism: 'EMPLOYMENT' as const, households: 0 },
        { mechanism: 'LAND_LEASE' as const, households: 0 },
      ],
    };
    const { app } = await openProduct(productDetail({ linkedHouseholds }));

    const linked = app.get('[data-testid="linked-households"]');
    expect(linked.text()).toContain('合作社利益联结不足 5 户');
    expect(linked.findAll('li').map((li) => li.text())).toEqual(['入股分红 不足 5 户']);
    expect(linked.text()).not.toMatch(/[1-4] 户/);
  });

  it('shows shipping, shelf life, pre-sale date and description', async () => {
    const season = { inSeason: true, presale: true, presaleShipsOn: '2026-04-05', saleStartsAt: null, saleEndsAt: null };
    const { app } = await openProduct(productDetail({ season }));

    expect(text(app, 'product-shipping')).toBe('冷藏配送');
    expect(text(app, 'product-shelf-life')).toBe('7 天');
    expect(text(app, 'product-presale')).toContain('2026年4月5日 起发货');
    expect(app.get('main').text()).toContain('当天采摘的玛瑙红樱桃，冷链次日达广州。');
  });

  it('out of season, says when orders open instead of offering the cart', async () => {
    // Cherries whose next window opens on 1 April 2099 (China time): not on sale now, whatever today is.
    const season = {
      inSeason: false,
      presale: false,
      presaleShipsOn: null,
      saleStartsAt: '2099-03-31T16:00:00.000Z',
      saleEndsAt: '2099-06-01T00:00:00.000Z',
    };
    const { app } = await openProduct(productDetail({ season }));

    expect(text(app, 'product-off-season')).toBe('即将开售：2099年4月1日 开始接受订购。');
    expect(app.find('[data-testid="add-to-cart"]').exists()).toBe(false);
    expect(app.find('[data-testid="product-sold-out"]').exists()).toBe(false);
  });

  it('offers a buyer 到货提醒 instead of the cart before the season, and takes it back', async () => {
    const season = { inSeason: false, presale: false, presaleShipsOn: null, saleStartsAt: '2099-03-31T16:00:00.000Z', saleEndsAt: null };
    const product = productDetail({ season });
    let reminders: { productSlug: string }[] = [];
    const server = fakeSessionApi(userWithRole('buyer'), {
      [`GET /api/products/${product.slug}`]: () => jsonResponse(200, product),
      'GET /api/cart': () => jsonResponse(200, cartOf([])),
      'GET /api/reminders': () => jsonResponse(200, { items: reminders }),
      [`PUT /api/reminders/${product.slug}`]: () => {
        reminders = [{ productSlug: product.slug }];
        return jsonResponse(200, { productSlug: product.slug });
      },
      [`DELETE /api/reminders/${product.slug}`]: () => new Response(null, { status: 204 }),
    });
    ({ wrapper } = await mountApp({ path: `/products/${product.slug}` }));
    await settle();

    expect(text(wrapper, 'arrival-reminder')).toBe('到货提醒');
    await wrapper.get('[data-testid="arrival-reminder"]').trigger('click');
    await settle();
    expect(server.callsTo('PUT', `/api/reminders/${product.slug}`)).toHaveLength(1);
    expect(text(wrapper, 'arrival-reminder-set')).toBe('已设置提醒：可以购买时会发邮件到 buyer@example.com。');
    expect(wrapper.get('[data-testid="arrival-reminder"]').attributes('aria-pressed')).toBe('true');

    await wrapper.get('[data-testid="arrival-reminder"]').trigger('click');
    await settle();
    expect(server.callsTo('DELETE', `/api/reminders/${product.slug}`)).toHaveLength(1);
    expect(wrapper.find('[data-testid="arrival-reminder-set"]').exists()).toBe(false);
  });

  it('shows a reminder set earlier, also when the page opened before the session was back', async () => {
    const season = { inSeason: false, presale: false, presaleShipsOn: null, saleStartsAt: '2099-03-31T16:00:00.000Z', saleEndsAt: null };
    const product = productDetail({ season });
    let restore!: () => void;
    const restored = new Promise<void>((resolve) => (restore = resolve));
    fakeApi({
      'POST /api/auth/refresh': async () => {
        await restored;
        return jsonResponse(200, { accessToken: 'token-1', user: userWithRole('buyer') });
      },
      [`GET /api/products/${product.slug}`]: () => jsonResponse(200, product),
      'GET /api/cart': () => jsonResponse(200, cartOf([])),
      'GET /api/reminders': () => jsonResponse(200, { items: [{ productSlug: product.slug }] }),
    });
    ({ wrapper } = await mountApp({ path: `/products/${product.slug}` }));
    await settle();
    expect(text(wrapper, 'arrival-reminder')).toBe('到货提醒');

    restore();
    await settle();
    expect(text(wrapper, 'arrival-reminder-set')).toBe('已设置提醒：可以购买时会发邮件到 buyer@example.com。');
  });

  it('sends a guest who wants a reminder to sign in, and back to the product after', async () => {
    const season = { inSeason: false, presale: false, presaleShipsOn: null, saleStartsAt: '2099-03-31T16:00:00.000Z', saleEndsAt: null };
    const { app } = await openProduct(productDetail({ season }));

    await app.get('[data-testid="arrival-reminder"]').trigger('click');
    await settle();
    const router = app.vm.$router;
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe(`/products/${productDetail().slug}`);
  });

  it('after its season, says so and offers no cart', async () => {
    const season = {
      inSeason: false,
      presale: false,
      presaleShipsOn: null,
      saleStartsAt: '2000-04-01T00:00:00.000Z',
      saleEndsAt: '2000-06-01T00:00:00.000Z',
    };
    const { app } = await openProduct(productDetail({ season }), 'en');

    expect(text(app, 'product-off-season')).toBe('This season is over; check back when the next one opens.');
    expect(app.find('[data-testid="add-to-cart"]').exists()).toBe(false);
  });

  it('speaks English in English', async () => {
    const { app } = await openProduct(productDetail(), 'en');

    expect(text(app, 'product-title')).toBe('Shedongguan agate-red cherry gift box');
    expect(options(app).map((option) => option.get('[data-testid="variant-stock"]').text())).toEqual([
      'In stock',
      'Only a few left',
      'Sold out',
    ]);
    expect(options(app)[0]!.text()).toContain('3.3 kg packed');
    expect(app.get('[data-testid="linked-households"]').text()).toContain('The cooperative is linked to 20 supported households');
    expect(
      app
        .get('[data-testid="linked-households"]')
        .findAll('li')
        .map((li) => li.text()),
    ).toEqual(['Equity and dividends: 8', 'Contract purchasing: 12']);
    expect(pieces(app.get('[data-testid="certified-badge"] dl')).slice(-2)).toEqual(['Valid until', 'June 30, 2027']);
    expect(text(app, 'product-shelf-life')).toBe('7 days');
  });

  it("names the tab after the product, in the reader's language", async () => {
    const { app } = await openProduct(productDetail());
    expect(document.title).toBe('厍东关玛瑙红樱桃礼盒 · 黔货入粤');

    await app.get('[data-testid="lang-switch"]').trigger('click');

    expect(document.title).toBe('Shedongguan agate-red cherry gift box · 黔货入粤');
  });

  it('renames the tab after the cooperative when the buyer follows the link to it', async () => {
    const product = productDetail();
    fakeSessionApi(null, {
      [`GET /api/products/${product.slug}`]: () => jsonResponse(200, product),
      'GET /api/cooperatives/coop-1': () => jsonResponse(200, cooperativePage()),
    });
    ({ wrapper } = await mountApp({ path: `/products/${product.slug}` }));

    await wrapper.get('[data-testid="product-cooperative"]').trigger('click');
    await settle();

    expect(document.title).toBe('厍东关樱桃合作社 · 黔货入粤');
  });

  it('adds the chosen variant and quantity to the cart, then links to the cart and counts the items in the header', async () => {
    const product = productDetail();
    let cart = cartOf([]);
    const server = fakeSessionApi(null, {
      [`GET /api/products/${product.slug}`]: () => jsonResponse(200, product),
      'GET /api/cart': () => jsonResponse(200, cart),
      'POST /api/cart/lines': async (request) => {
        const body = (await request.json()) as { variantId: string; quantity: number };
        cart = cartOf([cartLine({ variantId: body.variantId, quantity: body.quantity, unitPriceFen: 36800 })]);
        return jsonResponse(200, cart);
      },
    });
    ({ wrapper } = await mountApp({ path: `/products/${product.slug}` }));
    const notice = wrapper.get('[data-testid="cart-notice"]');
    expect(notice.attributes('role')).toBe('status');
    expect(notice.text()).toBe('');
    expect(wrapper.find('[data-testid="cart-count"]').exists()).toBe(false);

    await options(wrapper)[1]!.get('input').setValue(true);
    await wrapper.get('[data-testid="product-quantity"]').setValue('3');
    await wrapper.get('[data-testid="add-to-cart"]').trigger('click');
    await settle();

    const [sent] = server.callsTo('POST', '/api/cart/lines');
    expect(await sent!.json()).toEqual({ variantId: 'v-large', quantity: 3 });
    expect(notice.text()).toContain('已加入购物车 3 件。');
    expect(notice.get('a').attributes('href')).toBe('/cart');
    expect(text(wrapper, 'cart-count')).toBe('3');
    expect(wrapper.get('[data-testid="cart-link"]').attributes('aria-label')).toBe('购物车，3 件商品');
  });

  it('says why a product could not be added', async () => {
    const product = productDetail();
    fakeSessionApi(null, {
      [`GET /api/products/${product.slug}`]: () => jsonResponse(200, product),
      'POST /api/cart/lines': () => errorResponse(404, 'VARIANT_NOT_FOUND'),
    });
    ({ wrapper } = await mountApp({ path: `/products/${product.slug}` }));

    await wrapper.get('[data-testid="add-to-cart"]').trigger('click');
    await settle();

    expect(text(wrapper, 'add-to-cart-error')).toBe('这个规格已不存在，请刷新页面后重选。');
    expect(text(wrapper, 'cart-notice')).toBe('');
  });

  it('shows the main picture at once and the thumbnails lazily, described by the title, to switch between them', async () => {
    const { app } = await openProduct(productDetail({ images: ['/uploads/a.jpg', '/uploads/b.jpg'] }));

    const main = app.get('[data-testid="gallery-main"]');
    expect(main.attributes()).toMatchObject({ src: '/uploads/a.jpg', alt: '厍东关玛瑙红樱桃礼盒', fetchpriority: 'high' });
    expect(main.attributes('loading')).toBeUndefined();
    const thumbs = app.findAll('[data-testid="product-gallery"] button');
    expect(thumbs.map((thumb) => thumb.get('img').attributes('alt'))).toEqual([
      '厍东关玛瑙红樱桃礼盒，第 1 张图',
      '厍东关玛瑙红樱桃礼盒，第 2 张图',
    ]);
    expect(thumbs.map((thumb) => thumb.get('img').attributes('loading'))).toEqual(['lazy', 'lazy']);

    await thumbs[1]!.trigger('click');

    expect(app.get('[data-testid="gallery-main"]').attributes('src')).toBe('/uploads/b.jpg');
    expect(thumbs[1]!.attributes('aria-pressed')).toBe('true');
  });

  it('says the product is not found for an unknown slug', async () => {
    fakeSessionApi(null, { 'GET /api/products/no-such-thing': () => errorResponse(404, 'PRODUCT_NOT_FOUND') });
    ({ wrapper } = await mountApp({ path: '/products/no-such-thing' }));

    expect(wrapper.get('[data-testid="product-not-found"] h1').text()).toBe('商品不存在或已下架');
    expect(wrapper.findAll('h1')).toHaveLength(1);
    expect(document.title).toBe('商品详情 · 黔货入粤');
  });

  it('shows the message of any other error, and tries again on request', async () => {
    let fail = true;
    const product = productDetail();
    fakeSessionApi(null, {
      [`GET /api/products/${product.slug}`]: () => (fail ? errorResponse(503, 'DATABASE_UNAVAILABLE') : jsonResponse(200, product)),
    });
    ({ wrapper } = await mountApp({ path: `/products/${product.slug}` }));

    const error = wrapper.get('[data-testid="product-error"]');
    expect(error.get('[role="alert"]').text()).toBe('出了点问题，请稍后再试。');

    fail = false;
    await error.get('button').trigger('click');
    await settle();

    expect(text(wrapper, 'product-title')).toBe('厍东关玛瑙红樱桃礼盒');
  });
});
