import { addDays, chinaDay } from '@qh/domain';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { managedProduct, managedVariant } from '../../coop/testing/fixtures';
import type { ManagedProduct } from '../admin-api';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const inReview = managedProduct({
  id: 'p-1',
  status: 'PENDING_REVIEW',
  submittedAt: '2026-04-01T02:00:00.000Z',
  images: ['/uploads/a.jpg'],
  variants: [managedVariant(), managedVariant({ id: 'v-2', labelZh: '5公斤礼盒', labelEn: '5 kg gift box', priceFen: 36800 })],
});

/** Today in China plus `days`, as the `YYYY-MM-DD` a date input holds: the day the form checks against. */
const dayFromNow = (days: number): string => addDays(chinaDay(), days);

async function openQueue(routes: Parameters<typeof fakeSessionApi>[1] = {}, items: ManagedProduct[] = [inReview]) {
  const api = fakeSessionApi(userWithRole('admin'), {
    'GET /api/admin/products': () => jsonResponse(200, { items, nextCursor: null }),
    ...routes,
  });
  ({ wrapper } = await mountApp({ path: '/admin/products' }));
  await settle();
  const row = () => wrapper!.get('[data-testid="review-row"][data-id="p-1"]');
  return { app: wrapper!, api, row };
}

describe('AdminProductsPage', () => {
  it('opens on the review queue with what the reviewer must check', async () => {
    const { app, api, row } = await openQueue();

    expect(app.get('h1').text()).toBe('商品审核与认定');
    expect(new URL(api.callsTo('GET', '/api/admin/products')[0]!.url).searchParams.get('status')).toBe('PENDING_REVIEW');
    expect(row().text()).toContain('玛瑙红樱桃 2.5公斤');
    expect(row().text()).toContain('Agate-red cherries 2.5 kg');
    expect(row().text()).toContain('厍东关樱桃合作社');
    expect(row().text()).toContain('玛瑙红樱桃');
    expect(
      row()
        .findAll('[data-testid="review-variant-price"]')
        .map((price) => price.text()),
    ).toEqual(['¥198.00', '¥368.00']);
    expect(row().get('[data-testid="review-images"] img').attributes('src')).toBe('/uploads/a.jpg');
    expect(row().get('[data-testid="review-status"]').text()).toBe('待审核');
  });

  it('shows when each product was submitted for review', async () => {
    const { row } = await openQueue();
    expect(row().get('[data-testid="review-submitted"]').text()).toBe('2026年4月1日');
  });

  it('appends the next page of the queue', async () => {
    const second = { ...inReview, id: 'p-2', titleZh: '纳雍高山绿茶' };
    const { app } = await openQueue({
      'GET /api/admin/products': (request) =>
        new URL(request.url).searchParams.get('cursor') === 'page-2'
          ? jsonResponse(200, { items: [second], nextCursor: null })
          : jsonResponse(200, { items: [inReview], nextCursor: 'page-2' }),
    });

    await app.get('[data-testid="admin-load-more"]').trigger('click');
    await settle();

    expect(app.findAll('[data-testid="review-row"]').map((row) => row.attributes('data-id'))).toEqual(['p-1', 'p-2']);
  });

  it('approves a product and keeps it in view, ready to certify', async () => {
    const { api, row } = await openQueue({
      'POST /api/admin/products/p-1/approve': () => jsonResponse(200, { ...inReview, status: 'PUBLISHED' }),
    });

    await row().get('[data-testid="review-approve"]').trigger('click');
    await settle();

    expect(api.callsTo('POST', '/api/admin/products/p-1/approve')).toHaveLength(1);
    expect(row().attributes('data-status')).toBe('PUBLISHED');
    expect(row().get('[data-testid="review-done"]').text()).toBe('已通过，商品已上架。');
    expect(row().find('[data-testid="review-approve"]').exists()).toBe(false);
    expect(row().find('[data-testid="certify-open"]').exists()).toBe(true);
  });

  it('asks for the reason the cooperative will read before rejecting', async () => {
    const { api, row } = await openQueue({
      'POST /api/admin/products/p-1/reject': () => jsonResponse(200, { ...inReview, status: 'DRAFT', rejectReason: '请补充实拍图' }),
    });

    await row().get('[data-testid="review-reject"]').trigger('click');
    await row().get('[data-testid="review-reject"]').trigger('click');
    expect(row().text()).toContain('请填写原因，至少 2 个字。');
    expect(api.callsTo('POST', '/api/admin/products/p-1/reject')).toHaveLength(0);

    await row().get('[data-testid="reject-reason"]').setValue('请补充实拍图');
    await row().get('[data-testid="review-reject"]').trigger('click');
    await settle();

    expect(await api.callsTo('POST', '/api/admin/products/p-1/reject')[0]!.json()).toEqual({ reason: '请补充实拍图' });
    expect(row().get('[data-testid="review-status"]').text()).toBe('草稿');
  });

  it('certifies a product after checking the form', async () => {
    const validUntil = dayFromNow(365);
    const certified = {
      ...inReview,
      certification: { number: '黔扶认〔2026〕0523-0117', issuer: '纳雍县乡村振兴局', batch: null, validUntil, valid: true },
    };
    const { api, row } = await openQueue({ 'POST /api/admin/products/p-1/certify': () => jsonResponse(200, certified) });
    expect(row().get('[data-testid="cert-none"]').text()).toBe('尚未认定。');

    await row().get('[data-testid="certify-open"]').trigger('click');
    await row().get('[data-testid="cert-valid-until"]').setValue(dayFromNow(-1));
    await row().get('[data-testid="cert-save"]').trigger('submit');
    expect(row().text()).toContain('请填写此项。');
    expect(row().text()).toContain('有效期不能早于今天');
    expect(api.callsTo('POST', '/api/admin/products/p-1/certify')).toHaveLength(0);

    await row().get('[data-testid="cert-number"]').setValue('黔扶认〔2026〕0523-0117');
    await row().get('[data-testid="cert-issuer"]').setValue('纳雍县乡村振兴局');
    await row().get('[data-testid="cert-valid-until"]').setValue(validUntil);
    await row().get('[data-testid="cert-save"]').trigger('submit');
    await settle();

    expect(await api.callsTo('POST', '/api/admin/products/p-1/certify')[0]!.json()).toEqual({
      number: '黔扶认〔2026〕0523-0117',
      issuer: '纳雍县乡村振兴局',
      validUntil,
    });
    expect(row().get('[data-testid="cert-current"]').text()).toContain('编号 黔扶认〔2026〕0523-0117，纳雍县乡村振兴局');
    expect(row().find('[data-testid="cert-form"]').exists()).toBe(false);
  });

  it('withdraws a certificate after asking', async () => {
    const certified = {
      ...inReview,
      status: 'PUBLISHED' as const,
      certification: { number: 'N-1', issuer: '纳雍县乡村振兴局', batch: '2026年第二批', validUntil: '2027-12-31', valid: true },
    };
    const { api, row } = await openQueue(
      { 'DELETE /api/admin/products/p-1/certify': () => jsonResponse(200, { ...certified, certification: null }) },
      [certified],
    );
    expect(row().get('[data-testid="cert-current"]').text()).toContain('2026年第二批');

    await row().get('[data-testid="cert-revoke"]').trigger('click');
    expect(api.callsTo('DELETE', '/api/admin/products/p-1/certify')).toHaveLength(0);
    await row().get('[data-testid="cert-revoke-confirm"]').trigger('click');
    await settle();

    expect(api.callsTo('DELETE', '/api/admin/products/p-1/certify')).toHaveLength(1);
    expect(row().get('[data-testid="cert-none"]').text()).toBe('尚未认定。');
  });

  it('finds published products to certify through the status filter', async () => {
    const { app, api } = await openQueue();

    await app.get('[data-testid="admin-product-filter-PUBLISHED"]').trigger('click');
    await settle();

    expect(new URL(api.callsTo('GET', '/api/admin/products').at(-1)!.url).searchParams.get('status')).toBe('PUBLISHED');
  });
});
