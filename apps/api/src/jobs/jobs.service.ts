import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { OrderDeadlinesService } from '../orders/order-deadlines.service';

/** Every minute, on whichever API process pg-boss hands the job to: one run at a time across all of them. */
const EVERY_MINUTE = '* * * * *';
const JOBS = ['orders-expire-reservations', 'orders-auto-complete'] as const;

/**
 * Background work through pg-boss, whose queues live in PostgreSQL (schema `pgboss`), so several API
 * processes share the schedule and a job runs once however many are up.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private boss: PgBoss | null = null;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly databaseUrl: string,
    private readonly deadlines: OrderDeadlinesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    const boss = new PgBoss({ connectionString: this.databaseUrl, schema: 'pgboss', max: 2, application_name: 'qianhuo-jobs' });
    boss.on('error', (error) => this.logger.error({ err: error }, 'job queue error'));
    await boss.start();
    const handlers: Record<(typeof JOBS)[number], () => Promise<number>> = {
      'orders-expire-reservations': () => this.deadlines.expireDue(),
      'orders-auto-complete': () => this.deadlines.completeDue(),
    };
    for (const name of JOBS) {
      await boss.createQueue(name, { name, policy: 'singleton' });
      await boss.schedule(name, EVERY_MINUTE);
      await boss.work(name, async () => {
        await handlers[name]();
      });
    }
    this.boss = boss;
  }

  async onApplicationShutdown(): Promise<void> {
    // Not graceful: each order changes in its own transaction, so a run cut short loses nothing and the next run goes on.
    await this.boss?.stop({ graceful: false, wait: true });
    this.boss = null;
  }
}
