import type { VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import type { Claim } from '../claims';
import { captureObjectUrls, claim, claimLine, photoResponse } from '../testing/claim-fixtures';

let wrapper: VueWrapper | undefined;
let urls: ReturnType<typeof captureObjectUrls>;

beforeEach(() => {
  urls = captureObjectUrls();
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  urls.restore();
});

type Handler = (request: Request) => Response | Promise<Response>;

const CLAIM = '/api/claims/claim-1';

async function openClaim(shown: () => Claim, routes: Record<string, Handler> = {}, path = '/claims/claim-1') {
  const api = fakeSessionApi(userWithRole('buyer'), {
    'GET /api/cart': () => jsonResponse(200, { lines: [], itemsFen: 0, maxLineQuantity: 99 }),
    [`GET ${CLAIM}`]: () => jsonResponse(200, shown()),
    [`GET ${CLAIM}/photos/0`]: () => photoResponse(),
    [`GET ${CLAIM}/photos/1`]: () => photoResponse(),
    ...routes,
  });
  ({ wrapper } = await mountApp({ path }));
  await settle();
  return { app: wrapper!, api };
}

const text = (app: VueWrapper, id: string) => app.get(`[data-testid="${id}"]`).text();
const exists = (app: VueWrapper, id: string) => app.find(`[data-testid="${id}"]`).exists();

/** The cooperative offers one box of the two asked. */
const offered = (overrides: Partial<Claim> = {}) =>
  claim({
    status: 'OFFERED',
    lines: [claimLine({ offeredQuantity: 1 })],
    offeredFen: 4_600,
    answeredAt: '2026-12-14T08:00:00.000Z',
    answerNote: '一盒可补偿，另一盒签收时完好',
    ...overrides,
  });

describe('ClaimPage', () => {
  it('shows an open claim: its status, reason, lines, the answer due, and its photos read with the bearer token', async () => {
    const { app, api } = await openClaim(() => claim({ photos: 2 }));

    expect(app.get('h1').text()).toBe('售后 · 订单 QH20261129-000123');
    expect(app.get('[data-testid="claim-status"]').attributes('data-status')).toBe('OPEN');
    expect(text(app, 'claim-status')).toBe('待合作社答复');
    expect(text(app, 'claim-next')).toBe('等待合作社答复，合作社须在答复期限前处理。');
    expect(text(app, 'claim-reason-text')).toBe('破损');
    expect(text(app, 'claim-note-text')).toBe('两盒鸡蛋运输中压碎');
    expect(text(app, 'claim-cooperative')).toBe('化作村禽蛋合作社');
    expect(app.get('[data-testid="claim-order-link"]').attributes('href')).toBe('/orders/QH20261129-000123');
    expect(app.get('[data-testid="claim-answer-due"]').attributes('data-overdue')).toBeUndefined();
    expect(text(app, 'claim-line-asked')).toBe('2 件 · ¥92.00');
    expect(exists(app, 'claim-line-offered')).toBe(false);
    expect(text(app, 'claim-asked-fen')).toBe('¥92.00');
    expect(exists(app, 'claim-offered-fen')).toBe(false);

    const photoCalls = [0, 1].map((index) => api.callsTo('GET', `${CLAIM}/photos/${index}`)[0]!);
    expect(photoCalls.map((call) => call.headers.get('Authorization'))).toEqual(['Bearer token-1', 'Bearer token-1']);
    expect(app.findAll('[data-testid="claim-photo"]').map((img) => img.attributes('src'))).toEqual(['blob:photo-1', 'blob:photo-2']);

    // Only withdrawing is the buyer's while the cooperative has not answered.
    expect(exists(app, 'claim-withdraw')).toBe(true);
    expect(exists(app, 'claim-accept-offer')).toBe(false);
    expect(exists(app, 'claim-escalate')).toBe(false);

    app.unmount();
    wrapper = undefined;
    expect(urls.revoked).toEqual(['blob:photo-1', 'blob:photo-2']);
  });

  it('shows the cooperative’s offer and takes it: settled, with the refund of exactly the offered box', async () => {
    const { app, api } = await openClaim(() => offered(), {
      [`POST ${CLAIM}/accept-offer`]: () =>
        jsonResponse(
          200,
          offered({
            status: 'SETTLED',
            lines: [claimLine({ offeredQuantity: 1, grantedQuantity: 1 })],
            grantedFen: 4_600,
            refund: { id: 'r-1', status: 'SUCCEEDED', amountFen: 4_600 },
            closedAt: '2026-12-14T09:00:00.000Z',
          }),
        ),
    });

    expect(text(app, 'claim-status')).toBe('合作社部分同意');
    expect(text(app, 'claim-offered-fen')).toBe('¥46.00');
    expect(text(app, 'claim-line-offered')).toBe('1 件 · ¥46.00');
    expect(text(app, 'claim-answer-note')).toBe('合作社答复： 一盒可补偿，另一盒签收时完好');
    expect(text(app, 'claim-accept-offer')).toBe('接受 ¥46.00 退款');
    expect(exists(app, 'claim-escalate')).toBe(true);

    await app.get('[data-testid="claim-accept-offer"]').trigger('click');
    await settle();

    expect(api.callsTo('POST', `${CLAIM}/accept-offer`)).toHaveLength(1);
    expect(app.get('[data-testid="claim-status"]').attributes('data-status')).toBe('SETTLED');
    expect(text(app, 'claim-done')).toBe('已接受，退款正在原路退回。');
    expect(text(app, 'claim-granted-fen')).toBe('¥46.00');
    expect(text(app, 'claim-refund-amount')).toBe('¥46.00');
    expect(text(app, 'claim-refund-status')).toBe('已退款');
    expect(exists(app, 'claim-accept-offer')).toBe(false);
    expect(exists(app, 'claim-withdraw')).toBe(false);
    expect(exists(app, 'claim-add-photo')).toBe(false);
  });

  it('asks the marketplace to decide a disputed claim', async () => {
    const disputed = claim({ status: 'DISPUTED', answerNote: '签收时包装完好，破损为签收后造成' });
    const { app, api } = await openClaim(() => disputed, {
      [`POST ${CLAIM}/escalate`]: () => jsonResponse(200, { ...disputed, status: 'ESCALATED' }),
    });

    expect(text(app, 'claim-next')).toBe('合作社对申请有异议：可以申请平台介入，由平台决定。');
    expect(exists(app, 'claim-accept-offer')).toBe(false);

    await app.get('[data-testid="claim-escalate"]').trigger('click');
    await settle();

    expect(api.callsTo('POST', `${CLAIM}/escalate`)).toHaveLength(1);
    expect(text(app, 'claim-status')).toBe('平台处理中');
    expect(text(app, 'claim-done')).toBe('已申请平台介入，平台会尽快处理。');
    expect(exists(app, 'claim-escalate')).toBe(false);
    expect(exists(app, 'claim-withdraw')).toBe(true);
  });

  it('withdraws only after a second, confirming press', async () => {
    const { app, api } = await openClaim(() => claim(), {
      [`POST ${CLAIM}/withdraw`]: () => jsonResponse(200, claim({ status: 'WITHDRAWN', closedAt: '2026-12-14T09:00:00.000Z' })),
    });

    await app.get('[data-testid="claim-withdraw"]').trigger('click');
    expect(api.callsTo('POST', `${CLAIM}/withdraw`)).toHaveLength(0);
    expect(text(app, 'claim-withdraw')).toBe('确认撤回');

    await app.get('[data-testid="claim-withdraw"]').trigger('click');
    await settle();

    expect(api.callsTo('POST', `${CLAIM}/withdraw`)).toHaveLength(1);
    expect(text(app, 'claim-status')).toBe('已撤回');
    expect(exists(app, 'claim-withdraw')).toBe(false);
  });

  it('shows where the claim stands when it moved on meanwhile', async () => {
    let current = offered();
    const { app } = await openClaim(() => current, {
      [`POST ${CLAIM}/accept-offer`]: () => {
        current = offered({ status: 'WITHDRAWN', closedAt: '2026-12-14T09:00:00.000Z' });
        return errorResponse(409, 'CLAIM_STATUS_CONFLICT');
      },
    });

    await app.get('[data-testid="claim-accept-offer"]').trigger('click');
    await settle();

    expect(text(app, 'claim-action-error')).toBe('这条售后的状态已经变化，页面已更新，请查看后再操作。');
    expect(text(app, 'claim-status')).toBe('已撤回');
  });

  it('marks an answer that is late, and leads an organisation’s claim back to the organisation’s order', async () => {
    const { app } = await openClaim(() =>
      claim({ answerDueAt: new Date(Date.now() - 3_600_000).toISOString(), organisationName: '广州市天河区机关事务管理局饭堂' }),
    );

    expect(app.get('[data-testid="claim-answer-due"]').attributes('data-overdue')).toBe('true');
    expect(text(app, 'claim-answer-due')).toContain('合作社已超时，平台将介入处理');
    expect(app.get('[data-testid="claim-order-link"]').attributes('href')).toBe('/org/orders/QH20261129-000123');
  });

  it('says which photos did not go up with the form, and adds one here', async () => {
    let photos = 0;
    const { app, api } = await openClaim(
      () => claim({ photos }),
      { [`POST ${CLAIM}/photos`]: () => jsonResponse(200, claim({ photos: (photos += 1) })) },
      '/claims/claim-1?photosFailed=1',
    );
    expect(text(app, 'claim-photos-failed')).toBe('有 1 张照片没有上传成功，可以在下方重新添加。');

    const input = app.get<HTMLInputElement>('[data-testid="claim-add-photo"]');
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'box.jpg', { type: 'image/jpeg' });
    Object.defineProperty(input.element, 'files', { value: [photo], configurable: true });
    await input.trigger('change');
    await settle();

    const [upload] = api.callsTo('POST', `${CLAIM}/photos`);
    expect((await upload!.formData()).get('file')).toBeInstanceOf(File);
    expect(text(app, 'claim-done')).toBe('照片已添加。');
    expect(app.findAll('[data-testid="claim-photo"]').map((img) => img.attributes('src'))).toEqual(['blob:photo-1']);
  });

  it('says when there is no such claim', async () => {
    const { app } = await openClaim(() => claim(), { [`GET ${CLAIM}`]: () => errorResponse(404, 'CLAIM_NOT_FOUND') });

    expect(app.get('h1').text()).toBe('没有找到这条售后申请');
    expect(exists(app, 'claim-status')).toBe(false);
  });
});
