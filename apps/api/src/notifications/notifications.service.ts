import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work';
import { composeMessage } from './messages';
import { NOTIFICATION_TRANSPORT, type NotificationTransport } from './notification-transport';
import type { NotificationPayload, NotificationTopic } from './outbox';

/** Messages sent per run; the rest wait for the next minute. */
const BATCH = 100;
/** After this many failures a message stays unsent, with its last error, for someone to look at. */
export const MAX_ATTEMPTS = 8;

/**
 * Delivers the outbox. Each message is taken under its row lock (SKIP LOCKED, so several processes
 * share the work), sent, and marked sent in the same transaction: two runs never send one message.
 * A failed send is retried later, waiting twice as long each time.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(NOTIFICATION_TRANSPORT) private readonly transport: NotificationTransport,
  ) {}

  /** Sends what is due; returns how many went out. */
  async deliverDue(): Promise<number> {
    let sent = 0;
    for (let i = 0; i < BATCH; i++) {
      const outcome = await this.unitOfWork.run(async ({ manager }) => {
        const [row]: { id: string; topic: NotificationTopic; payload: NotificationPayload; attempts: number; email: string }[] =
          await manager.query(
            `SELECT n.id::text, n.topic, n.payload, n.attempts, COALESCE(n.email, a.email) AS email
               FROM notification_outbox n LEFT JOIN account a ON a.id = n.account_id
              WHERE n.sent_at IS NULL AND n.next_attempt_at <= qh_now() AND n.attempts < $1
              ORDER BY n.next_attempt_at, n.id LIMIT 1 FOR UPDATE OF n SKIP LOCKED`,
            [MAX_ATTEMPTS],
          );
        if (!row) return 'none' as const;
        try {
          await this.transport.send({
            messageId: `<outbox-${row.id}@qianhuo.invalid>`,
            to: row.email,
            topic: row.topic,
            ...composeMessage(row.topic, row.payload),
          });
        } catch (error) {
          const problem = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
          await manager.query(
            `UPDATE notification_outbox SET attempts = attempts + 1, last_error = $2,
                    next_attempt_at = qh_now() + make_interval(secs => 30 * power(2, attempts)) WHERE id = $1`,
            [row.id, problem],
          );
          this.logger.warn({ outboxId: row.id, attempts: row.attempts + 1 }, 'notification not sent; will retry');
          return 'failed' as const;
        }
        await manager.query(`UPDATE notification_outbox SET attempts = attempts + 1, sent_at = qh_now(), last_error = NULL WHERE id = $1`, [
          row.id,
        ]);
        return 'sent' as const;
      });
      if (outcome === 'none') break;
      if (outcome === 'sent') sent += 1;
    }
    return sent;
  }
}
