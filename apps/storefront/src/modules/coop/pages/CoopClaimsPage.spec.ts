import type { VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import type { Claim } from '../claims';
import { coopClaim, coopQuality } from '../testing/lot-fixtures';

let wrapper: VueWrapper | undefined;
const createObjectURL = URL.createObjectURL;
const revokeObjectURL = URL.revokeObjectURL;

beforeEach(() => {
  let made = 0;
  URL.createObjectURL = vi.fn(() => `blob:photo-${(made += 1)}`);
  URL.revokeObjectURL = vi.fn();
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
});

type Handler = (request: Request) => Response | Promise<Response>;

const LIST = '/api/coop/claims';
const ANSWER = '/api/coop/claims/claim-1/answer';

async function openClaims(routes: Record<string, Handler> = {}, claims: () => Claim[] = () => [coopClaim()], locale?: 'en') {
  const api = fakeSessionApi(userWithRole('cooperative'), {
    [`GET ${LIST}`]: () => jsonResponse(200, { items: claims() }),
    'GET /api/coop/quality': () => jsonResponse(200, coopQuality()),
    ...routes,
  });
  let router;
  ({ wrapper, router } = await mountApp({ path: '/coop/claims', locale }));
  await settle();
  return { app: wrapper!, api, router: router! };
}

const card = (app: VueWrapper) => app.get('[data-testid="coop-claim"]');

describe('a cooperative’s claims page', () => {
  it('is in the portal’s nav and shows the cooperative’s service figures first', async () => {
    const { app } = await openClaims();

    expect(app.get('h1').text()).toBe('售后');
    expect(app.get('[data-testid="coop-nav-claims"]').attributes('aria-current')).toBe('page');
    expect(app.get('[data-testid="quality-shipments"]').text()).toBe('40');
    // 39 of 40 parcels within 48 h; 500 bp of claims; 125 bp of the goods refunded.
    expect(app.get('[data-testid="quality-on-time"]').text()).toBe('97.5%');
    expect(app.get('[data-testid="quality-claim-rate"]').text()).toBe('5.0%');
    expect(app.get('[data-testid="quality-refunded"]').text()).toBe('1.3%');
  });

  it('lists the claims waiting for an answer first, with what the buyer asks back and why', async () => {
    const { app, api } = await openClaims();

    expect(new URL(api.callsTo('GET', LIST)[0]!.url).searchParams.get('status')).toBe('OPEN');
    expect(app.get('[data-testid="coop-claims-filter-OPEN"]').attributes('aria-current')).toBe('page');
    expect(card(app).attributes('data-status')).toBe('OPEN');
    expect(card(app).get('[data-testid="coop-claim-order"]').text()).toBe('订单 QH20261203-000042');
    expect(card(app).get('[data-testid="coop-claim-status"]').text()).toBe('待答复');
    expect(card(app).get('[data-testid="coop-claim-reason"]').text()).toBe('破损');
    expect(card(app).get('[data-testid="coop-claim-note"]').text()).toBe('买家说明：两盒鸡蛋运输中压碎');
    expect(card(app).get('[data-testid="coop-claim-line"]').text()).toBe('化作村林下土鸡蛋 20枚 · 20枚装：申请 2 件 × ¥46.00');
    expect(card(app).get('[data-testid="coop-claim-asked"]').text()).toBe('¥92.00');
    expect(card(app).get('[data-testid="coop-claim-due"]').text()).toMatch(/^2099年12月4日 \d{2}:\d{2}$/);
    expect(card(app).find('[data-testid="coop-claim-overdue"]').exists()).toBe(false);
  });

  it('asks the API for the status of the tab chosen', async () => {
    const { app, api, router } = await openClaims();

    await app.get('[data-testid="coop-claims-filter-SETTLED"]').trigger('click');
    await settle();

    expect(router.currentRoute.value.query.status).toBe('SETTLED');
    expect(new URL(api.callsTo('GET', LIST).at(-1)!.url).searchParams.get('status')).toBe('SETTLED');
  });

  it('offers part of a claim with a note, and shows it offered', async () => {
    const offered = coopClaim({
      status: 'OFFERED',
      offeredFen: 4600,
      answerNote: '一盒可补偿，另一盒签收时完好',
      lines: [{ ...coopClaim().lines[0]!, offeredQuantity: 1 }],
    });
    const { app, api } = await openClaims({ [`POST ${ANSWER}`]: () => jsonResponse(200, offered) });

    await card(app).get('[data-testid="claim-offer"]').trigger('click');
    expect(card(app).get('label[for="claim-claim-1-offer-ol-1"]').text()).toBe('化作村林下土鸡蛋 20枚 · 20枚装（最多 2 件）');
    await card(app).get('[data-testid="offer-quantity"]').setValue('1');
    expect(card(app).get('[data-testid="claim-offer-total"]').text()).toBe('提出退款 ¥46.00（买家申请 ¥92.00）');
    await card(app).get('[data-testid="claim-note"]').setValue('一盒可补偿，另一盒签收时完好');
    await card(app).get('[data-testid="claim-answer-submit"]').trigger('click');
    await settle();

    expect(await api.callsTo('POST', ANSWER)[0]!.json()).toEqual({
      decision: 'OFFER',
      lines: [{ lineId: 'ol-1', quantity: 1 }],
      note: '一盒可补偿，另一盒签收时完好',
    });
    expect(card(app).attributes('data-status')).toBe('OFFERED');
    expect(card(app).get('[data-testid="coop-claim-offered"]').text()).toBe('¥46.00');
    expect(card(app).get('[data-testid="coop-claim-answered"]').text()).toBe('已提出部分退款，等待买家答复。');
    expect(card(app).find('[data-testid="claim-answer"]').exists()).toBe(false);
  });

  it('checks an offer: whole units up to those asked, something but not everything', async () => {
    const { app, api } = await openClaims();

    await card(app).get('[data-testid="claim-offer"]').trigger('click');
    await card(app).get('[data-testid="offer-quantity"]').setValue('0');
    await card(app).get('[data-testid="claim-answer-submit"]').trigger('click');
    await settle();
    expect(card(app).get('[data-testid="claim-offer-error"]').text()).toBe('至少同意退款 1 件；一件都不同意请选择“不同意”。');

    await card(app).get('[data-testid="offer-quantity"]').setValue('3');
    expect(card(app).get('[data-testid="offer-quantity-error"]').text()).toBe('请填写 0–2 之间的整数。');

    await card(app).get('[data-testid="offer-quantity"]').setValue('2');
    expect(card(app).get('[data-testid="claim-offer-error"]').text()).toBe('每行都是全部件数，这就是全部同意：请选择“全部同意”。');
    expect(api.callsTo('POST', ANSWER)).toHaveLength(0);
  });

  it('disputes a claim only with a reason', async () => {
    const { app, api } = await openClaims({ [`POST ${ANSWER}`]: () => jsonResponse(200, coopClaim({ status: 'DISPUTED' })) });

    await card(app).get('[data-testid="claim-dispute"]').trigger('click');
    await card(app).get('[data-testid="claim-answer-submit"]').trigger('click');
    await settle();
    expect(card(app).get('[data-testid="claim-note-error"]').text()).toBe('请写明不同意的理由。');
    expect(api.callsTo('POST', ANSWER)).toHaveLength(0);

    await card(app).get('[data-testid="claim-note"]').setValue('签收时买家确认完好，有签收照片');
    await card(app).get('[data-testid="claim-answer-submit"]').trigger('click');
    await settle();

    expect(await api.callsTo('POST', ANSWER)[0]!.json()).toEqual({ decision: 'DISPUTE', note: '签收时买家确认完好，有签收照片' });
    expect(card(app).attributes('data-status')).toBe('DISPUTED');
  });

  it('accepts the whole claim after showing what it refunds', async () => {
    const { app, api } = await openClaims({
      [`POST ${ANSWER}`]: () => jsonResponse(200, coopClaim({ status: 'SETTLED', grantedFen: 9200 })),
    });

    await card(app).get('[data-testid="claim-accept"]').trigger('click');
    expect(card(app).get('[data-testid="claim-accept-summary"]').text()).toBe('同意后立即按买家的申请退款 ¥92.00，不能撤回。');
    expect(card(app).find('[data-testid="claim-note"]').exists()).toBe(false);
    await card(app).get('[data-testid="claim-answer-submit"]').trigger('click');
    await settle();

    expect(await api.callsTo('POST', ANSWER)[0]!.json()).toEqual({ decision: 'ACCEPT' });
    expect(card(app).attributes('data-status')).toBe('SETTLED');
    expect(card(app).get('[data-testid="coop-claim-granted"]').text()).toBe('¥92.00');
    // The figures may have moved: they are read again.
    expect(api.callsTo('GET', '/api/coop/quality')).toHaveLength(2);
  });

  it('says when the claim was withdrawn or decided meanwhile, and reads the list again', async () => {
    const { app, api } = await openClaims({ [`POST ${ANSWER}`]: () => errorResponse(409, 'CLAIM_STATUS_CONFLICT') });

    await card(app).get('[data-testid="claim-accept"]').trigger('click');
    await card(app).get('[data-testid="claim-answer-submit"]').trigger('click');
    await settle();

    expect(api.callsTo('GET', LIST)).toHaveLength(2);
    expect(card(app).get('[data-testid="claim-answer-error"]').text()).toBe(
      '这条申请已不在待答复状态（买家可能已撤回，或平台已处理）。列表已刷新。',
    );
  });

  it('shows the buyer’s photos, read with the session’s token, and lets them go with the page', async () => {
    const { app, api } = await openClaims(
      {
        'GET /api/coop/claims/claim-1/photos/0': () =>
          new Response(new Uint8Array([1, 2, 3]), { headers: { 'Content-Type': 'image/png' } }),
        'GET /api/coop/claims/claim-1/photos/1': () =>
          new Response(new Uint8Array([4, 5, 6]), { headers: { 'Content-Type': 'image/png' } }),
      },
      () => [coopClaim({ photos: 2 })],
    );

    const calls = api.callsTo('GET', '/api/coop/claims/claim-1/photos/0');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers.get('Authorization')).toBe('Bearer token-1');
    expect(card(app).get('[data-testid="coop-claim-photos"]').text()).toContain('买家照片（2 张）');
    expect(
      card(app)
        .findAll('[data-testid="claim-photo"]')
        .map((img) => img.attributes('src')),
    ).toEqual(['blob:photo-1', 'blob:photo-2']);

    wrapper!.unmount();
    wrapper = undefined;
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:photo-1');
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:photo-2');
  });

  it('says when a photo could not be read', async () => {
    const { app } = await openClaims({ 'GET /api/coop/claims/claim-1/photos/0': () => errorResponse(404, 'CLAIM_PHOTO_NOT_FOUND') }, () => [
      coopClaim({ photos: 1 }),
    ]);

    expect(card(app).get('[data-testid="claim-photo-placeholder"]').attributes('data-state')).toBe('failed');
  });

  it('says when there is nothing to answer', async () => {
    const { app } = await openClaims({}, () => []);

    expect(app.get('[data-testid="coop-claims-empty"]').text()).toBe('没有待答复的售后申请。');
  });

  it('reads in English', async () => {
    const { app } = await openClaims({}, () => [coopClaim()], 'en');

    expect(app.get('h1').text()).toBe('After-sales claims');
    expect(card(app).get('[data-testid="coop-claim-line"]').text()).toBe('Free-range eggs from Huazuo, 20 · 20枚装: 2 asked × ¥46.00');
    expect(app.get('[data-testid="quality-on-time"]').text()).toBe('97.5%');
  });
});
