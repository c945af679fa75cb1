import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { timestampKey } from '../common/keyset-cursor';
import { row, rows } from '../database/sql';
import type { CooperativeStatus } from './dto/admin-catalog.dto';

export interface AdminCooperativeRow {
  id: string;
  nameZh: string;
  nameEn: string;
  creditCode: string;
  status: CooperativeStatus;
  suspendedReason: string | null;
  verifiedAt: Date | null;
  createdAt: Date;
  townshipCode: string;
  townshipName: string;
  townshipNameEn: string;
  productCount: number;
  publishedCount: number;
  leadDays: number;
  platformFeeBp: number;
  sortKey: string;
}

const CREATED_KEY = timestampKey('c.created_at');

const ADMIN_COLUMNS = `
  c.id, c.name_zh AS "nameZh", c.name_en AS "nameEn", c.credit_code AS "creditCode", c.status, c.suspended_reason AS "suspendedReason",
  c.verified_at AS "verifiedAt", c.created_at AS "createdAt", t.code AS "townshipCode", t.name AS "townshipName",
  t.name_en AS "townshipNameEn",
  (SELECT count(*) FROM product p WHERE p.cooperative_id = c.id) AS "productCount",
  (SELECT count(*) FROM product p WHERE p.cooperative_id = c.id AND p.status = 'PUBLISHED') AS "publishedCount", c.lead_days AS "leadDays", c.platform_fee_bp AS "platformFeeBp",
  ${CREATED_KEY} AS "sortKey"`;

/** Cooperatives as admins manage them: the verification queue, verify and suspend. */
@Injectable()
export class CooperativesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Oldest first, so the queue is worked in the order cooperatives applied. */
  list(filter: { status?: CooperativeStatus; limit: number; after?: { key: string; id: string } }): Promise<AdminCooperativeRow[]> {
    return rows(
      this.dataSource,
      `SELECT ${ADMIN_COLUMNS} FROM cooperative c JOIN township t ON t.code = c.township_code
        WHERE ($1::text IS NULL OR c.status = $1)
          AND ($2::text IS NULL OR (${CREATED_KEY}, c.id) > ($2::text, $3::uuid))
        ORDER BY ${CREATED_KEY}, c.id LIMIT $4`,
      [filter.status ?? null, filter.after?.key ?? null, filter.after?.id ?? null, filter.limit],
    );
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<AdminCooperativeRow | undefined> {
    return row(manager, `SELECT ${ADMIN_COLUMNS} FROM cooperative c JOIN township t ON t.code = c.township_code WHERE c.id = $1`, [id]);
  }

  lock(manager: EntityManager, id: string): Promise<{ status: CooperativeStatus; creditCode: string } | undefined> {
    return row(manager, `SELECT status, credit_code AS "creditCode" FROM cooperative WHERE id = $1 FOR UPDATE`, [id]);
  }

  async setStatus(manager: EntityManager, id: string, status: CooperativeStatus, suspendedReason: string | null): Promise<void> {
    await manager.query(
      `UPDATE cooperative SET status = $2, suspended_reason = $3, updated_at = qh_now(),
              verified_at = CASE WHEN $2 = 'VERIFIED' THEN qh_now() ELSE verified_at END
        WHERE id = $1`,
      [id, status, suspendedReason],
    );
  }

  async setPlatformFee(manager: EntityManager, id: string, rateBp: number): Promise<void> {
    await manager.query(`UPDATE cooperative SET platform_fee_bp = $2, updated_at = qh_now() WHERE id = $1`, [id, rateBp]);
  }

  async setLeadDays(manager: EntityManager, id: string, leadDays: number): Promise<void> {
    await manager.query(`UPDATE cooperative SET lead_days = $2, updated_at = qh_now() WHERE id = $1`, [id, leadDays]);
  }

  /** A cooperative's status, for the portal: staff of a suspended cooperative cannot change its shop. */
  async status(id: string, manager: EntityManager = this.dataSource.manager): Promise<CooperativeStatus | undefined> {
    return (await row<{ status: CooperativeStatus }>(manager, `SELECT status FROM cooperative WHERE id = $1`, [id]))?.status;
  }
}
