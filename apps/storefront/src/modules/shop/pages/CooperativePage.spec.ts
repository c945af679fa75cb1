import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp } from '../../../testing/app';
import { cooperativePage } from '../../../testing/catalog';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

describe('cooperative page', () => {
  it('shows the public profile, its linked households and its products as cards', async () => {
    const cooperative = cooperativePage();
    fakeSessionApi(null, { 'GET /api/cooperatives/coop-1': () => jsonResponse(200, cooperative) });
    ({ wrapper } = await mountApp({ path: '/cooperatives/coop-1' }));

    expect(wrapper.findAll('h1')).toHaveLength(1);
    expect(wrapper.get('[data-testid="cooperative-name"]').text()).toBe('厍东关樱桃合作社');
    expect(wrapper.get('main').text()).toContain('位于 厍东关乡');
    expect(wrapper.get('main').text()).toContain('合作社位于厍东关乡。');
    expect(wrapper.get('[data-testid="cooperative-credit-code"]').text()).toBe('93520525MA6DKQ4T1X');
    expect(wrapper.get('[data-testid="linked-households"]').text()).toContain('合作社利益联结 20 户');
    expect(wrapper.findAll('[data-testid="product-card"]').map((card) => card.attributes('href'))).toEqual([
      '/products/product-1',
      '/products/product-2',
      '/products/product-3',
    ]);
  });

  it("names the tab after the cooperative, in the reader's language", async () => {
    fakeSessionApi(null, { 'GET /api/cooperatives/coop-1': () => jsonResponse(200, cooperativePage()) });
    ({ wrapper } = await mountApp({ path: '/cooperatives/coop-1' }));
    expect(document.title).toBe('厍东关樱桃合作社 · 黔货入粤');

    await wrapper.get('[data-testid="lang-switch"]').trigger('click');

    expect(document.title).toBe('Shedongguan Cherry Cooperative · 黔货入粤');
  });

  it('says when the cooperative has nothing on sale', async () => {
    fakeSessionApi(null, { 'GET /api/cooperatives/coop-1': () => jsonResponse(200, cooperativePage({ products: [] })) });
    ({ wrapper } = await mountApp({ path: '/cooperatives/coop-1', locale: 'en' }));

    expect(wrapper.get('[data-testid="cooperative-name"]').text()).toBe('Shedongguan Cherry Cooperative');
    expect(wrapper.get('main').text()).toContain('This cooperative has nothing on sale right now.');
  });

  it('shows how reliably the cooperative ships and how often buyers claim, once it has shipped enough', async () => {
    const cooperative = cooperativePage({ quality: { shipments: 128, onTimeBp: 9766, claimRateBp: 156 } });
    fakeSessionApi(null, { 'GET /api/cooperatives/coop-1': () => jsonResponse(200, cooperative) });
    ({ wrapper } = await mountApp({ path: '/cooperatives/coop-1' }));

    const quality = wrapper.get('[data-testid="coop-quality"]');
    expect(quality.get('[data-testid="coop-quality-on-time"]').text()).toBe('97.7%');
    expect(quality.get('[data-testid="coop-quality-claim-rate"]').text()).toBe('1.6%');
    expect(quality.findAll('dt').map((term) => term.text())).toEqual(['48 小时内发货', '售后申请率']);
    expect(quality.get('[data-testid="coop-quality-shipments"]').text()).toBe('基于 128 个已发货包裹');
  });

  it('shows no quality figures before the cooperative has shipped enough', async () => {
    fakeSessionApi(null, { 'GET /api/cooperatives/coop-1': () => jsonResponse(200, cooperativePage({ quality: null })) });
    ({ wrapper } = await mountApp({ path: '/cooperatives/coop-1', locale: 'en' }));

    expect(wrapper.find('[data-testid="coop-quality"]').exists()).toBe(false);
  });

  it('counts shipments in English', async () => {
    const cooperative = cooperativePage({ quality: { shipments: 1, onTimeBp: 10000, claimRateBp: 0 } });
    fakeSessionApi(null, { 'GET /api/cooperatives/coop-1': () => jsonResponse(200, cooperative) });
    ({ wrapper } = await mountApp({ path: '/cooperatives/coop-1', locale: 'en' }));

    expect(wrapper.get('[data-testid="coop-quality-on-time"]').text()).toBe('100.0%');
    expect(wrapper.get('[data-testid="coop-quality-shipments"]').text()).toBe('Based on 1 parcel shipped');
  });

  it('says the cooperative is not found for an unknown id', async () => {
    fakeSessionApi(null, { 'GET /api/cooperatives/nope': () => errorResponse(404, 'COOPERATIVE_NOT_FOUND') });
    ({ wrapper } = await mountApp({ path: '/cooperatives/nope' }));

    expect(wrapper.get('[data-testid="cooperative-not-found"] h1').text()).toBe('合作社不存在');
    expect(document.title).toBe('合作社 · 黔货入粤');
  });
});
