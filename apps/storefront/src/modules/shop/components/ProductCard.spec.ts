import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { AppLocale } from '../../../i18n';
import { appPlugins } from '../../../testing/app';
import { productItem } from '../../../testing/catalog';
import type { ProductListItem } from '../catalog';
import ProductCard from './ProductCard.vue';

function card(product: ProductListItem, locale: AppLocale = 'zh-CN', eager = false) {
  return mount(ProductCard, { props: { product, eager }, global: { plugins: appPlugins(locale) } });
}

describe('ProductCard', () => {
  it('links to the product page and names the product, its price range, cooperative and township', () => {
    const wrapper = card(productItem());

    const link = wrapper.get('a[data-testid="product-card"]');
    expect(link.attributes('href')).toBe('/products/shedongguan-cherry-box');
    expect(link.attributes('data-slug')).toBe('shedongguan-cherry-box');
    expect(wrapper.get('[data-testid="product-card-title"]').text()).toBe('厍东关玛瑙红樱桃礼盒');
    expect(wrapper.get('[data-testid="product-card-price"]').text()).toBe('¥198.00–¥368.00');
    expect(wrapper.get('[data-testid="product-card-origin"]').text()).toBe('厍东关樱桃合作社 · 厍东关乡');
  });

  it('shows one price when every variant costs the same', () => {
    const wrapper = card(productItem({ minPriceFen: 1200, maxPriceFen: 1200 }));
    expect(wrapper.get('[data-testid="product-card-price"]').text()).toBe('¥12.00');
  });

  it('speaks English in English', () => {
    const wrapper = card(productItem(), 'en');

    expect(wrapper.get('[data-testid="product-card-title"]').text()).toBe('Shedongguan agate-red cherry gift box');
    expect(wrapper.get('[data-testid="product-card-origin"]').text()).toBe('Shedongguan Cherry Cooperative · Shedongguan Township');
    expect(wrapper.get('[data-testid="product-card-certified"]').text()).toBe('Certified assistance');
  });

  it('marks certified assistance products, and only those', () => {
    expect(card(productItem()).get('[data-testid="product-card-certified"]').text()).toBe('消费帮扶');
    expect(
      card(productItem({ certified: false }))
        .find('[data-testid="product-card-certified"]')
        .exists(),
    ).toBe(false);
  });

  it('marks a sold-out product', () => {
    const wrapper = card(productItem({ inStock: false }));
    expect(wrapper.get('[data-testid="product-card-sold-out"]').text()).toBe('已售罄');
  });

  it('marks a pre-sale product', () => {
    const season = { inSeason: true, presale: true, presaleShipsOn: '2026-04-05', saleStartsAt: null, saleEndsAt: null };
    const wrapper = card(productItem({ season }));
    expect(wrapper.get('[data-testid="product-card-presale"]').text()).toBe('预售');
  });

  it('marks a product out of season with the day orders open, or as past its season', () => {
    const opens = { inSeason: false, presale: false, presaleShipsOn: null, saleStartsAt: '2099-03-31T16:00:00.000Z', saleEndsAt: null };
    expect(
      card(productItem({ season: opens }))
        .get('[data-testid="product-card-season"]')
        .text(),
    ).toBe('4月1日开售');
    expect(
      card(productItem({ season: opens }), 'en')
        .get('[data-testid="product-card-season"]')
        .text(),
    ).toBe('On sale Apr 1');

    const over = {
      inSeason: false,
      presale: false,
      presaleShipsOn: null,
      saleStartsAt: '2000-04-01T00:00:00.000Z',
      saleEndsAt: '2000-06-01T00:00:00.000Z',
    };
    expect(
      card(productItem({ season: over }))
        .get('[data-testid="product-card-season"]')
        .text(),
    ).toBe('已过季');
    expect(card(productItem()).find('[data-testid="product-card-season"]').exists()).toBe(false);
  });

  it('loads the picture lazily, in a box of fixed shape, described by the title', () => {
    const wrapper = card(productItem({ imageUrl: '/uploads/cherry.jpg' }));

    const image = wrapper.get('img');
    expect(image.attributes()).toMatchObject({
      src: '/uploads/cherry.jpg',
      alt: '厍东关玛瑙红樱桃礼盒',
      loading: 'lazy',
      width: '480',
      height: '480',
    });
  });

  it('loads the picture at once when the card is in view as the page opens', () => {
    expect(
      card(productItem({ imageUrl: '/uploads/cherry.jpg' }), 'zh-CN', true)
        .get('img')
        .attributes('loading'),
    ).toBe('eager');
  });

  it('shows a neutral placeholder, hidden from screen readers, when there is no picture', () => {
    const wrapper = card(productItem({ imageUrl: null }));

    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.get('.card__placeholder').attributes('aria-hidden')).toBe('true');
  });
});
