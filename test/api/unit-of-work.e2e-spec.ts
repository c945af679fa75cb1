import { AppError } from '../../apps/api/src/common/app-error';
import { ResponseCache } from '../../apps/api/src/common/http-cache.interceptor';
import { UnitOfWork } from '../../apps/api/src/database/unit-of-work';
import { startTestApp, type TestApp } from '../support/test-app';

/** The one way services write: a transaction with its audit rows, and what must wait for its commit. */
describe('the unit of work', () => {
  let t: TestApp;
  let unitOfWork: UnitOfWork;
  let cache: ResponseCache;

  beforeAll(async () => {
    t = await startTestApp({ CATALOG_CACHE_SECONDS: '60' });
    unitOfWork = t.app.get(UnitOfWork);
    cache = t.app.get(ResponseCache);
  });
  afterAll(() => t.close());

  const auditRows = async (action: string) => Number((await t.sql(`SELECT count(*) AS n FROM audit_log WHERE action = $1`, [action]))[0].n);

  it('runs its effects once, after the commit, where another connection already sees the change', async () => {
    const seen: number[] = [];
    const result = await unitOfWork.run(async ({ audit, afterCommit }) => {
      await audit({ actor: null, action: 'test.committed', entityType: 'test' });
      afterCommit(async () => seen.push(await auditRows('test.committed')));
      afterCommit(async () => seen.push(-1));
      return 'done';
    });
    expect(result).toBe('done');
    expect(seen).toEqual([1, -1]);
  });

  it('rolls back its audit rows with the change, and runs none of its effects', async () => {
    const ran: string[] = [];
    cache.set('/api/products', '{"items":[]}', 'W/"kept"');
    await expect(
      unitOfWork.run(async ({ audit, afterCommit, catalogChanged }) => {
        await audit({ actor: null, action: 'test.rolled_back', entityType: 'test' });
        afterCommit(() => ran.push('effect'));
        catalogChanged();
        throw new AppError('VALIDATION_FAILED', 'no');
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await auditRows('test.rolled_back')).toBe(0);
    expect(ran).toEqual([]);
    expect(cache.get('/api/products')?.etag).toBe('W/"kept"');
  });

  it('clears the catalog answers after the commit, so a read during the transaction cannot keep the old ones', async () => {
    await unitOfWork.run(async ({ catalogChanged }) => {
      catalogChanged();
      // What a shopper's request reading the committed past would cache while this transaction is still open.
      cache.set('/api/products', '{"items":["old"]}', 'W/"old"');
    });
    expect(cache.get('/api/products')).toBeUndefined();
  });

  it('still runs the other effects when one fails, and reports the commit as done', async () => {
    const ran: string[] = [];
    await unitOfWork.run(async ({ afterCommit }) => {
      afterCommit(() => Promise.reject(new Error('provider down')));
      afterCommit(() => ran.push('second'));
    });
    expect(ran).toEqual(['second']);
  });

  it('answers a known unique violation with its 409 code, and leaves nothing of the transaction', async () => {
    await t.sql(`INSERT INTO account (email, password_hash, role) VALUES ('taken@example.cn', 'x', 'buyer')`);
    const attempt = unitOfWork.run(async ({ manager, audit }) => {
      await audit({ actor: null, action: 'test.unique', entityType: 'test' });
      await manager.query(`INSERT INTO account (email, password_hash, role) VALUES ('taken@example.cn', 'x', 'buyer')`);
    });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'EMAIL_TAKEN', status: 409 });
    expect(await auditRows('test.unique')).toBe(0);
  });
});
