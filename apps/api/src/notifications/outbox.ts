import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { preparedRowsIn } from '../database/sql';

export const NOTIFICATION_TOPICS = [
  'ORDER_PAID',
  'ORDER_SHIPPED',
  'ORDER_REFUNDED',
  'LATE_PAYMENT_REFUNDED',
  'PRODUCT_ON_SALE',
  'PASSWORD_RESET',
  'ORGANISATION_INVITATION',
  'ORGANISATION_REVIEWED',
  'ORDER_AWAITING_APPROVAL',
  'ORDER_APPROVED',
  'ORDER_REJECTED',
  'ORDER_APPROVAL_EXPIRED',
  'STATEMENT_ISSUED',
  'LOT_RECALLED',
  'CLAIM_OPENED',
  'CLAIM_UPDATED',
] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

/** What a message says; figures, order numbers and product titles only, never an address or a name. */
export interface NotificationPayload {
  orderNumber?: string;
  /** PRODUCT_ON_SALE: the product a buyer asked to hear about (到货提醒). */
  productSlug?: string;
  productTitle?: string;
  productTitleEn?: string;
  /** PASSWORD_RESET: the single-use link (`/reset-password?token=…`), valid for `validMinutes`. */
  resetPath?: string;
  validMinutes?: number;
  /** ORGANISATION_INVITATION and ORGANISATION_REVIEWED: which organisation; the invitation's link (`/org/join?token=…`). */
  organisationName?: string;
  invitePath?: string;
  validDays?: number;
  /** An organisation's order: the day it is to be delivered; whether it is paid on account (no payment now). */
  deliveryOn?: string;
  onAccount?: boolean;
  /** STATEMENT_ISSUED: the statement, what it says is due (amountFen) and by when. */
  statementNumber?: string;
  dueOn?: string;
  /** ORGANISATION_REVIEWED: VERIFIED or REJECTED, and why it was rejected (ORDER_REJECTED: why the approver said no). */
  status?: string;
  reason?: string;
  amountFen?: number;
  carrier?: string;
  trackingNo?: string;
  cooperative?: string;
  /** LOT_RECALLED: the lot (its page is /lot/{lotCode}); `reason` holds the recall notice. */
  lotCode?: string;
  /** CLAIM_OPENED and CLAIM_UPDATED: the claim and where it stands now. */
  claimId?: string;
}

/**
 * Writes a notification in the caller's transaction, so it exists exactly when the change it tells
 * about committed. `dedupeKey` names the change (`ORDER_PAID:<order id>`): writing it again is a no-op.
 */
@Injectable()
export class Outbox {
  async write(
    manager: EntityManager,
    message: { topic: NotificationTopic; dedupeKey: string; orderId: string | null; payload: NotificationPayload } & (
      { accountId: string } | { email: string }
    ),
  ): Promise<void> {
    // To an account, or to an e-mail address that has none yet (an invitation).
    const [accountId, email] = 'accountId' in message ? [message.accountId, null] : [null, message.email];
    // Every payment writes one: prepared, so that its connection plans it once.
    await preparedRowsIn(
      manager,
      `INSERT INTO notification_outbox (topic, dedupe_key, account_id, email, order_id, payload) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [message.topic, message.dedupeKey, accountId, email, message.orderId, message.payload],
    );
  }
}
