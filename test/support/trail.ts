import { makeResidentId } from '@qh/domain';
import request from 'supertest';
import type { TestApp } from './test-app';

let households = 0;

/** A household registered by an admin and linked to `cooperativeId` since 2020 at `weight`: its id and code. */
export async function linkedHousehold(
  t: TestApp,
  admin: string,
  cooperativeId: string,
  options: { townshipCode?: string; weight?: number; status?: 'LIFTED' | 'MONITORED'; headName?: string } = {},
): Promise<{ id: string; code: string }> {
  households += 1;
  const status = options.status ?? 'LIFTED';
  const { body } = await request(t.url)
    .post('/api/admin/households')
    .set('Authorization', `Bearer ${admin}`)
    .send({
      townshipCode: options.townshipCode ?? '520525202',
      village: '桃营村',
      members: 4,
      registeredYear: 2015,
      exitYear: status === 'LIFTED' ? 2019 : null,
      status,
      headName: options.headName ?? '王秀英',
      // Each test file has a database of its own: a sequence within the file is unique enough.
      idNumber: makeResidentId('520525', '19700101', String(households % 1000).padStart(3, '0')),
    })
    .expect(201);
  await request(t.url)
    .post(`/api/admin/households/${body.id}/links`)
    .set('Authorization', `Bearer ${admin}`)
    .send({ cooperativeId, mechanism: 'EQUITY_DIVIDEND', weight: options.weight ?? 1, validFrom: '2020-01-01' })
    .expect(201);
  return { id: body.id, code: body.code };
}

/** The China day the app is on, as the settlement and the digests take it. */
export async function todayOf(t: TestApp): Promise<string> {
  const [{ today }] = await t.sql(`SELECT to_char(qh_today(), 'YYYY-MM-DD') AS today`);
  return today as string;
}
