import { makeResidentId, maskResidentId } from '@qh/domain';
import fastify from 'fastify';
import request from 'supertest';
import { tokenFor } from '../support/accounts';
import { scanForIdNumbers, startTestApp, type TestApp } from '../support/test-app';

const SHEDONGGUAN = '520525202';
let sequence = 100;
/** A fresh valid ID number from Nayong, different each call. */
const newIdNumber = () => makeResidentId('520525', '19760315', String((sequence += 2)).padStart(3, '0'));
/** The same digits with a wrong check character. */
const withWrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');

describe('the household registry', () => {
  let t: TestApp;
  let admin: string;
  let cooperativeId: string;

  beforeAll(async () => {
    t = await startTestApp({}, { demoData: true });
    admin = await tokenFor(t, 'admin');
    [{ id: cooperativeId }] = (await t.sql(`SELECT id FROM cooperative WHERE status = 'VERIFIED' ORDER BY name_zh LIMIT 1`)) as {
      id: string;
    }[];
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) => request(t.url).post(path).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) => request(t.url).patch(path).set('Authorization', `Bearer ${token}`).send(body),
    upload: (path: string, csv: string | Buffer) =>
      request(t.url)
        .post(path)
        .set('Authorization', `Bearer ${token}`)
        .attach('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv, 'utf8'), 'households.csv'),
  });
  const household = (overrides: object = {}) => ({
    townshipCode: SHEDONGGUAN,
    village: '桃营村',
    members: 4,
    registeredYear: 2015,
    exitYear: 2019,
    status: 'LIFTED',
    headName: '王秀英',
    idNumber: newIdNumber(),
    ...overrides,
  });
  const count = async () => Number((await t.sql(`SELECT count(*) FROM household`))[0].count);
  const auditOf = (action: string) =>
    t.sql(`SELECT actor_account_id, before, after FROM audit_log WHERE action = $1 ORDER BY id`, [action]);

  it('registers a household with its name and ID number sealed, and shows the ID masked only', async () => {
    const entry = household();
    const { body } = await as(admin).post('/api/admin/households', entry).expect(201);

    expect(body).toMatchObject({
      code: expect.stringMatching(/^NY-\d{6}$/),
      townshipName: '厍东关彝族白族苗族乡',
      idMasked: maskResidentId(entry.idNumber),
    });
    expect(JSON.stringify(body)).not.toContain(entry.headName);
    const [stored] = await t.sql(`SELECT head_name_enc, id_number_enc, id_hmac FROM household WHERE id = $1`, [body.id]);
    for (const sealed of [stored.head_name_enc, stored.id_number_enc] as Buffer[]) {
      expect(sealed.toString('utf8')).not.toContain(entry.headName);
      expect(sealed.toString('utf8')).not.toContain(entry.idNumber);
    }
    const [audit] = await auditOf('household.created');
    expect(JSON.stringify(audit)).not.toContain(entry.idNumber);
    expect(JSON.stringify(audit)).not.toContain(entry.headName);
    // Codes continue after the demo's 40.
    expect(Number(body.code.slice(3))).toBeGreaterThan(40);
  });

  it('refuses a wrong check character, a township outside Nayong and a duplicate, without echoing the number', async () => {
    const before = await count();
    const wrong = withWrongCheck(newIdNumber());
    const refused = await as(admin)
      .post('/api/admin/households', household({ idNumber: wrong }))
      .expect(400);
    expect(refused.body.details).toEqual([
      { field: 'idNumber', problems: [expect.stringContaining('check character')], rules: ['residentId'] },
    ]);
    expect(JSON.stringify(refused.body)).not.toContain(wrong.slice(0, 17));
    expect(
      (
        await as(admin)
          .post('/api/admin/households', household({ townshipCode: '440106001' }))
          .expect(400)
      ).body.details[0].field,
    ).toBe('townshipCode');
    expect(
      (
        await as(admin)
          .post('/api/admin/households', household({ exitYear: 2014, registeredYear: 2016 }))
          .expect(400)
      ).body.details[0].field,
    ).toBe('exitYear');

    const entry = household();
    await as(admin).post('/api/admin/households', entry).expect(201);
    // Lower-case x is the same person as upper-case X: the HMAC is taken over the normalised number.
    const again = await as(admin)
      .post('/api/admin/households', household({ idNumber: entry.idNumber.toLowerCase(), headName: '别人' }))
      .expect(409);
    expect(again.body.code).toBe('HOUSEHOLD_DUPLICATE');
    expect(again.body.message).not.toMatch(/NY-/);
    expect(await count()).toBe(before + 1);
  });

  it('shows a head’s name only on request, and writes down who read it', async () => {
    const entry = household({ headName: '杨光明' });
    const { body } = await as(admin).post('/api/admin/households', entry).expect(201);
    const reads = (await auditOf('household.name_read')).length;

    const { body: name } = await as(admin).get(`/api/admin/households/${body.id}/name`).expect(200);

    expect(name).toEqual({ id: body.id, code: body.code, headName: '杨光明' });
    const audit = await auditOf('household.name_read');
    expect(audit).toHaveLength(reads + 1);
    expect(JSON.stringify(audit[audit.length - 1])).not.toContain('杨光明');
    expect((await as(admin).get(`/api/admin/households/7d4f3c2a-1b0e-4f5a-9c8d-2e1f0a9b8c7d/name`).expect(404)).body.code).toBe(
      'HOUSEHOLD_NOT_FOUND',
    );
    for (const role of ['buyer', 'official'] as const) {
      expect(
        (
          await as(await tokenFor(t, role))
            .get(`/api/admin/households/${body.id}/name`)
            .expect(403)
        ).body.code,
      ).toBe('FORBIDDEN');
    }
  });

  it('edits a household, re-sealing a corrected ID number and refusing one that belongs to another', async () => {
    const first = household();
    const other = household();
    const { body } = await as(admin).post('/api/admin/households', first).expect(201);
    await as(admin).post('/api/admin/households', other).expect(201);
    const corrected = newIdNumber();

    const { body: edited } = await as(admin).patch(`/api/admin/households/${body.id}`, { members: 6, idNumber: corrected }).expect(200);
    expect(edited).toMatchObject({ members: 6, idMasked: maskResidentId(corrected) });
    expect((await as(admin).patch(`/api/admin/households/${body.id}`, { idNumber: other.idNumber }).expect(409)).body.code).toBe(
      'HOUSEHOLD_DUPLICATE',
    );
    expect((await as(admin).patch(`/api/admin/households/${body.id}`, { exitYear: 2010 }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await as(admin).patch(`/api/admin/households/${body.id}`, { members: 0 }).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('links a household to a cooperative for a period, and ends the link', async () => {
    const { body } = await as(admin).post('/api/admin/households', household()).expect(201);
    const link = { cooperativeId, mechanism: 'EMPLOYMENT', weight: 3, validFrom: '2026-01-01' };

    const { body: linked } = await as(admin).post(`/api/admin/households/${body.id}/links`, link).expect(201);
    expect(linked.links).toEqual([expect.objectContaining({ ...link, validTo: null, cooperativeName: expect.any(String) })]);
    const linkId = linked.links[0].id;
    const { body: ended } = await as(admin)
      .patch(`/api/admin/households/${body.id}/links/${linkId}`, { validTo: '2026-06-30', weight: 5 })
      .expect(200);
    expect(ended.links[0]).toMatchObject({ validTo: '2026-06-30', weight: 5 });

    expect(
      (await as(admin).patch(`/api/admin/households/${body.id}/links/${linkId}`, { validTo: '2025-12-31' }).expect(400)).body.code,
    ).toBe('VALIDATION_FAILED');
    expect(
      (
        await as(admin)
          .post(`/api/admin/households/${body.id}/links`, { ...link, cooperativeId: '7d4f3c2a-1b0e-4f5a-9c8d-2e1f0a9b8c7d' })
          .expect(404)
      ).body.code,
    ).toBe('COOPERATIVE_NOT_FOUND');
    expect(
      (
        await as(admin)
          .post(`/api/admin/households/${body.id}/links`, { ...link, mechanism: 'CHARITY' })
          .expect(400)
      ).body.code,
    ).toBe('VALIDATION_FAILED');

    const { body: page } = await as(admin).get(`/api/admin/households?cooperativeId=${cooperativeId}&limit=100`).expect(200);
    expect(page.items.map((h: { id: string }) => h.id)).toContain(body.id);
  });

  it('lists households by code with filters and keyset pages', async () => {
    const first = await as(admin).get(`/api/admin/households?townshipCode=${SHEDONGGUAN}&limit=3`).expect(200);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.items.every((h: { townshipCode: string }) => h.townshipCode === SHEDONGGUAN)).toBe(true);
    const second = await as(admin)
      .get(`/api/admin/households?townshipCode=${SHEDONGGUAN}&limit=3&cursor=${first.body.nextCursor}`)
      .expect(200);
    const codes = [...first.body.items, ...second.body.items].map((h: { code: string }) => h.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    expect((await as(admin).get('/api/admin/households?status=POOR').expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  describe('CSV import', () => {
    const HEADER = 'township_code,village,members,registered_year,exit_year,status,head_name,id_number';
    const row = (id: string, overrides: Partial<Record<'township' | 'members' | 'status' | 'name', string>> = {}) =>
      [
        overrides.township ?? SHEDONGGUAN,
        '"桃营村, 二组"',
        overrides.members ?? '3',
        '2015',
        '2018',
        overrides.status ?? '脱贫户',
        overrides.name ?? '李四',
        id,
      ].join(',');

    it('adds the valid rows and reports each refused one by line and column, never with the number', async () => {
      const existing = household();
      await as(admin).post('/api/admin/households', existing).expect(201);
      const good = [newIdNumber(), newIdNumber(), newIdNumber()];
      const wrong = withWrongCheck(newIdNumber());
      const csv = [
        HEADER,
        row(good[0]),
        row(wrong),
        row(good[1], { township: '110105001' }),
        row(good[1]),
        row(good[1], { name: '重复' }),
        row(existing.idNumber),
        row(newIdNumber(), { members: 'four' }),
        row(good[2], { status: 'MONITORED' }),
      ].join('\r\n');
      const before = await count();

      const { body: report } = await as(admin)
        .upload('/api/admin/households/import', '\uFEFF' + csv)
        .expect(201);

      expect(report).toMatchObject({ rows: 8, imported: 3 });
      expect(report.codes).toHaveLength(3);
      expect(report.rejected).toEqual([
        { line: 3, problems: [{ field: 'id_number', problems: [expect.stringContaining('check character')], rules: ['residentId'] }] },
        { line: 4, problems: [{ field: 'township_code', problems: [expect.any(String)], rules: ['isIn'] }] },
        { line: 6, problems: [{ field: 'id_number', problems: ['the same ID number as line 5'], rules: ['duplicate'] }] },
        // Which household is never said: with the mask it would turn a guessed ID number into a known one.
        { line: 7, problems: [{ field: 'id_number', problems: ['already registered'], rules: ['registered'] }] },
        { line: 8, problems: [{ field: 'members', problems: expect.any(Array), rules: expect.arrayContaining(['isInt']) }] },
      ]);
      expect(await count()).toBe(before + 3);
      for (const id of [...good, wrong, existing.idNumber]) expect(JSON.stringify(report)).not.toContain(id.slice(0, 17));
      const { body: imported } = await as(admin).get(`/api/admin/households?q=${report.codes[2]}`).expect(200);
      expect(imported.items[0]).toMatchObject({ village: '桃营村, 二组', status: 'MONITORED', idMasked: maskResidentId(good[2]) });
      const [audit] = (await auditOf('household.imported')).slice(-1);
      expect(audit.after).toMatchObject({ rows: 8, imported: 3, rejected: 5 });
    });

    it('checks without adding on a dry run', async () => {
      const before = await count();
      const { body } = await as(admin)
        .upload('/api/admin/households/import?dryRun=true', [HEADER, row(newIdNumber())].join('\n'))
        .expect(201);
      expect(body).toMatchObject({ rows: 1, imported: 0, rejected: [] });
      expect(await count()).toBe(before);
      // Checking reads the registry: the audit log says who checked how many rows.
      const [audit] = (await auditOf('household.import_checked')).slice(-1);
      expect(audit).toMatchObject({
        actor_account_id: expect.any(String),
        after: { rows: 1, imported: 0, rejected: 0, alreadyRegistered: 0 },
      });
    });

    it('refuses a file it cannot read as a whole: wrong header, not UTF-8, broken quotes, too large', async () => {
      const before = await count();
      expect((await as(admin).upload('/api/admin/households/import', 'name,id\n王,1').expect(400)).body).toMatchObject({
        code: 'CSV_INVALID',
        message: expect.stringContaining('missing: township_code'),
      });
      const gbk = Buffer.from([0xc0, 0xee, 0xcb, 0xc4, 0x0a]);
      expect(
        (
          await as(admin)
            .upload('/api/admin/households/import', Buffer.concat([Buffer.from(HEADER + '\n'), gbk]))
            .expect(400)
        ).body.code,
      ).toBe('CSV_INVALID');
      expect((await as(admin).upload('/api/admin/households/import', `${HEADER}\n"unterminated,1`).expect(400)).body.code).toBe(
        'CSV_INVALID',
      );
      const huge = HEADER + '\n' + `${row(newIdNumber())}\n`.repeat(80_000);
      expect((await as(admin).upload('/api/admin/households/import', huge).expect(413)).body.code).toBe('PAYLOAD_TOO_LARGE');
      expect((await as(admin).post('/api/admin/households/import', { file: 'x' }).expect(415)).body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(await count()).toBe(before);
    });
  });

  it('catches a full ID number in an answer (the scan every API suite runs)', async () => {
    const probe = fastify();
    const scan = scanForIdNumbers(probe);
    const id = newIdNumber();
    probe.get('/leaky', async () => ({ masked: maskResidentId(id), order: 'QH20261129-000123' }));
    probe.get('/leak', async () => ({ idNumber: id }));
    await probe.inject({ method: 'GET', url: '/leaky' });
    expect(scan.found).toEqual([]);
    await probe.inject({ method: 'GET', url: '/leak?x=1' });
    expect(scan.found).toEqual(['GET /leak']);
    await probe.close();
  });
});
