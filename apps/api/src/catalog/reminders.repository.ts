import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { row, rows } from '../database/sql';
import { IS_BUYABLE } from './product-sql';

export interface ReminderRow {
  productSlug: string;
  titleZh: string;
  titleEn: string;
  saleStartsAt: Date | null;
  createdAt: Date;
}

/** A reminder whose product can be bought now: its buyer is told once. */
export interface DueReminderRow {
  accountId: string;
  productId: string;
  productSlug: string;
  titleZh: string;
  titleEn: string;
  /** Names this reminder, so telling about it twice is one message (the outbox's dedupe key). */
  key: string;
}

/** Can be bought now: on sale, and some variant in stock. */
const CAN_BUY_NOW = `(${IS_BUYABLE} AND EXISTS (SELECT 1 FROM product_variant v WHERE v.product_id = p.id AND v.stock > 0))`;

/** 到货提醒: buyers waiting for a product to open for sale or come back in stock. */
@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A product of the shop by its slug, and whether it can be bought now. */
  product(slug: string): Promise<{ id: string; canBuyNow: boolean } | undefined> {
    return row(
      this.dataSource,
      `SELECT p.id, ${CAN_BUY_NOW} AS "canBuyNow" FROM product p JOIN cooperative c ON c.id = p.cooperative_id
        WHERE p.slug = $1 AND p.status = 'PUBLISHED' AND c.status = 'VERIFIED'`,
      [slug],
    );
  }

  /** The buyer's reminders still waiting, newest first. */
  waitingFor(accountId: string): Promise<ReminderRow[]> {
    return rows(
      this.dataSource,
      `SELECT p.slug AS "productSlug", p.title_zh AS "titleZh", p.title_en AS "titleEn", p.sale_starts_at AS "saleStartsAt",
              r.created_at AS "createdAt"
         FROM arrival_reminder r JOIN product p ON p.id = r.product_id
        WHERE r.account_id = $1 AND r.notified_at IS NULL
        ORDER BY r.created_at DESC, p.slug LIMIT 200`,
      [accountId],
    );
  }

  /** Sets the reminder; one that was sent already waits again, as a new one. */
  async set(accountId: string, productId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO arrival_reminder (account_id, product_id) VALUES ($1, $2)
       ON CONFLICT (account_id, product_id) DO UPDATE SET notified_at = NULL, created_at = qh_now()
        WHERE arrival_reminder.notified_at IS NOT NULL`,
      [accountId, productId],
    );
  }

  /** Whether there was a waiting reminder to remove. */
  async remove(accountId: string, productId: string): Promise<boolean> {
    const removed = await rows(
      this.dataSource,
      `DELETE FROM arrival_reminder WHERE account_id = $1 AND product_id = $2 AND notified_at IS NULL RETURNING product_id`,
      [accountId, productId],
    );
    return removed.length > 0;
  }

  /** Waiting reminders whose product can be bought now, locked for the caller's transaction (others skip them). */
  due(manager: EntityManager, limit: number): Promise<DueReminderRow[]> {
    return rows(
      manager,
      `SELECT r.account_id AS "accountId", r.product_id AS "productId", p.slug AS "productSlug", p.title_zh AS "titleZh",
              p.title_en AS "titleEn", r.account_id || ':' || r.product_id || ':' || extract(epoch FROM r.created_at) AS key
         FROM arrival_reminder r JOIN product p ON p.id = r.product_id JOIN cooperative c ON c.id = p.cooperative_id
        WHERE r.notified_at IS NULL AND ${CAN_BUY_NOW}
        ORDER BY r.created_at LIMIT $1 FOR UPDATE OF r SKIP LOCKED`,
      [limit],
    );
  }

  async markSent(manager: EntityManager, reminders: { accountId: string; productId: string }[]): Promise<void> {
    await manager.query(
      `UPDATE arrival_reminder r SET notified_at = qh_now()
         FROM unnest($1::uuid[], $2::uuid[]) AS x(account_id, product_id)
        WHERE r.account_id = x.account_id AND r.product_id = x.product_id`,
      [reminders.map((r) => r.accountId), reminders.map((r) => r.productId)],
    );
  }
}
