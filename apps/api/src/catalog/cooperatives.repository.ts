import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { timestampKey } from '../common/keyset-cursor';
import type { CooperativeStatus } from './dto/admin-catalog.dto';

export interface AdminCooperativeRow {
  id: string;
  name_zh: string;
  name_en: string;
  credit_code: string;
  status: CooperativeStatus;
  suspended_reason: string | null;
  verified_at: Date | null;
  created_at: Date;
  township_code: string;
  township_name: string;
  township_name_en: string;
  product_count: number;
  published_count: number;
  sort_key: string;
}

const CREATED_KEY = timestampKey('c.created_at');

const ADMIN_COLUMNS = `
  c.id, c.name_zh, c.name_en, c.credit_code, c.status, c.suspended_reason, c.verified_at, c.created_at,
  t.code AS township_code, t.name AS township_name, t.name_en AS township_name_en,
  (SELECT count(*)::int FROM product p WHERE p.cooperative_id = c.id) AS product_count,
  (SELECT count(*)::int FROM product p WHERE p.cooperative_id = c.id AND p.status = 'PUBLISHED') AS published_count,
  ${CREATED_KEY} AS sort_key`;

/** Cooperatives as admins manage them: the verification queue, verify and suspend. */
@Injectable()
export class CooperativesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Oldest first, so the queue is worked in the order cooperatives applied. */
  list(filter: { status?: CooperativeStatus; limit: number; after?: { key: string; id: string } }): Promise<AdminCooperativeRow[]> {
    return this.dataSource.query(
      `SELECT ${ADMIN_COLUMNS} FROM cooperative c JOIN township t ON t.code = c.township_code
        WHERE ($1::text IS NULL OR c.status = $1)
          AND ($2::text IS NULL OR (${CREATED_KEY}, c.id) > ($2::text, $3::uuid))
        ORDER BY ${CREATED_KEY}, c.id LIMIT $4`,
      [filter.status ?? null, filter.after?.key ?? null, filter.after?.id ?? null, filter.limit],
    );
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<AdminCooperativeRow | undefined> {
    const [row] = await manager.query(
      `SELECT ${ADMIN_COLUMNS} FROM cooperative c JOIN township t ON t.code = c.township_code WHERE c.id = $1`,
      [id],
    );
    return row;
  }

  async lock(manager: EntityManager, id: string): Promise<{ status: CooperativeStatus; credit_code: string } | undefined> {
    const [row] = await manager.query(`SELECT status, credit_code FROM cooperative WHERE id = $1 FOR UPDATE`, [id]);
    return row;
  }

  async setStatus(manager: EntityManager, id: string, status: CooperativeStatus, suspendedReason: string | null): Promise<void> {
    await manager.query(
      `UPDATE cooperative SET status = $2, suspended_reason = $3, updated_at = qh_now(),
              verified_at = CASE WHEN $2 = 'VERIFIED' THEN qh_now() ELSE verified_at END
        WHERE id = $1`,
      [id, status, suspendedReason],
    );
  }

  /** A cooperative's status, for the portal: staff of a suspended cooperative cannot change its shop. */
  async status(id: string, manager: EntityManager = this.dataSource.manager): Promise<CooperativeStatus | undefined> {
    const [row] = await manager.query(`SELECT status FROM cooperative WHERE id = $1`, [id]);
    return row?.status;
  }
}
