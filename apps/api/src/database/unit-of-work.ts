import { Global, Injectable, Logger, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AuditService, type AuditEntry } from '../audit/audit.service';
import { ResponseCache } from '../common/http-cache.interceptor';
import { uniqueConflictOf } from '../common/unique-conflicts';
import { connectionOf, preparedQuery, preparedRowsIn } from './sql';

type Effect = () => unknown;

/** One transaction as a service sees it: its manager, the audit rows that commit with it, and what waits for its commit. */
export interface Work {
  readonly manager: EntityManager;
  /** Writes the audit row in this transaction: it commits or rolls back with the change it describes. */
  audit(entry: AuditEntry): Promise<void>;
  /**
   * Runs `effect` once, after the commit, never after a rollback: calls to the payment provider, which
   * must not act on a change that may still roll back. One failing does not stop the others; a job
   * picks up what is left.
   */
  afterCommit(effect: Effect): void;
  /**
   * The public catalog answers (stock, status, certification) are stale once this commits. They are
   * cleared after the commit: cleared before it, a read in between would cache the old rows again.
   */
  catalogChanged(): void;
}

/**
 * Runs a piece of work in one transaction, with its audit rows, and its after-commit effects once it
 * committed. A unique violation of a known constraint becomes its 409 here (the error filter maps any
 * left over too), so a caller that catches it sees the client's error, not a driver's.
 */
@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger(UnitOfWork.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auditLog: AuditService,
    private readonly responseCache: ResponseCache,
  ) {}

  async run<T>(body: (work: Work) => Promise<T>): Promise<T> {
    const effects: Effect[] = [];
    let catalogChanged = false;
    let result: T;
    const runner = this.dataSource.createQueryRunner();
    const lastWrites: LastWrite[] = [];
    writesAtCommit.set(runner, lastWrites);
    try {
      await runner.startTransaction();
      const { manager } = runner;
      result = await body({
        manager,
        audit: (entry) => this.auditLog.record(entry, manager),
        afterCommit: (effect) => void effects.push(effect),
        catalogChanged: () => void (catalogChanged = true),
      });
      await commitWith(runner, lastWrites);
    } catch (error) {
      // A failed last write ended the transaction already (its COMMIT rolled back).
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw uniqueConflictOf(error) ?? error;
    } finally {
      await runner.release();
    }
    if (catalogChanged) this.responseCache.clear();
    for (const effect of effects) {
      try {
        await effect();
      } catch (error) {
        this.logger.warn(
          { problem: error instanceof Error ? error.message : String(error) },
          'follow-up after commit failed; a job retries it',
        );
      }
    }
    return result;
  }
}

/** The last writes of each unit of work's transaction, by its query runner (writeAtCommit). */
const writesAtCommit = new WeakMap<QueryRunner, LastWrite[]>();

/** A statement that ends a transaction (writeAtCommit), and what its failure means to the caller: their error, or undefined for the driver's. */
export interface LastWrite {
  text: string;
  values: unknown[];
  failedAs?: (error: unknown) => Error | undefined;
}

/**
 * `write` runs as the last statement of the unit of work that `manager` belongs to, sent with its
 * COMMIT in one go: for a write to rows that many transactions at once want (a variant's stock in a
 * rush on it), which each holds locked from its write to its commit. Sent on its own, the COMMIT left
 * only once the API had read the write's answer, and under load its event loop took milliseconds to
 * get to that, while every other checkout of the variant waited (bench:flash). The write must decide
 * by itself whether the transaction may commit (failing when not), for nothing waits for its answer;
 * nothing in the transaction sees what it writes; and if it fails, the whole unit of work fails and
 * rolls back. Outside a unit of work it runs at once.
 */
export async function writeAtCommit(manager: EntityManager, write: LastWrite): Promise<void> {
  const lastWrites = manager.queryRunner && writesAtCommit.get(manager.queryRunner);
  if (lastWrites) return void lastWrites.push(write);
  try {
    await preparedRowsIn(manager, write.text, write.values);
  } catch (error) {
    throw write.failedAs?.(error) ?? error;
  }
}

/** A pg connection, with the switch of its pipeline mode (pg 8.23; not in its types yet) and its socket. */
type PipelinedClient = PoolClient & { pipeline: boolean; connection?: { stream?: { cork?(): void; uncork?(): void } } };

/**
 * What `send` writes to the connection leaves in one write to the socket rather than one per
 * statement: each write wakes the PostgreSQL backend, which on a busy machine took the CPU from the
 * API before it had written the next.
 */
function inOneWrite<T>(connection: PipelinedClient, send: () => T, until: 'sent' | 'next turn' = 'sent'): T {
  const stream = connection.connection?.stream;
  stream?.cork?.();
  const uncork = () => stream?.uncork?.();
  if (until === 'next turn') setImmediate(uncork);
  try {
    return send();
  } finally {
    if (until === 'sent') uncork();
  }
}

/**
 * The answers of `calls`, each a call that runs statements in `manager`'s transaction, with their
 * statements sent together instead of one round trip each: in pg's pipeline mode a statement goes to
 * the connection as soon as it is made, and PostgreSQL runs them one after another, in the order
 * sent. Each call's first statement is sent in the order of `calls` when it goes through
 * preparedRowsIn, which sends it before it first awaits (TypeORM's query() sends a promise turn
 * later, behind the others); `together` inside a call counts as one. Each statement takes its snapshot
 * when it starts, so it sees what those before it did or waited for (a lock). A statement a call
 * makes after reading an answer follows later, as it would anyway. Waits for every call to finish,
 * so that none sends anything after the transaction ends, and throws the first failure in the order
 * of `calls`: once a statement fails, those after it fail too (the transaction is aborted). Outside a
 * transaction the calls run one after another.
 */
export async function together<T extends unknown[]>(
  manager: EntityManager,
  calls: [...{ [K in keyof T]: () => Promise<T[K]> }],
): Promise<T> {
  const runner = manager.queryRunner;
  const connection = runner && !runner.isReleased ? (connectionOf(runner) as PipelinedClient | undefined) : undefined;
  if (!connection) {
    const answers: unknown[] = [];
    for (const call of calls) answers.push(await call());
    return answers as T;
  }
  // Inside another `together`, the outer one switches it off once all of its calls are done.
  const pipelined = connection.pipeline;
  connection.pipeline = true;
  try {
    const running = inOneWrite(connection, () =>
      calls.map((call) => {
        try {
          return call();
        } catch (error) {
          return Promise.reject(error);
        }
      }),
    );
    const settled = await Promise.allSettled(running);
    const failed = settled.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as T;
  } finally {
    connection.pipeline = pipelined;
  }
}

/**
 * Commits, the last writes first: all are written to the connection at once, in pg's pipeline mode
 * (for these statements only), so that PostgreSQL runs the COMMIT right after them. Should one fail,
 * the COMMIT behind it ends the aborted transaction as a ROLLBACK.
 */
async function commitWith(runner: QueryRunner, lastWrites: LastWrite[]): Promise<void> {
  if (!lastWrites.length) return runner.commitTransaction();
  const connection = (await runner.connect()) as PipelinedClient;
  connection.pipeline = true;
  try {
    // With the COMMIT, which TypeORM sends a few promise turns later: PostgreSQL then commits right
    // after the last write, holding its rows locked no longer, whatever the API does in between.
    const sent = inOneWrite(
      connection,
      () => [...lastWrites.map((write) => connection.query(preparedQuery(write))), runner.commitTransaction()],
      'next turn',
    );
    const outcomes = await Promise.allSettled(sent);
    const failed = outcomes.findIndex((outcome) => outcome.status === 'rejected');
    if (failed < 0) return;
    const error = (outcomes[failed] as PromiseRejectedResult).reason;
    throw lastWrites[failed]?.failedAs?.(error) ?? error;
  } finally {
    connection.pipeline = false;
  }
}

/** The unit of work and the response cache it clears, for every feature. */
@Global()
@Module({ providers: [UnitOfWork, ResponseCache], exports: [UnitOfWork, ResponseCache] })
export class UnitOfWorkModule {}
