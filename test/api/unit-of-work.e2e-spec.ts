import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ProductsRepository } from '../../apps/api/src/catalog/products.repository';
import { AppError } from '../../apps/api/src/common/app-error';
import { ResponseCache } from '../../apps/api/src/common/http-cache.interceptor';
import { preparedRowsIn } from '../../apps/api/src/database/sql';
import { together, UnitOfWork, writeAtCommit } from '../../apps/api/src/database/unit-of-work';
import { startTestApp, type TestApp } from '../support/test-app';

/** The one way services write: a transaction with its audit rows, and what must wait for its commit. */
describe('the unit of work', () => {
  let t: TestApp;
  let unitOfWork: UnitOfWork;
  let cache: ResponseCache;

  beforeAll(async () => {
    t = await startTestApp({ CATALOG_CACHE_SECONDS: '60' }, { demoData: true });
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
    cache.set('/api/products', Buffer.from('{"items":[]}'), 'W/"kept"');
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
      cache.set('/api/products', Buffer.from('{"items":["old"]}'), 'W/"old"');
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

  describe('statements sent together', () => {
    const count = (manager: EntityManager, action: string) => async () =>
      (await preparedRowsIn<{ n: number }>(manager, `SELECT count(*)::int AS n FROM audit_log WHERE action = $1`, [action]))[0].n;
    const insert =
      (manager: EntityManager, action: string, entityId: string | null = null) =>
      () =>
        preparedRowsIn(manager, `INSERT INTO audit_log (action, entity_type, entity_id) VALUES ($1, 'test', $2)`, [action, entityId]);

    it('run in the order of the calls, each seeing what the ones before it did, with each answer in its place', async () => {
      const answers = await unitOfWork.run(({ manager }) =>
        together(manager, [
          count(manager, 'test.together'),
          insert(manager, 'test.together'),
          // A call of two statements: its second follows once its first has answered.
          async () => {
            await insert(manager, 'test.together')();
            return count(manager, 'test.together')();
          },
          count(manager, 'test.together'),
        ]),
      );
      expect(answers).toEqual([0, [], 2, 2]);
      expect(await auditRows('test.together')).toBe(2);
    });

    it('fail with the first failure in the order of the calls, roll back everything, and leave the connection as it was', async () => {
      await t.sql(`INSERT INTO account (email, password_hash, role) VALUES ('together@example.cn', 'x', 'buyer')`);
      const attempt = unitOfWork.run(({ manager }) =>
        together(manager, [
          insert(manager, 'test.together-failed'),
          () =>
            preparedRowsIn(manager, `INSERT INTO account (email, password_hash, role) VALUES ($1, 'x', 'buyer')`, ['together@example.cn']),
          // Still running when the statement before fails: it is waited for, and fails with the aborted transaction.
          async () => {
            await insert(manager, 'test.together-failed')();
            await insert(manager, 'test.together-failed')();
          },
          () => Promise.reject(new AppError('VALIDATION_FAILED', 'not the first failure')),
        ]),
      );
      await expect(attempt).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
      expect(await auditRows('test.together-failed')).toBe(0);
      // More units of work than the pool has connections: each one's connection came back out of pipeline mode.
      await Promise.all(Array.from({ length: 30 }, () => unitOfWork.run(({ manager }) => insert(manager, 'test.together-after')())));
      expect(await auditRows('test.together-after')).toBe(30);
    });

    it('run one after another outside a transaction', async () => {
      const dataSource = t.app.get<DataSource>(getDataSourceToken());
      const manager = dataSource.manager;
      expect(await together(manager, [insert(manager, 'test.together-alone'), count(manager, 'test.together-alone')])).toEqual([[], 1]);
    });
  });

  describe('a last write, sent with the commit', () => {
    const countIn = async (manager: { query(sql: string): Promise<unknown> }, action: string) =>
      ((await manager.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = '${action}'`)) as { n: number }[])[0].n;
    const shortVariant = async () => {
      const [variant] = await t.sql(`SELECT id FROM product_variant ORDER BY sku LIMIT 1`);
      await t.sql(`UPDATE product_variant SET stock = 2 WHERE id = $1`, [variant.id]);
      const [buyer] = await t.sql(`SELECT id FROM account ORDER BY email LIMIT 1`);
      return { variantId: variant.id as string, buyerId: buyer.id as string };
    };

    it('runs after everything else in the transaction, which does not see it, and commits with it', async () => {
      await unitOfWork.run(async ({ manager, audit }) => {
        await writeAtCommit(manager, {
          text: `INSERT INTO audit_log (action, entity_type, entity_id)
                 SELECT 'test.last', 'test', count(*)::text FROM audit_log WHERE action = 'test.before-last'`,
          values: [],
        });
        await audit({ actor: null, action: 'test.before-last', entityType: 'test' });
        expect(await countIn(manager, 'test.last')).toBe(0);
      });
      // Registered first, it ran last: it counted the row written after it was registered.
      expect(await t.sql(`SELECT entity_id FROM audit_log WHERE action = 'test.last'`)).toEqual([{ entity_id: '1' }]);
    });

    it('fails the whole unit of work when it fails, with the error its writer gives, and the next ones run as ever', async () => {
      const { variantId, buyerId } = await shortVariant();
      const products = t.app.get(ProductsRepository);
      const attempt = unitOfWork.run(async ({ manager, audit }) => {
        await audit({ actor: null, action: 'test.short', entityType: 'test' });
        await products.reserveStock(manager, randomUUID(), buyerId, [{ variantId, quantity: 3 }], (short) => {
          return new AppError('OUT_OF_STOCK', `short: ${[...short].join(',')}`);
        });
      });
      await expect(attempt).rejects.toMatchObject({ code: 'OUT_OF_STOCK', message: `short: ${variantId}` });
      expect(await auditRows('test.short')).toBe(0);
      expect(await t.sql(`SELECT stock FROM product_variant WHERE id = $1`, [variantId])).toEqual([{ stock: 2 }]);
      // More units of work than the pool has connections, each with a last write: every connection went back as it was.
      await Promise.all(
        Array.from({ length: 30 }, () =>
          unitOfWork.run(async ({ manager }) => {
            await writeAtCommit(manager, {
              text: `INSERT INTO audit_log (action, entity_type) VALUES ('test.after-short', 'test')`,
              values: [],
            });
            await manager.query(`SELECT pg_sleep(0.01)`);
          }),
        ),
      );
      expect(await auditRows('test.after-short')).toBe(30);
    });

    it('runs at once outside a unit of work, and fails there with the error its writer gives', async () => {
      const { variantId } = await shortVariant();
      const dataSource = t.app.get<DataSource>(getDataSourceToken());
      await dataSource.transaction(async (manager) => {
        await writeAtCommit(manager, { text: `INSERT INTO audit_log (action, entity_type) VALUES ('test.at-once', 'test')`, values: [] });
        expect(await countIn(manager, 'test.at-once')).toBe(1);
      });
      const shortage = dataSource.transaction((manager) =>
        writeAtCommit(manager, {
          text: `SELECT qh_stock_shortage(ARRAY[$1::uuid])`,
          values: [variantId],
          failedAs: (error) => new AppError('OUT_OF_STOCK', String((error as { detail?: string }).detail)),
        }),
      );
      await expect(shortage).rejects.toMatchObject({ code: 'OUT_OF_STOCK', message: variantId });
    });
  });
});
