import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const household = (overrides: object = {}) => ({
  id: 'h-1',
  code: 'NY-000001',
  townshipCode: '520525202',
  townshipName: '厍东关彝族白族苗族乡',
  village: '桃营村',
  members: 4,
  registeredYear: 2015,
  exitYear: 2019,
  status: 'LIFTED',
  idMasked: '5205**********001X',
  links: [
    {
      id: 'l-1',
      cooperativeId: 'c-1',
      cooperativeName: '厍东关樱桃合作社',
      mechanism: 'EMPLOYMENT',
      weight: 3,
      validFrom: '2020-01-01',
      validTo: null,
    },
  ],
  updatedAt: '2026-11-29T00:00:00Z',
  ...overrides,
});

async function openRegistry(routes: Parameters<typeof fakeSessionApi>[1] = {}) {
  const server = fakeSessionApi(userWithRole('admin'), {
    'GET /api/admin/households': () => jsonResponse(200, { items: [household()], nextCursor: null }),
    'GET /api/admin/cooperatives': () => jsonResponse(200, { items: [], nextCursor: null }),
    ...routes,
  });
  ({ wrapper } = await mountApp({ path: '/admin/households' }));
  await settle();
  return { app: wrapper!, server };
}

describe('the household registry page', () => {
  it('lists households with the ID masked and shows a head’s name only when asked', async () => {
    const { app, server } = await openRegistry({
      'GET /api/admin/households/h-1/name': () => jsonResponse(200, { id: 'h-1', code: 'NY-000001', headName: '王秀英' }),
    });

    const row = app.get('[data-testid="household-row"][data-code="NY-000001"]');
    expect(row.get('[data-testid="household-id"]').text()).toBe('5205**********001X');
    expect(row.text()).toContain('厍东关樱桃合作社 · 务工就业');
    expect(row.find('[data-testid="household-name"]').exists()).toBe(false);
    await row.get('[data-testid="household-reveal"]').trigger('click');
    await settle();
    expect(row.get('[data-testid="household-name"]').text()).toBe('王秀英');
    expect(server.callsTo('GET', '/api/admin/households/h-1/name')).toHaveLength(1);
  });

  it('registers a household and says when the ID number is already registered', async () => {
    const { app, server } = await openRegistry({ 'POST /api/admin/households': () => errorResponse(409, 'HOUSEHOLD_DUPLICATE') });
    await app.get('[data-testid="household-village"]').setValue('桃营村');
    await app.get('[data-testid="household-head"]').setValue('李四');
    await app.get('[data-testid="household-id-number"]').setValue('52052519760315010X');
    await app.get('[data-testid="household-form"]').trigger('submit');
    await settle();

    const [call] = server.callsTo('POST', '/api/admin/households');
    expect(await call!.json()).toMatchObject({
      village: '桃营村',
      headName: '李四',
      idNumber: '52052519760315010X',
      townshipCode: '520525001',
    });
    expect(app.get('[data-testid="household-error"]').text()).toBe('这个身份证号已经登记过了。');
  });

  it('edits a household, leaving the name and ID number alone unless corrected, and shows what the API refused', async () => {
    let answer = () => jsonResponse(200, household({ members: 5, status: 'MONITORED' }));
    const { app, server } = await openRegistry({ 'PATCH /api/admin/households/h-1': () => answer() });
    const row = () => app.get('[data-testid="household-row"][data-code="NY-000001"]');
    await row().get('[data-testid="household-edit"]').trigger('click');
    expect((app.get('[data-testid="household-edit-village"]').element as HTMLInputElement).value).toBe('桃营村');
    await app.get('[data-testid="household-edit-members"]').setValue('5');
    await app.get('[data-testid="household-edit-status"]').setValue('MONITORED');
    await app.get('[data-testid="household-edit-form"]').trigger('submit');
    await settle();

    const [call] = server.callsTo('PATCH', '/api/admin/households/h-1');
    const body = await call!.json();
    expect(body).toEqual({ village: '桃营村', members: 5, registeredYear: 2015, exitYear: 2019, status: 'MONITORED' });
    expect(row().findAll('td')[2]!.text()).toBe('5');
    expect(app.find('[data-testid="household-edit-form"]').exists()).toBe(false);

    answer = () => errorResponse(409, 'HOUSEHOLD_DUPLICATE');
    await row().get('[data-testid="household-edit"]').trigger('click');
    await app.get('[data-testid="household-edit-id"]').setValue('52052519760315010X');
    await app.get('[data-testid="household-edit-form"]').trigger('submit');
    await settle();
    expect(await server.callsTo('PATCH', '/api/admin/households/h-1')[1]!.json()).toMatchObject({ idNumber: '52052519760315010X' });
    expect(app.get('[data-testid="household-row-error"]').text()).toBe('这个身份证号已经登记过了。');
    expect(app.find('[data-testid="household-edit-form"]').exists()).toBe(true);
  });

  it('ends a link on the day chosen', async () => {
    const ended = household({ links: [{ ...household().links[0], validTo: '2026-12-31' }] });
    const { app, server } = await openRegistry({ 'PATCH /api/admin/households/h-1/links/l-1': () => jsonResponse(200, ended) });
    await app.get('[data-testid="household-link-end"]').trigger('click');
    await app.get('[data-testid="household-link-end-day"]').setValue('2026-12-31');
    await app.get('[data-testid="household-link-end-confirm"]').trigger('submit');
    await settle();

    const [call] = server.callsTo('PATCH', '/api/admin/households/h-1/links/l-1');
    expect(await call!.json()).toEqual({ validTo: '2026-12-31' });
    expect(app.get('[data-testid="household-link"]').text()).toContain('2020-01-01–2026-12-31');
  });

  it('sends a CSV as multipart and shows the row-by-row report', async () => {
    const { app, server } = await openRegistry({
      'POST /api/admin/households/import': () =>
        jsonResponse(201, {
          rows: 3,
          imported: 2,
          codes: ['NY-000041', 'NY-000042'],
          rejected: [
            {
              line: 3,
              problems: [
                { field: 'id_number', problems: ['not a valid resident ID number'], rules: ['residentId'] },
                { field: 'status', problems: ['status must be one of …'], rules: ['isIn'] },
                { field: 'village', problems: ['a rule the shop has no words for'], rules: ['somethingNew'] },
              ],
            },
          ],
        }),
    });
    const input = app.get('[data-testid="household-import-file"]');
    Object.defineProperty(input.element, 'files', {
      value: [new File(['township_code,village\n'], 'households.csv', { type: 'text/csv' })],
    });
    await input.trigger('change');
    await app.get('[data-testid="household-import-run"]').trigger('click');
    await settle();

    const [call] = server.callsTo('POST', '/api/admin/households/import');
    expect(call!.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(app.get('[data-testid="household-import-report"]').text()).toContain('共 3 行，导入 2 行，1 行未导入。');
    // In Chinese, whatever the API's English says.
    expect(app.get('[data-testid="household-import-rejection"]').text()).toBe(
      '第 3 行：身份证号码：不是有效的身份证号码（校验位或出生日期不对）、状态：不是允许的取值、村：不正确',
    );
  });
});
