import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeSessionApi, jsonResponse, mountApp, settle } from '../../../testing/app';
import type { DeliverySite, MyOrganisation } from '../org-api';
import { buyerIn, deliverySite, myOrganisation } from '../testing/fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

type Handler = (request: Request) => Response | Promise<Response>;

async function openSites(organisation: MyOrganisation, sites: DeliverySite[], routes: Record<string, Handler> = {}) {
  const api = fakeSessionApi(buyerIn(organisation), {
    'GET /api/org': () => jsonResponse(200, organisation),
    'GET /api/org/sites': () => jsonResponse(200, { items: sites }),
    ...routes,
  });
  ({ wrapper } = await mountApp({ path: '/org/sites' }));
  await settle();
  return { app: wrapper!, api };
}

async function fillSite(app: VueWrapper) {
  await app.get('[data-testid="org-site-name"]').setValue('机关二食堂');
  await app.get('[data-testid="org-site-district"]').setValue('440104');
  await app.get('[data-testid="org-site-street"]').setValue('东风中路 305 号 后门卸货区');
  await app.get('[data-testid="org-site-contact-name"]').setValue('刘师傅');
  await app.get('[data-testid="org-site-contact-mobile"]').setValue('13700137000');
}

describe('OrgSitesPage', () => {
  it('shows each site with its receiving hours in words', async () => {
    const { app } = await openSites(myOrganisation({ roles: ['PURCHASER'] }), [
      deliverySite(),
      deliverySite({ id: 'site-2', name: '仓库', receivingWindows: [], driverNotes: null }),
    ]);

    const [canteen, store] = app.findAll('[data-testid="org-site"]');
    expect(canteen!.get('h2').text()).toBe('机关一食堂');
    expect(canteen!.text()).toContain('天河区 天府路 1 号');
    expect(canteen!.get('[data-testid="org-site-windows"]').text()).toBe('周一至周五 06:30–10:00');
    expect(canteen!.text()).toContain('从东门进，卸货区限高 3.2 米');
    expect(store!.get('[data-testid="org-site-windows"]').text()).toBe('任何时间');
    // Not a manager: no changes offered.
    expect(app.find('[data-testid="org-site-add"]').exists()).toBe(false);
    expect(app.find('[data-testid="org-site-edit"]').exists()).toBe(false);
    expect(app.find('[data-testid="org-site-remove"]').exists()).toBe(false);
  });

  it('lets a manager add a site with a receiving window', async () => {
    const created = deliverySite({
      id: 'site-2',
      name: '机关二食堂',
      districtCode: '440104',
      street: '东风中路 305 号 后门卸货区',
      contactName: '刘师傅',
      contactMobile: '13700137000',
      receivingWindows: [{ weekdays: [1, 2, 3, 4, 6], from: '06:30', to: '10:00' }],
      driverNotes: null,
    });
    const { app, api } = await openSites(myOrganisation(), [], { 'POST /api/org/sites': () => jsonResponse(201, created) });
    expect(app.get('[data-testid="org-sites-empty"]').text()).toBe('还没有收货点。添加一个，下单时就可以选择送到哪里。');

    await app.get('[data-testid="org-site-add"]').trigger('click');
    await fillSite(app);
    await app.get('[data-testid="site-window-add"]').trigger('click');
    const window = app.get('[data-testid="site-window"]');
    expect(window.get('legend').text()).toBe('收货时段 1');
    expect(window.get('[data-testid="site-window-day-1"]').element.closest('label')!.textContent).toContain('星期一');
    // A new window starts with the working week; this canteen takes goods Monday to Thursday and on Saturday.
    await window.get('[data-testid="site-window-day-5"]').setValue(false);
    await window.get('[data-testid="site-window-day-6"]').setValue(true);
    await window.get('[data-testid="site-window-from"]').setValue('06:30');
    await window.get('[data-testid="site-window-to"]').setValue('10:00');
    await app.get('[data-testid="org-site-form"]').trigger('submit');
    await settle();

    expect(await api.callsTo('POST', '/api/org/sites')[0]!.json()).toEqual({
      name: '机关二食堂',
      districtCode: '440104',
      street: '东风中路 305 号 后门卸货区',
      contactName: '刘师傅',
      contactMobile: '13700137000',
      receivingWindows: [{ weekdays: [1, 2, 3, 4, 6], from: '06:30', to: '10:00' }],
      driverNotes: null,
    });
    expect(app.find('[data-testid="org-site-form"]').exists()).toBe(false);
    expect(app.get('[data-testid="org-sites-notice"]').text()).toBe('已添加收货点“机关二食堂”。');
    expect(app.get('[data-testid="org-site-windows"]').text()).toBe('周一至周四、周六 06:30–10:00');
  });

  it('checks each window before sending: a day, both times, and an end after the start', async () => {
    const { app, api } = await openSites(myOrganisation(), []);

    await app.get('[data-testid="org-site-add"]').trigger('click');
    await fillSite(app);
    await app.get('[data-testid="site-window-add"]').trigger('click');
    await app.get('[data-testid="site-window-add"]').trigger('click');
    const [first, second] = app.findAll('[data-testid="site-window"]');
    for (const day of [1, 2, 3, 4, 5]) await first!.get(`[data-testid="site-window-day-${day}"]`).setValue(false);
    await first!.get('[data-testid="site-window-from"]').setValue('08:00');
    await first!.get('[data-testid="site-window-to"]').setValue('09:00');
    await second!.get('[data-testid="site-window-from"]').setValue('11:00');
    await second!.get('[data-testid="site-window-to"]').setValue('10:00');
    await app.get('[data-testid="org-site-form"]').trigger('submit');
    await settle();

    expect(first!.text()).toContain('至少选择一天。');
    expect(first!.get('fieldset fieldset').attributes('aria-invalid')).toBe('true');
    expect(second!.get('[data-testid="site-window-to-error"]').text()).toBe('结束时间要晚于开始时间。');
    expect(api.callsTo('POST', '/api/org/sites')).toHaveLength(0);

    // A window removed is not sent.
    await first!.get('[data-testid="site-window-remove"]').trigger('click');
    expect(app.findAll('[data-testid="site-window"]')).toHaveLength(1);
    expect(app.get('[data-testid="site-window"] legend').text()).toBe('收货时段 1');
  });

  it('lets a manager change a site and remove another', async () => {
    const { app, api } = await openSites(myOrganisation(), [deliverySite(), deliverySite({ id: 'site-2', name: '仓库' })], {
      'PATCH /api/org/sites/site-1': () => jsonResponse(200, deliverySite({ contactName: '陈师傅' })),
      'DELETE /api/org/sites/site-2': () => new Response(null, { status: 204 }),
    });

    await app.get('[data-testid="org-site-edit"]').trigger('click');
    expect((app.get('[data-testid="org-site-name"]').element as HTMLInputElement).value).toBe('机关一食堂');
    await app.get('[data-testid="org-site-contact-name"]').setValue('陈师傅');
    await app.get('[data-testid="org-site-form"]').trigger('submit');
    await settle();

    const body = await api.callsTo('PATCH', '/api/org/sites/site-1')[0]!.json();
    expect(body).toMatchObject({ contactName: '陈师傅', receivingWindows: [{ weekdays: [1, 2, 3, 4, 5], from: '06:30', to: '10:00' }] });
    expect(app.get('[data-testid="org-sites-notice"]').text()).toBe('收货点“机关一食堂”已保存。');

    const store = app.get('[data-testid="org-site"][data-id="site-2"]');
    await store.get('[data-testid="org-site-remove"]').trigger('click');
    await store.get('[data-testid="org-site-remove-confirm"]').trigger('click');
    await settle();

    expect(api.callsTo('DELETE', '/api/org/sites/site-2')).toHaveLength(1);
    expect(app.findAll('[data-testid="org-site"]').map((site) => site.attributes('data-id'))).toEqual(['site-1']);
  });
});
