import { makeCreditCode } from '@qh/domain';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { hashPassword } from '../../apps/api/src/auth/password';
import type { TestApp } from './test-app';

const PASSWORD = 'a-good-password';
let passwordHash: Promise<string> | undefined;

/**
 * A buyer account with a known e-mail, signed in: its e-mail, id and access token. Made directly,
 * as a sign-up would make it (sign-ups from one address are rate-limited), so that an invitation can
 * be sent to the address and accepted by the account.
 */
export async function signedInBuyer(t: TestApp, label = 'buyer'): Promise<{ email: string; id: string; token: string }> {
  const email = `${label}-${randomBytes(5).toString('hex')}@example.cn`;
  await t.sql(`INSERT INTO account (email, password_hash, role) VALUES ($1, $2, 'buyer')`, [
    email,
    await (passwordHash ??= hashPassword(PASSWORD)),
  ]);
  const { body } = await request(t.url).post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
  return { email, id: body.user.id as string, token: body.accessToken as string };
}

/** A valid unified social credit code of a Tianhe organisation (`11…` an office, `12…` an institution, `81…` a union), new each time. */
export function organisationCreditCode(registration: '11' | '12' | '81' = '11'): string {
  const digits = BigInt(`0x${randomBytes(5).toString('hex')}`)
    .toString()
    .padStart(9, '0')
    .slice(-9);
  return makeCreditCode(`${registration}440106${digits}`);
}

/** A new buyer who joined the manager's organisation with `roles` through an invitation, as the e-mailed link lets them. */
export async function joinedMember(
  t: TestApp,
  managerToken: string,
  roles: string[],
): Promise<{ email: string; id: string; token: string }> {
  const member = await signedInBuyer(t, roles.join('-').toLowerCase());
  await request(t.url)
    .post('/api/org/invitations')
    .set('Authorization', `Bearer ${managerToken}`)
    .send({ email: member.email, roles })
    .expect(201);
  const [link] = await t.sql(
    `SELECT payload->>'invitePath' AS path FROM notification_outbox WHERE topic = 'ORGANISATION_INVITATION' AND email = $1 ORDER BY id DESC LIMIT 1`,
    [member.email],
  );
  const token = new URL(String(link.path), 'http://x').searchParams.get('token');
  await request(t.url).post('/api/org/invitations/accept').set('Authorization', `Bearer ${member.token}`).send({ token }).expect(200);
  return member;
}

export interface Canteen {
  id: string;
  name: string;
  manager: { email: string; id: string; token: string };
  siteId: string;
}

/**
 * A verified budget-unit canteen whose manager holds every role (buys, approves, receives, pays),
 * with one delivery site; with credit terms if `terms` are given. Orders up to ¥10 million need no approval.
 */
export async function verifiedCanteen(
  t: TestApp,
  adminToken: string,
  options: { name?: string; districtCode?: string; type?: string; terms?: { paymentDays: number; creditLimitFen: number } } = {},
): Promise<Canteen> {
  const manager = await signedInBuyer(t, 'manager');
  const as = (token: string) => ({
    post: (path: string, body: object = {}) => request(t.url).post(path).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) => request(t.url).patch(path).set('Authorization', `Bearer ${token}`).send(body),
    put: (path: string, body: object) => request(t.url).put(path).set('Authorization', `Bearer ${token}`).send(body),
  });
  const districtCode = options.districtCode ?? '440106';
  const name = options.name ?? `测试饭堂${randomBytes(3).toString('hex')}`;
  const { body: organisation } = await as(manager.token)
    .post('/api/org', {
      name,
      creditCode: organisationCreditCode('11'),
      type: options.type ?? 'GOVERNMENT',
      districtCode,
      budgetUnit: true,
      hasCanteen: true,
      contactName: '李建华',
      contactMobile: '13800138000',
    })
    .expect(201);
  await as(adminToken).post(`/api/admin/organisations/${organisation.id}/verify`).expect(200);
  await as(manager.token)
    .patch(`/api/org/members/${manager.id}`, { roles: ['MANAGER', 'PURCHASER', 'APPROVER', 'RECEIVER', 'FINANCE'] })
    .expect(200);
  await as(manager.token).patch('/api/org', { approvalThresholdFen: 10_000_000_00 }).expect(200);
  const { body: site } = await as(manager.token)
    .post('/api/org/sites', {
      name: '机关一食堂',
      districtCode,
      street: '天府路 1 号',
      contactName: '王',
      contactMobile: '13900139000',
      receivingWindows: [],
    })
    .expect(201);
  if (options.terms) await as(adminToken).put(`/api/admin/organisations/${organisation.id}/credit-terms`, options.terms).expect(200);
  return { id: organisation.id as string, name, manager, siteId: site.id as string };
}
