import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work';
import { PaymentsService } from '../payments/payments.service';
import { AcceptanceService } from './acceptance.service';
import { OrderTransitions } from './order-transitions';
import { OrdersRepository } from './orders.repository';

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
    private readonly unitOfWork: UnitOfWork,
    private readonly orders: OrdersRepository,
    private readonly transitions: OrderTransitions,
    private readonly payments: PaymentsService,
    private readonly acceptance: AcceptanceService,
  ) {}

  /** Cancels every unpaid order past its reservation, and every order left undecided past its approval hold; returns how many. */
  async expireDue(): Promise<number> {
    let expired = 0;
    for (const id of await this.orders.dueToExpire(BATCH)) {
      const done = await this.unitOfWork.run(async (work) => {
        // SKIP LOCKED: an order being paid right now is left to the payment; the next run looks again.
        const payment = await this.payments.lockForOrder(work.manager, { orderId: id }, { skipLocked: true });
        if (!payment || payment.orderStatus !== 'AWAITING_PAYMENT' || !payment.expired) return false;
        await this.transitions.cancel(work.manager, id, 'RESERVATION_EXPIRED', null);
        // Stopped at the provider too, so that the buyer's open payment page can no longer take money for it; if it does anyway, the webhook refunds it.
        await this.payments.cancelUnpaid(work, payment, { atProvider: true });
        work.catalogChanged();
        return true;
      });
      if (done) expired += 1;
    }
    if (expired) this.logger.log({ expired }, 'unpaid orders expired');
    return expired + (await this.expireApprovalsDue());
  }

  /**
   * Cancels every organisation's order that nobody approved or rejected within the hold: its stock goes
   * back once, as for unpaid orders (an approver deciding at the same moment either comes first or finds it cancelled).
   */
  private async expireApprovalsDue(): Promise<number> {
    let expired = 0;
    for (const id of await this.orders.dueToExpire(BATCH, 'AWAITING_APPROVAL')) {
      const done = await this.unitOfWork.run(async (work) => {
        const order = await this.orders.lockUnlessBusy(work.manager, id);
        if (order?.status !== 'AWAITING_APPROVAL' || !order.expired) return false;
        await this.transitions.cancel(work.manager, id, 'APPROVAL_EXPIRED', null);
        await this.transitions.approvalExpired(work.manager, id);
        work.catalogChanged();
        return true;
      });
      if (done) expired += 1;
    }
    if (expired) this.logger.log({ expired }, 'orders waiting for approval expired');
    return expired;
  }

  /**
   * Accepts organisations' parts nobody acted on in time, then completes shipped orders whose last
   * shipment left more than AUTO_COMPLETE_DAYS ago; returns how many orders completed.
   */
  async completeDue(): Promise<number> {
    await this.acceptance.acceptDue();
    let completed = 0;
    for (const id of await this.orders.dueToComplete(AUTO_COMPLETE_DAYS, BATCH)) {
      const done = await this.unitOfWork.run(async ({ manager }) => {
        // Orders busy elsewhere are left for the next run rather than waited for.
        const order = await this.orders.lockUnlessBusy(manager, id);
        return order ? this.transitions.complete(manager, order) : false;
      });
      if (done) completed += 1;
    }
    return completed;
  }
}
