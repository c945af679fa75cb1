import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { LedgerDigestService } from '../impact/ledger-digest.service';
import { ImpactCatchUp } from '../impact/impact-catch-up.service';
import { SettlementService } from '../impact/settlement.service';
import { NotificationsService } from '../notifications/notifications.service';
import { OrderDeadlinesService } from '../orders/order-deadlines.service';
import { RefundsService } from '../payments/refunds.service';
import { AuthService } from '../auth/auth.service';
import { CartService } from '../orders/cart.service';
import { RemindersService } from '../catalog/reminders.service';
import { StatementsService } from '../billing/statements.service';
import { ClaimsService } from '../claims/claims.service';

/** Waits before listening for the outbox again after losing the database, doubling up to the last. */
const LISTEN_RETRY_FIRST_MS = 1_000;
const LISTEN_RETRY_MAX_MS = 30_000;

/** Every minute, on whichever API process pg-boss hands the job to: one run at a time across all of them. */
const EVERY_MINUTE = '* * * * *';
/** Each job's schedule, in China time: the ledger's days end at midnight there. */
const JOBS = {
  'orders-expire-reservations': EVERY_MINUTE,
  'orders-auto-complete': EVERY_MINUTE,
  'payments-submit-refunds': EVERY_MINUTE,
  'notifications-deliver': EVERY_MINUTE,
  // 到货提醒: buyers waiting for a product hear within a minute of it opening for sale or coming back in stock.
  'reminders-notify': EVERY_MINUTE,
  // 售后: a claim the cooperative left unanswered for 24 h goes to the admins within a minute.
  'claims-overdue': EVERY_MINUTE,
  // The sums, paid orders and buyers of the officials' figures, which a report would otherwise take in when it is
  // read (ImpactCatchUp). The name is older than the sums: a renamed job would leave its old schedule behind.
  'impact-count-orders': EVERY_MINUTE,
  // A quarter past midnight: yesterday is over, with time for transactions that straddled midnight. Hourly
  // runs after that catch a missed night; a digested day is never digested again. Once a day has been
  // digested (or a day has passed), every digested day is checked against the ledger.
  'ledger-digest': '15 * * * *',
  // After the digest: yesterday's pools go to the households linked that day.
  'households-settle': '20 * * * *',
  // In the quiet of the night: sign-in and registration attempts past every window, guest carts past their cookie.
  'maintenance-purge': '40 3 * * *',
  // Organisations on account: the month-end statement early on the 1st; hourly runs after catch a missed one.
  'billing-statements': '5 * * * *',
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
  private relisten: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly databaseUrl: string,
    private readonly deadlines: OrderDeadlinesService,
    private readonly refunds: RefundsService,
    private readonly notifications: NotificationsService,
    private readonly digests: LedgerDigestService,
    private readonly settlements: SettlementService,
    private readonly auth: AuthService,
    private readonly carts: CartService,
    private readonly reminders: RemindersService,
    private readonly statements: StatementsService,
    private readonly claims: ClaimsService,
    private readonly impact: ImpactCatchUp,
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
      'reminders-notify': () => this.reminders.remindDue(),
      'claims-overdue': () => this.claims.tellOverdue(),
      'impact-count-orders': () => this.impact.catchUp(),
      'ledger-digest': () => this.digests.digestAndVerify(),
      'households-settle': () => this.settlements.settleFinishedDays(),
      'maintenance-purge': () => this.purge(),
      'billing-statements': () => this.statements.issueMonthly(),
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

  /** Deletes what no longer counts for anything; a missed night is caught up by the next. */
  async purge(): Promise<{ attempts: number; guestCarts: number }> {
    const purged = { attempts: await this.auth.purgeOldAttempts(), guestCarts: await this.carts.purgeAbandonedGuestCarts() };
    this.logger.log({ ...purged }, 'purged old attempts and abandoned guest carts');
    return purged;
  }

  /**
   * A trigger NOTIFYs `notification_outbox` when messages commit; the delivery job is then queued at
   * once. The queue is a singleton, so a burst of commits (or several listening processes) still runs
   * one delivery at a time; the minute schedule remains for retries and for a missed wake-up. A
   * listener that loses its database (a restart) listens again once it can, the minute schedule
   * delivering meanwhile.
   */
  private async wakeOnNewNotifications(boss: PgBoss, retryMs = LISTEN_RETRY_FIRST_MS): Promise<void> {
    if (this.stopped) return;
    const listener = new Client({ connectionString: this.databaseUrl, application_name: 'qianhuo-outbox-listener' });
    let lost = false;
    const listenAgain = (problem: string) => {
      if (lost || this.listener !== listener) return;
      lost = true;
      this.listener = null;
      listener.end().catch(() => undefined);
      this.logger.warn({ problem, retryInMs: retryMs }, 'outbox listener lost; the minute schedule still delivers');
      this.relisten = setTimeout(() => void this.wakeOnNewNotifications(boss, Math.min(retryMs * 2, LISTEN_RETRY_MAX_MS)), retryMs);
    };
    listener.on('error', (error) => listenAgain(error.message));
    listener.on('end', () => listenAgain('connection ended'));
    listener.on('notification', () => {
      boss
        .send('notifications-deliver', {})
        .catch((error: Error) => this.logger.warn({ problem: error.message }, 'could not queue delivery'));
    });
    this.listener = listener;
    try {
      await listener.connect();
      await listener.query('LISTEN notification_outbox');
    } catch (error) {
      // The first start must not fail on it (pg-boss started, so the database was there a moment ago).
      listenAgain(error instanceof Error ? error.message : String(error));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // Not graceful: each order changes in its own transaction, so a run cut short loses nothing and the next run goes on.
    this.stopped = true;
    clearTimeout(this.relisten);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await this.boss?.stop({ graceful: false, wait: true });
    this.boss = null;
  }
}
