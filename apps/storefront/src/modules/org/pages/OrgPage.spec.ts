import { makeCreditCode } from '@qh/domain';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle } from '../../../testing/app';
import type { MyOrganisation } from '../org-api';
import { buyerIn, CREDIT_CODE, myOrganisation } from '../testing/fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

type Handler = (request: Request) => Response | Promise<Response>;

/** A buyer opening /org; `organisation` null: they belong to none (the API's 404). */
async function openOrg(organisation: MyOrganisation | null, routes: Record<string, Handler> = {}) {
  const api = fakeSessionApi(buyerIn(organisation), {
    'GET /api/org': () => (organisation ? jsonResponse(200, organisation) : errorResponse(404, 'ORGANISATION_NOT_FOUND')),
    ...routes,
  });
  ({ wrapper } = await mountApp({ path: '/org' }));
  await settle();
  return { app: wrapper!, api };
}

async function fillRegistration(app: VueWrapper, creditCode = CREDIT_CODE) {
  await app.get('[data-testid="org-register-name"]').setValue(' 广州市天河区机关事务管理局饭堂 ');
  await app.get('[data-testid="org-register-credit-code"]').setValue(creditCode.toLowerCase());
  await app.get('[data-testid="org-register-type"]').setValue('PUBLIC_INSTITUTION');
  await app.get('[data-testid="org-register-budget-unit"]').setValue(true);
  await app.get('[data-testid="org-register-district"]').setValue('440106');
  await app.get('[data-testid="org-register-canteen"]').setValue(true);
  await app.get('[data-testid="org-register-contact-name"]').setValue('李建华');
  await app.get('[data-testid="org-register-contact-mobile"]').setValue('13800138000');
}

async function submit(app: VueWrapper, form: string) {
  await app.get(`[data-testid="${form}-form"]`).trigger('submit');
  await settle();
}

describe('OrgPage', () => {
  it('offers a buyer without an organisation the registration, and says what verification means', async () => {
    const { app } = await openOrg(null);

    expect(app.get('h1').text()).toBe('单位采购入驻');
    const intro = app.get('[data-testid="org-register-intro"]');
    expect(intro.get('h2').text()).toBe('审核是怎么回事');
    expect(intro.text()).toContain('平台管理员会核对统一社会信用代码与单位名称、类型是否一致。');
    expect(intro.text()).toContain('审核通过后才能以单位名义下单');
    expect(app.get('label[for="org-register-credit-code"]').text()).toBe('统一社会信用代码');
    expect(app.findAll('[data-testid="org-register-type"] option').map((option) => option.text())).toContain('事业单位');
  });

  it('names the wrong check character of a credit code as soon as all 18 are typed, without calling the API', async () => {
    const { app, api } = await openOrg(null);
    const wrong = CREDIT_CODE.slice(0, 17) + (CREDIT_CODE[17] === 'X' ? 'Y' : 'X');

    await app.get('[data-testid="org-register-credit-code"]').setValue(wrong);

    const error = app.get('[data-testid="org-register-credit-code-error"]');
    expect(error.text()).toBe(`校验位不对：按前 17 位，第 18 位应为 ${CREDIT_CODE[17]}，现在是 ${wrong[17]}。请逐位核对。`);
    expect(app.get('[data-testid="org-register-credit-code"]').attributes('aria-describedby')).toContain(error.attributes('id'));

    await submit(app, 'org-register');
    expect(app.get('[data-testid="org-register-name-error"]').text()).toBe('请填写此项。');
    expect(app.get('[data-testid="org-register-type-error"]').text()).toBe('请选择一项。');
    expect(app.get('[data-testid="org-register-error"]').text()).toBe('有 6 处需要修改，请查看标出的项目。');
    expect(api.callsTo('POST', '/api/org')).toHaveLength(0);
  });

  it('registers the organisation with what the API takes, then shows it waiting for the platform', async () => {
    const registered = myOrganisation();
    const { app, api } = await openOrg(null, {
      'POST /api/org': () => jsonResponse(201, registered),
      'GET /api/me': () => jsonResponse(200, buyerIn(registered)),
    });

    await fillRegistration(app);
    await submit(app, 'org-register');

    expect(await api.callsTo('POST', '/api/org')[0]!.json()).toEqual({
      name: '广州市天河区机关事务管理局饭堂',
      creditCode: CREDIT_CODE,
      type: 'PUBLIC_INSTITUTION',
      districtCode: '440106',
      budgetUnit: true,
      hasCanteen: true,
      contactName: '李建华',
      contactMobile: '13800138000',
    });
    expect(app.get('[data-testid="org-notice"]').text()).toBe('已提交，等待平台审核。');
    expect(app.get('[data-testid="org-status"]').attributes('data-status')).toBe('PENDING');
    // The account menu follows: the session read the account again.
    expect(api.callsTo('GET', '/api/me')).toHaveLength(1);
    expect(app.get('[data-testid="account-link-org"]').text()).toBe('我的单位');
  });

  it('shows the problems the API found next to their fields', async () => {
    const { app } = await openOrg(null, {
      'POST /api/org': () =>
        jsonResponse(400, {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Validation failed',
          details: [{ field: 'contactMobile', problems: ['contactMobile must be a mainland mobile number'], rules: ['matches'] }],
        }),
    });

    await fillRegistration(app);
    await submit(app, 'org-register');

    expect(app.get('[data-testid="org-register-error"]').text()).toBe('提交的信息不完整或格式不正确，请检查后重试。');
    const mobile = app.get('[data-testid="org-register-contact-mobile"]');
    expect(app.get('[data-testid="org-register-contact-mobile-error"]').text()).toBe('服务器未接受此项：格式不正确');
    expect(mobile.attributes('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(mobile.element);
  });

  it('tells the buyer when the credit code is registered already, at the code', async () => {
    const { app } = await openOrg(null, { 'POST /api/org': () => errorResponse(409, 'CREDIT_CODE_TAKEN') });

    await fillRegistration(app, makeCreditCode('12440106MB2C39486'));
    await submit(app, 'org-register');

    expect(app.get('[data-testid="org-register-error"]').text()).toBe(
      '这个统一社会信用代码已经登记过单位。如果是你的单位，请让单位管理员邀请你加入。',
    );
    expect(app.get('[data-testid="org-register-credit-code-error"]').text()).toBe('这个代码已经登记过单位。');
  });

  it('shows a pending organisation waiting for review, with the buyer’s roles', async () => {
    const { app } = await openOrg(myOrganisation({ roles: ['PURCHASER', 'MANAGER'] }));

    expect(app.get('h1').text()).toBe('我的单位');
    const banner = app.get('[data-testid="org-status"]');
    expect(banner.attributes('data-status')).toBe('PENDING');
    expect(banner.text()).toContain('等待平台审核');
    expect(app.get('[data-testid="org-your-roles"]').text()).toBe('管理员、采购员');
    expect(app.get('[data-testid="org-credit-code"]').text()).toBe(CREDIT_CODE);
    expect(app.get('[data-testid="org-profile"]').text()).toContain('天河区');
    // A purchaser is offered a new order beside the organisation's orders; every member sees the account and the reserved share.
    expect(app.findAll('nav[aria-label="单位管理"] a').map((link) => link.attributes('href'))).toEqual([
      '/org',
      '/org/members',
      '/org/sites',
      '/org/invoices',
      '/org/orders',
      '/org/orders/new',
      '/org/statements',
      '/org/progress',
    ]);
  });

  it('shows a manager why the organisation was rejected and sends only what they corrected', async () => {
    const rejected = myOrganisation({ status: 'REJECTED', rejectionReason: '单位名称与统一社会信用代码证书不一致' });
    const { app, api } = await openOrg(rejected, {
      'PATCH /api/org': () => jsonResponse(200, { ...rejected, status: 'PENDING', rejectionReason: null, name: '广州市天河区机关饭堂' }),
    });

    expect(app.get('[data-testid="org-status"]').attributes('data-status')).toBe('REJECTED');
    expect(app.get('[data-testid="org-rejection-reason"]').text()).toBe('原因：单位名称与统一社会信用代码证书不一致');
    // The form is open at once, filled in.
    expect((app.get('[data-testid="org-edit-name"]').element as HTMLInputElement).value).toBe(rejected.name);

    await app.get('[data-testid="org-edit-name"]').setValue('广州市天河区机关饭堂');
    await submit(app, 'org-edit');

    expect(await api.callsTo('PATCH', '/api/org')[0]!.json()).toEqual({ name: '广州市天河区机关饭堂' });
    expect(app.get('[data-testid="org-notice"]').text()).toBe('已修改并重新提交，等待平台审核。');
    expect(app.get('[data-testid="org-status"]').attributes('data-status')).toBe('PENDING');
  });

  it('keeps what the admin checked read-only once verified', async () => {
    const verified = myOrganisation({ status: 'VERIFIED', verifiedAt: '2026-03-05T02:00:00.000Z' });
    const { app, api } = await openOrg(verified, { 'PATCH /api/org': () => jsonResponse(200, { ...verified, contactName: '陈晓岚' }) });

    expect(app.get('[data-testid="org-status"]').text()).toContain('已通过平台审核');
    await app.get('[data-testid="org-edit-toggle"]').trigger('click');
    for (const field of ['name', 'name-en', 'credit-code', 'type', 'budget-unit']) {
      expect(app.get(`[data-testid="org-edit-${field}"]`).attributes('disabled'), field).toBeDefined();
    }
    expect(app.get('[data-testid="org-edit-contact-name"]').attributes('disabled')).toBeUndefined();

    await app.get('[data-testid="org-edit-contact-name"]').setValue('陈晓岚');
    await submit(app, 'org-edit');

    expect(await api.callsTo('PATCH', '/api/org')[0]!.json()).toEqual({ contactName: '陈晓岚' });
    expect(app.get('[data-testid="org-notice"]').text()).toBe('修改已保存。');
  });

  it('shows a member who is not a manager the profile without the edit form', async () => {
    const { app } = await openOrg(myOrganisation({ roles: ['PURCHASER'], status: 'REJECTED', rejectionReason: '请补充联系人' }));

    expect(app.get('[data-testid="org-status"]').text()).toContain('请单位管理员按原因修改后重新提交。');
    expect(app.find('[data-testid="org-edit"]').exists()).toBe(false);
    expect(app.get('[data-testid="org-not-manager"]').text()).toBe('只有单位管理员可以修改单位信息。');
  });

  it('shows every member the approval rule, and lets a manager set the threshold in yuan, sent exactly in fen', async () => {
    const verified = myOrganisation({ status: 'VERIFIED', approvalThresholdFen: 100_000, approvalHoldHours: 48 });
    const { app, api } = await openOrg(verified, {
      'PATCH /api/org': async (request) => jsonResponse(200, { ...verified, ...((await request.json()) as object) }),
    });
    expect(app.get('[data-testid="org-approval-rule"]').text()).toBe(
      '合计 ¥1,000.00 及以上的采购单，要由单位审批人审批通过后才能付款或记账。审批期间商品保留 48 小时，超时未审批自动取消。',
    );

    await app.get('[data-testid="org-approval-toggle"]').trigger('click');
    expect((app.get('[data-testid="org-approval-threshold"]').element as HTMLInputElement).value).toBe('1000.00');
    await app.get('[data-testid="org-approval-threshold"]').setValue('¥5,000.00');
    await submit(app, 'org-approval');

    expect(await api.callsTo('PATCH', '/api/org')[0]!.json()).toEqual({ approvalThresholdFen: 500_000 });
    expect(app.get('[data-testid="org-approval-notice"]').text()).toBe('审批规则已保存。');
    expect(app.get('[data-testid="org-approval-rule"]').text()).toContain('合计 ¥5,000.00 及以上的采购单');
  });

  it('checks the threshold and hold hours before sending them', async () => {
    const { app, api } = await openOrg(myOrganisation({ status: 'VERIFIED' }));

    await app.get('[data-testid="org-approval-toggle"]').trigger('click');
    await app.get('[data-testid="org-approval-threshold"]').setValue('5000.555');
    await app.get('[data-testid="org-approval-hours"]').setValue('200');
    await submit(app, 'org-approval');

    expect(app.get('[data-testid="org-approval-threshold-error"]').text()).toBe(
      '请填写以元为单位的金额，最多两位小数，例如 5000 或 5000.50。',
    );
    expect(app.get('[data-testid="org-approval-hours-error"]').text()).toBe('请填写 1–168 之间的整数。');
    expect(api.callsTo('PATCH', '/api/org')).toHaveLength(0);
  });

  it('shows a member who is not a manager the approval rule without a way to change it', async () => {
    const { app } = await openOrg(myOrganisation({ status: 'VERIFIED', roles: ['APPROVER'], approvalThresholdFen: 0 }));

    expect(app.get('[data-testid="org-approval-rule"]').text()).toContain('每张采购单都要由单位审批人审批通过后才能付款或记账');
    expect(app.find('[data-testid="org-approval-toggle"]').exists()).toBe(false);
  });
});
