import request from 'supertest';
import { tokenFor } from '../support/accounts';
import { organisationCreditCode } from '../support/organisations';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * 单位: canteens, schools, unions and companies register, an admin verifies them, a manager invites
 * members with roles by a single-use link and keeps the delivery sites. A member acts for their own
 * organisation only.
 */
describe('organisations', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await tokenFor(t, 'admin');
  });
  afterAll(() => t.close());

  let serial = 0;
  const uniqueEmail = (label: string) => `${label}-${(serial += 1)}-${Date.now()}@example.cn`;
  /** A new buyer account, signed up through the API: its e-mail and access token. */
  async function newBuyer(email = uniqueEmail('buyer')): Promise<{ email: string; token: string; id: string }> {
    const { body } = await request(t.url).post('/api/auth/register').send({ email, password: 'a-good-password' }).expect(201);
    return { email, token: body.accessToken as string, id: body.user.id as string };
  }
  const creditCode = () => organisationCreditCode();
  const registration = (overrides: Record<string, unknown> = {}) => ({
    name: '广州市天河区机关事务管理局饭堂',
    creditCode: creditCode(),
    type: 'GOVERNMENT',
    districtCode: '440106',
    budgetUnit: true,
    hasCanteen: true,
    contactName: '李建华',
    contactMobile: '13800138000',
    ...overrides,
  });
  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body?: object) =>
      request(t.url)
        .post(path)
        .set('Authorization', `Bearer ${token}`)
        .send(body ?? {}),
    patch: (path: string, body: object) => request(t.url).patch(path).set('Authorization', `Bearer ${token}`).send(body),
    delete: (path: string) => request(t.url).delete(path).set('Authorization', `Bearer ${token}`),
  });
  /** A registered organisation, verified unless told otherwise, with its manager. */
  async function newOrganisation(verified = true) {
    const manager = await newBuyer(uniqueEmail('manager'));
    const { body } = await as(manager.token).post('/api/org', registration()).expect(201);
    if (verified) await as(admin).post(`/api/admin/organisations/${body.id}/verify`).expect(200);
    return { id: body.id as string, manager };
  }
  /** The invitation links sent to `email`, oldest first, as the e-mails carry them. */
  const linksTo = async (email: string) =>
    (
      await t.sql(
        `SELECT payload->>'invitePath' AS path FROM notification_outbox WHERE topic = 'ORGANISATION_INVITATION' AND email = $1 ORDER BY id`,
        [email],
      )
    ).map((row) => new URL(String(row.path), 'http://x').searchParams.get('token')!);
  /** Invites `email` with `roles` and returns the token of the link sent. */
  async function invite(managerToken: string, email: string, roles: string[]): Promise<string> {
    await as(managerToken).post('/api/org/invitations', { email, roles }).expect(201);
    return (await linksTo(email)).at(-1)!;
  }
  /** A new account joined to the manager's organisation with these roles. */
  async function newMember(managerToken: string, roles: string[]) {
    const member = await newBuyer(uniqueEmail(roles.join('-').toLowerCase()));
    await as(member.token)
      .post('/api/org/invitations/accept', { token: await invite(managerToken, member.email, roles) })
      .expect(200);
    return member;
  }
  const auditActions = async (organisationId: string) =>
    (await t.sql(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [organisationId])).map((row) => row.action);

  it('registers an organisation whose registering buyer becomes its manager, once per account and credit code', async () => {
    const buyer = await newBuyer();
    const details = registration();
    const { body } = await as(buyer.token).post('/api/org', details).expect(201);
    expect(body).toMatchObject({
      name: details.name,
      nameEn: details.name,
      creditCode: details.creditCode,
      status: 'PENDING',
      rejectionReason: null,
      roles: ['MANAGER'],
    });
    const me = await as(buyer.token).get('/api/me').expect(200);
    expect(me.body.organisation).toEqual({ id: body.id, name: details.name, nameEn: details.name, status: 'PENDING', roles: ['MANAGER'] });

    expect((await as(buyer.token).post('/api/org', registration()).expect(409)).body.code).toBe('ALREADY_IN_ORGANISATION');
    const other = await newBuyer();
    expect(
      (
        await as(other.token)
          .post('/api/org', registration({ creditCode: details.creditCode }))
          .expect(409)
      ).body.code,
    ).toBe('CREDIT_CODE_TAKEN');
    const wrongCheck = `${details.creditCode.slice(0, 17)}${details.creditCode[17] === '0' ? '1' : '0'}`;
    const refused = await as(other.token)
      .post('/api/org', registration({ creditCode: wrongCheck, type: 'CHURCH' }))
      .expect(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect(refused.body.details.map((problem: { field: string }) => problem.field).sort()).toEqual(['creditCode', 'type']);
    // Nothing of the refused registrations was kept.
    expect((await as(other.token).get('/api/me').expect(200)).body.organisation).toBeNull();
    expect((await as(other.token).get('/api/org').expect(404)).body.code).toBe('ORGANISATION_NOT_FOUND');
  });

  it('waits in the admins’ queue; a rejected one corrects itself and comes back; verified details are fixed', async () => {
    const { id, manager } = await newOrganisation(false);
    const queue = await as(admin).get('/api/admin/organisations?status=PENDING&limit=100').expect(200);
    expect(queue.body.items.find((item: { id: string }) => item.id === id)).toMatchObject({
      memberCount: 1,
      registeredByEmail: manager.email,
    });

    const rejected = await as(admin)
      .post(`/api/admin/organisations/${id}/reject`, { reason: '统一社会信用代码与营业执照不符' })
      .expect(200);
    expect(rejected.body).toMatchObject({ status: 'REJECTED', rejectionReason: '统一社会信用代码与营业执照不符' });
    expect((await as(admin).post(`/api/admin/organisations/${id}/verify`).expect(409)).body.code).toBe('ORGANISATION_STATUS_CONFLICT');

    const corrected = await as(manager.token).patch('/api/org', { creditCode: creditCode(), nameEn: 'Tianhe Canteen' }).expect(200);
    expect(corrected.body).toMatchObject({ status: 'PENDING', rejectionReason: null, nameEn: 'Tianhe Canteen' });

    const verified = await as(admin).post(`/api/admin/organisations/${id}/verify`).expect(200);
    expect(verified.body).toMatchObject({ status: 'VERIFIED', members: [{ email: manager.email, roles: ['MANAGER'] }] });
    expect(verified.body.verifiedAt).toEqual(expect.any(String));

    const locked = await as(manager.token).patch('/api/org', { name: '另一个名字' }).expect(409);
    expect(locked.body.code).toBe('ORGANISATION_STATUS_CONFLICT');
    const moved = await as(manager.token).patch('/api/org', { contactName: '王芳', hasCanteen: false }).expect(200);
    expect(moved.body).toMatchObject({
      status: 'VERIFIED',
      contactName: '王芳',
      hasCanteen: false,
      name: '广州市天河区机关事务管理局饭堂',
    });

    expect(await auditActions(id)).toEqual([
      'organisation.registered',
      'organisation.rejected',
      'organisation.resubmitted',
      'organisation.verified',
      'organisation.updated',
    ]);
    const told = await t.sql(
      `SELECT payload->>'status' AS status, payload->>'reason' AS reason FROM notification_outbox
        WHERE topic = 'ORGANISATION_REVIEWED' AND account_id = $1 ORDER BY id`,
      [manager.id],
    );
    expect(told).toEqual([
      { status: 'REJECTED', reason: '统一社会信用代码与营业执照不符' },
      { status: 'VERIFIED', reason: null },
    ]);
    // Audit rows never keep the contact's mobile number.
    const audits = await t.sql(`SELECT before::text || after::text AS text FROM audit_log WHERE entity_id = $1`, [id]);
    expect(audits.some((row) => String(row.text).includes('13800138000'))).toBe(false);
  });

  it('lets the invited address join once with the invitation’s roles, from a new or an existing account', async () => {
    const { id, manager } = await newOrganisation();
    const email = uniqueEmail('approver');
    const token = await invite(manager.token, email, ['RECEIVER', 'APPROVER']);
    expect(token).toMatch(/^[\w-]{43}$/);

    // Before signing in, the link says what it is for, without giving the address away.
    const preview = await request(t.url).post('/api/org/invitations/preview').send({ token }).expect(200);
    expect(preview.body).toMatchObject({ organisationName: '广州市天河区机关事务管理局饭堂', roles: ['APPROVER', 'RECEIVER'] });
    expect(preview.body.emailMasked).toBe(`a***@example.cn`);

    const stranger = await newBuyer();
    expect((await as(stranger.token).post('/api/org/invitations/accept', { token }).expect(403)).body.code).toBe(
      'INVITATION_FOR_ANOTHER_EMAIL',
    );
    const invitee = await newBuyer(email);
    const joined = await as(invitee.token).post('/api/org/invitations/accept', { token }).expect(200);
    expect(joined.body).toMatchObject({ id, roles: ['APPROVER', 'RECEIVER'] });
    expect((await as(invitee.token).get('/api/me').expect(200)).body.organisation).toMatchObject({ id, roles: ['APPROVER', 'RECEIVER'] });
    expect((await as(invitee.token).post('/api/org/invitations/accept', { token }).expect(400)).body.code).toBe('INVITATION_INVALID');
    expect((await request(t.url).post('/api/org/invitations/preview').send({ token }).expect(400)).body.code).toBe('INVITATION_INVALID');

    const members = await as(manager.token).get('/api/org/members').expect(200);
    expect(members.body.items.map((m: { email: string; roles: string[] }) => [m.email, m.roles])).toEqual([
      [manager.email, ['MANAGER']],
      [email, ['APPROVER', 'RECEIVER']],
    ]);
    const invitations = await as(manager.token).get('/api/org/invitations').expect(200);
    expect(invitations.body.items).toEqual([expect.objectContaining({ email, status: 'ACCEPTED' })]);
    expect(await auditActions(id)).toEqual([
      'organisation.registered',
      'organisation.verified',
      'organisation.member_invited',
      'organisation.member_joined',
    ]);
  });

  it('refuses links that were replaced, revoked or expired, and an account already in an organisation', async () => {
    const { manager } = await newOrganisation();
    const invitee = await newBuyer();
    const first = await invite(manager.token, invitee.email, ['PURCHASER']);
    const second = await invite(manager.token, invitee.email, ['PURCHASER', 'RECEIVER']);
    expect((await as(invitee.token).post('/api/org/invitations/accept', { token: first }).expect(400)).body.code).toBe(
      'INVITATION_INVALID',
    );

    const open = (await as(manager.token).get('/api/org/invitations').expect(200)).body.items;
    expect(open.map((invitation: { status: string }) => invitation.status)).toEqual(['PENDING', 'REVOKED']);
    await as(manager.token).delete(`/api/org/invitations/${open[0].id}`).expect(204);
    expect((await as(manager.token).delete(`/api/org/invitations/${open[0].id}`).expect(404)).body.code).toBe('INVITATION_NOT_FOUND');
    expect((await as(invitee.token).post('/api/org/invitations/accept', { token: second }).expect(400)).body.code).toBe(
      'INVITATION_INVALID',
    );

    const third = await invite(manager.token, invitee.email, ['PURCHASER']);
    await t.sql(`UPDATE organisation_invitation SET expires_at = qh_now() - interval '1 second' WHERE email = $1 AND revoked_at IS NULL`, [
      invitee.email,
    ]);
    expect((await as(invitee.token).post('/api/org/invitations/accept', { token: third }).expect(400)).body.code).toBe(
      'INVITATION_INVALID',
    );
    expect((await as(manager.token).get('/api/org/invitations').expect(200)).body.items[0].status).toBe('EXPIRED');

    // One organisation per account: the manager of another cannot join this one.
    const elsewhere = await newOrganisation();
    const fourth = await invite(manager.token, elsewhere.manager.email, ['APPROVER']);
    expect((await as(elsewhere.manager.token).post('/api/org/invitations/accept', { token: fourth }).expect(409)).body.code).toBe(
      'ALREADY_IN_ORGANISATION',
    );
    expect(
      (
        await as(manager.token)
          .post('/api/org/invitations', { email: manager.email, roles: ['APPROVER'] })
          .expect(409)
      ).body.code,
    ).toBe('ALREADY_IN_ORGANISATION');
    const badRoles = await as(manager.token)
      .post('/api/org/invitations', { email: uniqueEmail('x'), roles: ['OWNER'] })
      .expect(400);
    expect(badRoles.body.details[0].field).toBe('roles');
  });

  it('lets managers change roles and remove members, and members leave; a manager always remains', async () => {
    const { id, manager } = await newOrganisation();
    const purchaser = await newMember(manager.token, ['PURCHASER']);
    expect(
      (
        await as(purchaser.token)
          .post('/api/org/invitations', { email: uniqueEmail('x'), roles: ['PURCHASER'] })
          .expect(403)
      ).body.code,
    ).toBe('ORGANISATION_ROLE_REQUIRED');
    expect(
      (
        await as(purchaser.token)
          .patch(`/api/org/members/${purchaser.id}`, { roles: ['MANAGER'] })
          .expect(403)
      ).body.code,
    ).toBe('ORGANISATION_ROLE_REQUIRED');

    expect(
      (
        await as(manager.token)
          .patch(`/api/org/members/${manager.id}`, { roles: ['PURCHASER'] })
          .expect(409)
      ).body.code,
    ).toBe('LAST_MANAGER');
    expect((await as(manager.token).delete(`/api/org/members/${manager.id}`).expect(409)).body.code).toBe('LAST_MANAGER');
    const promoted = await as(manager.token)
      .patch(`/api/org/members/${purchaser.id}`, { roles: ['PURCHASER', 'MANAGER'] })
      .expect(200);
    expect(promoted.body.roles).toEqual(['MANAGER', 'PURCHASER']);
    // The new manager may do at once what managers do: the roles are read on every request.
    await as(purchaser.token).get('/api/org/invitations').expect(200);

    await as(manager.token).delete(`/api/org/members/${manager.id}`).expect(204);
    expect((await as(manager.token).get('/api/org').expect(404)).body.code).toBe('ORGANISATION_NOT_FOUND');
    expect((await as(manager.token).get('/api/me').expect(200)).body.organisation).toBeNull();

    const finance = await newMember(purchaser.token, ['FINANCE']);
    await as(purchaser.token).delete(`/api/org/members/${finance.id}`).expect(204);
    expect((await as(finance.token).get('/api/org/sites').expect(404)).body.code).toBe('ORGANISATION_NOT_FOUND');
    expect((await as(purchaser.token).delete(`/api/org/members/${finance.id}`).expect(404)).body.code).toBe('MEMBER_NOT_FOUND');

    expect(await auditActions(id)).toEqual([
      'organisation.registered',
      'organisation.verified',
      'organisation.member_invited',
      'organisation.member_joined',
      'organisation.member_roles_changed',
      'organisation.member_left',
      'organisation.member_invited',
      'organisation.member_joined',
      'organisation.member_removed',
    ]);
  });

  it('keeps delivery sites with their receiving windows; managers change them, every member sees them', async () => {
    const { manager } = await newOrganisation();
    const receiver = await newMember(manager.token, ['RECEIVER']);
    const site = {
      name: '机关一食堂',
      districtCode: '440106',
      street: '天府路 1 号 机关大院 3 号楼 负一层 卸货区',
      contactName: '王师傅',
      contactMobile: '13900139000',
      receivingWindows: [{ weekdays: [1, 2, 3, 4, 5], from: '06:30', to: '10:00' }],
      driverNotes: '从东门进，卸货区限高 3.2 米',
    };
    const created = await as(manager.token).post('/api/org/sites', site).expect(201);
    expect(created.body).toMatchObject(site);
    expect((await as(receiver.token).get('/api/org/sites').expect(200)).body.items).toEqual([created.body]);
    expect((await as(receiver.token).post('/api/org/sites', site).expect(403)).body.code).toBe('ORGANISATION_ROLE_REQUIRED');

    const backwards = await as(manager.token)
      .post('/api/org/sites', { ...site, receivingWindows: [{ weekdays: [6], from: '10:00', to: '08:00' }] })
      .expect(400);
    expect(backwards.body.details).toEqual([expect.objectContaining({ field: 'receivingWindows.0' })]);
    const outOfRange = await as(manager.token)
      .post('/api/org/sites', { ...site, districtCode: '110101', receivingWindows: [{ weekdays: [8], from: '6:30', to: '10:00' }] })
      .expect(400);
    expect(outOfRange.body.details.map((problem: { field: string }) => problem.field).sort()).toEqual([
      'districtCode',
      'receivingWindows.0.from',
      'receivingWindows.0.weekdays',
    ]);

    const changed = await as(manager.token)
      .patch(`/api/org/sites/${created.body.id}`, { driverNotes: null, contactName: '赵师傅' })
      .expect(200);
    expect(changed.body).toMatchObject({ driverNotes: null, contactName: '赵师傅', street: site.street });
    await as(manager.token).delete(`/api/org/sites/${created.body.id}`).expect(204);
    expect((await as(receiver.token).get('/api/org/sites').expect(200)).body.items).toEqual([]);
    expect((await as(manager.token).patch(`/api/org/sites/${created.body.id}`, { name: 'x' }).expect(404)).body.code).toBe(
      'DELIVERY_SITE_NOT_FOUND',
    );
  });

  it('shows a member of one organisation nothing of another, and lets no one else in', async () => {
    const a = await newOrganisation();
    const b = await newOrganisation();
    const bMember = await newMember(b.manager.token, ['PURCHASER']);
    const bSite = await as(b.manager.token)
      .post('/api/org/sites', {
        name: '仓库',
        districtCode: '440111',
        street: '白云大道北 88 号',
        contactName: '周',
        contactMobile: '13700137000',
        receivingWindows: [],
      })
      .expect(201);
    await as(b.manager.token)
      .post('/api/org/invitations', { email: uniqueEmail('pending'), roles: ['FINANCE'] })
      .expect(201);
    const bInvitation = (await as(b.manager.token).get('/api/org/invitations').expect(200)).body.items[0];

    const asA = as(a.manager.token);
    expect((await asA.get('/api/org').expect(200)).body.id).toBe(a.id);
    expect((await asA.get('/api/org/members').expect(200)).body.items).toHaveLength(1);
    expect((await asA.get('/api/org/sites').expect(200)).body.items).toEqual([]);
    expect((await asA.patch(`/api/org/members/${bMember.id}`, { roles: ['MANAGER'] }).expect(404)).body.code).toBe('MEMBER_NOT_FOUND');
    expect((await asA.delete(`/api/org/members/${bMember.id}`).expect(404)).body.code).toBe('MEMBER_NOT_FOUND');
    expect((await asA.patch(`/api/org/sites/${bSite.body.id}`, { name: '我的' }).expect(404)).body.code).toBe('DELIVERY_SITE_NOT_FOUND');
    expect((await asA.delete(`/api/org/sites/${bSite.body.id}`).expect(404)).body.code).toBe('DELIVERY_SITE_NOT_FOUND');
    expect((await asA.delete(`/api/org/invitations/${bInvitation.id}`).expect(404)).body.code).toBe('INVITATION_NOT_FOUND');

    // B is as it was.
    expect((await as(b.manager.token).get('/api/org/sites').expect(200)).body.items).toEqual([bSite.body]);
    expect((await as(b.manager.token).get('/api/org/members').expect(200)).body.items).toHaveLength(2);
    expect((await as(b.manager.token).get('/api/org/invitations').expect(200)).body.items[0].status).toBe('PENDING');

    // Officials and admins are not buyers: the organisation routes are closed to them (the authorization suite covers every role).
    for (const token of [await tokenFor(t, 'official'), admin])
      expect((await as(token).get('/api/org').expect(403)).body.code).toBe('FORBIDDEN');
    expect((await as(bMember.token).get(`/api/admin/organisations/${b.id}`).expect(403)).body.code).toBe('FORBIDDEN');
  });
});
