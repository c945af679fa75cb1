import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ResponseCache } from '../common/http-cache.interceptor';
import { PaymentsRepository } from '../payments/payments.repository';
import { PaymentsService, runAfterCommit } from '../payments/payments.service';
import { OrderTransitions } from './order-transitions';

/** Orders looked at per run: a backlog drains over a few runs instead of in one long transaction. */
const BATCH = 200;
export const AUTO_COMPLETE_DAYS = 10;

/**
 * What happens to orders when time passes: an unpaid reservation runs out and its stock goes back;
 * a shipped order completes by itself ten days after its last shipment. Each order is changed in
 * its own transaction under its row lock, so a payment arriving at the same moment either comes
 * first (the order is paid, nothing expires) or finds the order cancelled; never both.
 */
@Injectable()
export class OrderDeadlinesService {
  private readonly logger = new Logger(OrderDeadlinesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transitions: OrderTransitions,
    private readonly payments: PaymentsService,
    private readonly paymentRows: PaymentsRepository,
    private readonly responseCache: ResponseCache,
  ) {}

  /** Cancels every unpaid order past its reservation; returns how many. */
  async expireDue(): Promise<number> {
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM "order" WHERE status = 'AWAITING_PAYMENT' AND expires_at <= qh_now() ORDER BY expires_at LIMIT $1`,
      [BATCH],
    );
    let expired = 0;
    const stopAtProvider: (() => Promise<void>)[] = [];
    for (const { id } of due) {
      const done = await this.dataSource.transaction(async (manager) => {
        // SKIP LOCKED: an order being paid right now is left to the payment; the next run looks again.
        const [order] = await manager.query(
          `SELECT o.id, p.provider_ref FROM "order" o LEFT JOIN payment p ON p.order_id = o.id
            WHERE o.id = $1 AND o.status = 'AWAITING_PAYMENT' AND o.expires_at <= qh_now() FOR UPDATE OF o SKIP LOCKED`,
          [id],
        );
        if (!order) return false;
        await this.transitions.cancel(manager, id, 'RESERVATION_EXPIRED', null);
        await this.paymentRows.setStatus(manager, id, 'CANCELLED');
        return { reference: order.provider_ref as string | null };
      });
      if (done) {
        expired += 1;
        // So that the buyer's open payment page can no longer take money for it; if it does anyway, the webhook refunds it.
        stopAtProvider.push(() => this.payments.cancelAtProvider(done.reference));
      }
    }
    await runAfterCommit(stopAtProvider, this.logger);
    if (expired) {
      this.responseCache.clear();
      this.logger.log({ expired }, 'unpaid orders expired');
    }
    return expired;
  }

  /** Completes shipped orders whose last shipment left more than AUTO_COMPLETE_DAYS ago. */
  async completeDue(): Promise<number> {
    const [, completed] = await this.dataSource.query(
      `UPDATE "order" o SET status = 'COMPLETED', completed_at = qh_now(), updated_at = qh_now()
        -- A partly refunded order completes too, once nothing of it is still waiting to ship.
        WHERE o.status IN ('SHIPPED', 'PARTIALLY_REFUNDED')
          AND (SELECT bool_and(f.status <> 'PENDING') AND max(f.shipped_at) < qh_now() - make_interval(days => $1)
                 FROM fulfillment f WHERE f.order_id = o.id)`,
      [AUTO_COMPLETE_DAYS],
    );
    return completed;
  }
}
