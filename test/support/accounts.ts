import type { Role } from '@qh/domain';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { hashPassword } from '../../apps/api/src/auth/password';
import type { TestApp } from './test-app';

const PASSWORD = 'pw-for-tests';

/**
 * A fresh account of `role` (cooperative staff belong to `cooperativeId`; an official with
 * `townships` is a township official), signed in: its access token.
 */
export async function tokenFor(
  t: TestApp,
  role: Role,
  cooperativeId: string | null = null,
  townships: string[] | null = null,
): Promise<string> {
  const email = `${role}-${randomBytes(4).toString('hex')}@example.cn`;
  await t.sql(`INSERT INTO account (email, password_hash, role, cooperative_id, townships) VALUES ($1, $2, $3, $4, $5)`, [
    email,
    await hashPassword(PASSWORD),
    role,
    cooperativeId,
    townships,
  ]);
  const { body } = await request(t.url).post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
  return body.accessToken as string;
}
