import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { LedgerDigestService } from '../impact/ledger-digest.service';
import { SettlementService } from '../impact/settlement.service';
import { NotificationsService } from '../notifications/notifications.service';
import { OrderDeadlinesService } from '../orders/order-deadlines.service';
import { RefundsService } from '../payments/refunds.service';

/** Every minute, on whichever API process pg-boss hands the job to: one run at a time across all of them. */
const EVERY_MINUTE = '* * * * *';
/** Each job's schedule, in China time: the ledger's days end at midnight there. */
const JOBS = {
  'orders-expire-reservations': EVERY_MINUTE,
  'orders-auto-complete': EVERY_MINUTE,
  'payments-submit-refunds': EVERY_MINUTE,
  'notifications-deliver': EVERY_MINUTE,
  // A quarter past midnight: yesterday is over, with time for transactions that straddled midnight. Hourly
  // runs after that catch a missed night; a digested day is never digested again. Once a day has been
  // digested (or a day has passed), every digested day is checked against the ledger.
  'ledger-digest': '15 * * * *',
  // After the digest: yesterday's pools go to the households linked that day.
  'households-settle': '20 * * * *',
} as const;
type JobName = keyof typeof JOBS;

/**
 * Background work through pg-boss, whose queues live in PostgreSQL (schema `pgboss`), so several API
 * processes share the schedule and a job runs once however many are up.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private boss: PgBoss | null = null;
  private listener: Client | null = null;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly databaseUrl: string,
    private readonly deadlines: OrderDeadlinesService,
    private readonly refunds: RefundsService,
    private readonly notifications: NotificationsService,
    private readonly digests: LedgerDigestService,
    private readonly settlements: SettlementService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    const boss = new PgBoss({ connectionString: this.databaseUrl, schema: 'pgboss', max: 2, application_name: 'qianhuo-jobs' });
    boss.on('error', (error) => this.logger.error({ err: error }, 'job queue error'));
    await boss.start();
    const handlers: Record<JobName, () => Promise<unknown>> = {
      'orders-expire-reservations': () => this.deadlines.expireDue(),
      'orders-auto-complete': () => this.deadlines.completeDue(),
      'payments-submit-refunds': () => this.refunds.submitPending(),
      'notifications-deliver': () => this.notifications.deliverDue(),
      'ledger-digest': () => this.digests.digestAndVerify(),
      'households-settle': () => this.settlements.settleFinishedDays(),
    };
    for (const [name, cron] of Object.entries(JOBS) as [JobName, string][]) {
      await boss.createQueue(name, { name, policy: 'singleton' });
      await boss.schedule(name, cron, {}, { tz: 'Asia/Shanghai' });
      await boss.work(name, async () => {
        await handlers[name]();
      });
    }
    this.boss = boss;
    // A new or restarted server digests, checks and settles finished days now rather than at the next quarter past.
    await boss.send('ledger-digest', {});
    await boss.send('households-settle', {});
    await this.wakeOnNewNotifications(boss);
  }

  /**
   * A trigger NOTIFYs `notification_outbox` when messages commit; the delivery job is then queued at
   * once. The queue is a singleton, so a burst of commits (or several listening processes) still runs
   * one delivery at a time; the minute schedule remains for retries and for a missed wake-up.
   */
  private async wakeOnNewNotifications(boss: PgBoss): Promise<void> {
    const listener = new Client({ connectionString: this.databaseUrl, application_name: 'qianhuo-outbox-listener' });
    listener.on('error', (error) =>
      this.logger.warn({ problem: error.message }, 'outbox listener lost; the minute schedule still delivers'),
    );
    listener.on('notification', () => {
      boss
        .send('notifications-deliver', {})
        .catch((error: Error) => this.logger.warn({ problem: error.message }, 'could not queue delivery'));
    });
    await listener.connect();
    await listener.query('LISTEN notification_outbox');
    this.listener = listener;
  }

  async onApplicationShutdown(): Promise<void> {
    // Not graceful: each order changes in its own transaction, so a run cut short loses nothing and the next run goes on.
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
    await this.boss?.stop({ graceful: false, wait: true });
    this.boss = null;
  }
}
