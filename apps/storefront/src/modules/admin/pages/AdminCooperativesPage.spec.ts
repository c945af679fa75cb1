import { makeCreditCode } from '@qh/domain';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import type { AdminCooperative } from '../admin-api';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const VALID_CODE = makeCreditCode('93520525MA6DKQ4T1');
const WRONG_CHECK = VALID_CODE.slice(0, 17) + (VALID_CODE[17] === 'X' ? 'Y' : 'X');

function cooperative(overrides: Partial<AdminCooperative> = {}): AdminCooperative {
  return {
    id: 'c-1',
    nameZh: '纳雍县厍东关乡玛瑙红樱桃种植专业合作社',
    nameEn: 'Shedongguan Agate-red Cherry Cooperative',
    creditCode: VALID_CODE,
    creditCodeValid: true,
    township: { code: '520525202', name: '厍东关彝族白族苗族乡', nameEn: 'Shedongguan Township' },
    status: 'PENDING',
    platformFeeBp: 0,
    suspendedReason: null,
    verifiedAt: null,
    productCount: 5,
    publishedCount: 3,
    leadDays: 2,
    createdAt: '2026-03-01T02:00:00.000Z',
    ...overrides,
  };
}

const pending = [cooperative(), cooperative({ id: 'c-2', nameZh: '纳雍县某某合作社', creditCode: WRONG_CHECK, creditCodeValid: false })];

async function openCooperatives(routes: Parameters<typeof fakeSessionApi>[1] = {}) {
  const api = fakeSessionApi(userWithRole('admin'), {
    'GET /api/admin/cooperatives': () => jsonResponse(200, { items: pending, nextCursor: null }),
    ...routes,
  });
  ({ wrapper } = await mountApp({ path: '/admin/cooperatives' }));
  await settle();
  const row = (id: string) => wrapper!.get(`[data-testid="admin-coop-row"][data-id="${id}"]`);
  return { app: wrapper!, api, row };
}

describe('AdminCooperativesPage', () => {
  it('shows the pending applications with their code, township and product counts', async () => {
    const { app, api, row } = await openCooperatives();

    expect(app.get('h1').text()).toBe('合作社核验');
    expect(new URL(api.callsTo('GET', '/api/admin/cooperatives')[0]!.url).searchParams.get('status')).toBe('PENDING');
    expect(row('c-1').text()).toContain('纳雍县厍东关乡玛瑙红樱桃种植专业合作社');
    expect(row('c-1').get('[data-testid="coop-credit-code"]').text()).toBe(VALID_CODE);
    expect(row('c-1').text()).toContain('厍东关彝族白族苗族乡');
    expect(row('c-1').get('[data-testid="coop-product-counts"]').text()).toBe('共 5 件，在售 3 件');
    expect(row('c-1').get('[data-testid="coop-status"]').text()).toBe('待核验');
  });

  it('disables verification for an invalid code and says which character is wrong', async () => {
    const { row } = await openCooperatives();

    expect(row('c-1').get('[data-testid="coop-verify"]').attributes('disabled')).toBeUndefined();
    expect(row('c-1').find('[data-testid="coop-code-warning"]').exists()).toBe(false);

    const verify = row('c-2').get('[data-testid="coop-verify"]');
    const warning = row('c-2').get('[data-testid="coop-code-warning"]');
    expect(verify.attributes('disabled')).toBeDefined();
    expect(verify.attributes('aria-describedby')).toBe(warning.attributes('id'));
    expect(warning.text()).toContain(`代码校验位错误：第 18 位应为 ${VALID_CODE[17]}，实际为 ${WRONG_CHECK[17]}。`);
    expect(warning.text()).toContain('代码无效，不能核验。');
  });

  it('verifies a cooperative and shows its new status in place', async () => {
    const { api, row } = await openCooperatives({
      'POST /api/admin/cooperatives/c-1/verify': () =>
        jsonResponse(200, cooperative({ status: 'VERIFIED', verifiedAt: '2026-04-02T02:00:00.000Z' })),
    });

    await row('c-1').get('[data-testid="coop-verify"]').trigger('click');
    await settle();

    expect(api.callsTo('POST', '/api/admin/cooperatives/c-1/verify')).toHaveLength(1);
    expect(row('c-1').attributes('data-status')).toBe('VERIFIED');
    expect(row('c-1').get('[data-testid="coop-status"]').text()).toBe('已核验');
    expect(row('c-1').get('[data-testid="coop-done"]').text()).toBe('已核验。');
    expect(row('c-1').find('[data-testid="coop-verify"]').exists()).toBe(false);
  });

  it('shows the message for INVALID_CREDIT_CODE when the server refuses', async () => {
    const { row } = await openCooperatives({ 'POST /api/admin/cooperatives/c-1/verify': () => errorResponse(422, 'INVALID_CREDIT_CODE') });

    await row('c-1').get('[data-testid="coop-verify"]').trigger('click');
    await settle();

    expect(row('c-1').get('[data-testid="coop-error"]').text()).toBe('统一社会信用代码无效或不是农民专业合作社代码，不能核验。');
  });

  it('asks for a reason before suspending', async () => {
    const { api, row } = await openCooperatives({
      'POST /api/admin/cooperatives/c-1/suspend': () =>
        jsonResponse(200, cooperative({ status: 'SUSPENDED', suspendedReason: '多次发货延误' })),
    });

    await row('c-1').get('[data-testid="coop-suspend"]').trigger('click');
    expect(row('c-1').get('label[for="coop-c-1-reason"]').text()).toBe('暂停原因');
    expect(row('c-1').get('[data-testid="coop-suspend"]').text()).toBe('确认暂停');

    await row('c-1').get('[data-testid="coop-suspend"]').trigger('click');
    expect(row('c-1').text()).toContain('请填写原因，至少 2 个字。');
    // The hint and the problem are read out with the field.
    const described = row('c-1').get('[data-testid="suspend-reason"]').attributes('aria-describedby')!.split(' ');
    expect(described.map((id) => row('c-1').get(`#${id}`).text())).toEqual([
      '合作社会看到这个原因。2–500 个字。',
      '请填写原因，至少 2 个字。',
    ]);
    expect(api.callsTo('POST', '/api/admin/cooperatives/c-1/suspend')).toHaveLength(0);

    await row('c-1').get('[data-testid="suspend-reason"]').setValue('多次发货延误');
    await row('c-1').get('[data-testid="coop-suspend"]').trigger('click');
    await settle();

    expect(await api.callsTo('POST', '/api/admin/cooperatives/c-1/suspend')[0]!.json()).toEqual({ reason: '多次发货延误' });
    expect(row('c-1').get('[data-testid="coop-suspended-reason"]').text()).toBe('暂停原因：多次发货延误');
    expect(row('c-1').get('[data-testid="coop-verify"]').text()).toBe('恢复（重新核验）');
  });

  it('switches to the verified tab', async () => {
    const { app, api } = await openCooperatives();

    await app.get('[data-testid="admin-coop-filter-VERIFIED"]').trigger('click');
    await settle();

    expect(new URL(api.callsTo('GET', '/api/admin/cooperatives').at(-1)!.url).searchParams.get('status')).toBe('VERIFIED');
    expect(app.get('[data-testid="admin-coop-filter-VERIFIED"]').attributes('aria-current')).toBe('page');
  });
});

describe('AdminCooperativesPage platform fee', () => {
  it('shows each cooperative’s platform fee as a percentage, none by default', async () => {
    ({ wrapper } = await openCooperativesWithFees());
    const fee = (id: string) => wrapper!.get(`[data-testid="platform-fee-row"][data-id="${id}"]`);

    expect(wrapper!.get('[data-testid="platform-fees"] h2').text()).toBe('平台服务费');
    expect(fee('c-1').get('[data-testid="platform-fee-current"]').text()).toBe('不收取');
    expect(fee('c-2').get('[data-testid="platform-fee-current"]').text()).toBe('1.50%');
    expect(fee('c-2').get<HTMLInputElement>('[data-testid="platform-fee-input"]').element.value).toBe('1.5');
    expect(fee('c-1').get('label').text()).toBe('纳雍县厍东关乡玛瑙红樱桃种植专业合作社的新费率（%）');
  });

  it('sets a rate in basis points, and refuses what is not a percentage from 0 to 100', async () => {
    let api: ReturnType<typeof fakeSessionApi>;
    ({ wrapper, api } = await openCooperativesWithFees({
      'PUT /api/admin/cooperatives/c-1/platform-fee': () => jsonResponse(200, cooperative({ platformFeeBp: 250 })),
    }));
    const fee = () => wrapper!.get('[data-testid="platform-fee-row"][data-id="c-1"]');

    await fee().get('[data-testid="platform-fee-input"]').setValue('101');
    await fee().get('[data-testid="platform-fee-form"]').trigger('submit');
    expect(fee().get('[data-testid="platform-fee-problem"]').text()).toBe('请填写 0 到 100 之间、最多两位小数的百分比。');
    expect(api.callsTo('PUT', '/api/admin/cooperatives/c-1/platform-fee')).toHaveLength(0);

    await fee().get('[data-testid="platform-fee-input"]').setValue('2.5');
    await fee().get('[data-testid="platform-fee-form"]').trigger('submit');
    await settle();

    expect(await api.callsTo('PUT', '/api/admin/cooperatives/c-1/platform-fee')[0]!.json()).toEqual({ rateBp: 250 });
    expect(fee().get('[data-testid="platform-fee-current"]').text()).toBe('2.50%');
    expect(fee().get('[data-testid="platform-fee-saved"]').text()).toBe('已保存：2.50%');
  });
});

async function openCooperativesWithFees(routes: Parameters<typeof fakeSessionApi>[1] = {}) {
  const api = fakeSessionApi(userWithRole('admin'), {
    'GET /api/admin/cooperatives': () =>
      jsonResponse(200, {
        items: [cooperative(), cooperative({ id: 'c-2', nameZh: '纳雍县某某合作社', platformFeeBp: 150 })],
        nextCursor: null,
      }),
    ...routes,
  });
  const mounted = await mountApp({ path: '/admin/cooperatives' });
  await settle();
  return { wrapper: mounted.wrapper, api };
}
