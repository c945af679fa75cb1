import { Global, Injectable, Logger, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, type AuditEntry } from '../audit/audit.service';
import { ResponseCache } from '../common/http-cache.interceptor';
import { uniqueConflictOf } from '../common/unique-conflicts';

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
    try {
      result = await this.dataSource.transaction((manager) =>
        body({
          manager,
          audit: (entry) => this.auditLog.record(entry, manager),
          afterCommit: (effect) => void effects.push(effect),
          catalogChanged: () => void (catalogChanged = true),
        }),
      );
    } catch (error) {
      throw uniqueConflictOf(error) ?? error;
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

/** The unit of work and the response cache it clears, for every feature. */
@Global()
@Module({ providers: [UnitOfWork, ResponseCache], exports: [UnitOfWork, ResponseCache] })
export class UnitOfWorkModule {}
