import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AcceptanceOutcome, ShortfallReason } from '@qh/domain';
import { DataSource, EntityManager } from 'typeorm';
import { timestampKey } from '../common/keyset-cursor';
import { row, rows } from '../database/sql';

export type ClaimStatus = 'PENDING' | 'REFUNDED' | 'DECLINED';

export interface ShortfallClaimRow {
  id: string;
  status: ClaimStatus;
  orderId: string;
  orderNumber: string;
  fulfillmentId: string;
  organisationName: string;
  cooperativeName: string;
  note: string | null;
  /** The receiver's photos of the shortfall, as /uploads/ URLs. */
  photos: string[];
  lines: { lineId: string; titleZh: string; labelZh: string; shortQuantity: number; unitPriceFen: number; reason: ShortfallReason }[];
  refundId: string | null;
  declineReason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  sortKey: string;
}

const CLAIM_COLUMNS = `s.id, s.status, s.order_id AS "orderId", o.number AS "orderNumber", s.fulfillment_id AS "fulfillmentId",
  g.name AS "organisationName", c.name_zh AS "cooperativeName", s.note, s.photos, s.refund_id AS "refundId", s.decline_reason AS "declineReason",
  s.created_at AS "createdAt", s.decided_at AS "decidedAt", ${timestampKey('s.created_at')} AS "sortKey",
  (SELECT json_agg(json_build_object('lineId', l.id, 'titleZh', l.title_zh, 'labelZh', l.label_zh, 'unitPriceFen', l.unit_price_fen,
                                     'shortQuantity', l.quantity - l.refunded_quantity - a.accepted_quantity, 'reason', a.shortfall_reason)
                   ORDER BY l.id)
     FROM acceptance_line a JOIN order_line l ON l.id = a.order_line_id
    WHERE a.fulfillment_id = s.fulfillment_id AND a.shortfall_reason IS NOT NULL) AS lines`;
const CLAIM_FROM = `shortfall_claim s JOIN "order" o ON o.id = s.order_id JOIN organisation g ON g.id = o.organisation_id
  JOIN fulfillment f ON f.id = s.fulfillment_id JOIN cooperative c ON c.id = f.cooperative_id`;

/** What receivers accepted of each line, and the claims their shortfalls became. */
@Injectable()
export class AcceptanceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertLines(manager: EntityManager, fulfillmentId: string, outcome: AcceptanceOutcome[]): Promise<void> {
    await manager.query(
      `INSERT INTO acceptance_line (order_line_id, fulfillment_id, accepted_quantity, shortfall_reason)
       SELECT line_id, $1, accepted, reason FROM unnest($2::uuid[], $3::int[], $4::text[]) AS x(line_id, accepted, reason)`,
      [fulfillmentId, outcome.map((line) => line.lineId), outcome.map((line) => line.acceptedQuantity), outcome.map((line) => line.reason)],
    );
  }

  async insertClaim(manager: EntityManager, claim: { fulfillmentId: string; orderId: string; note: string | null }): Promise<string> {
    const created = await row<{ id: string }>(
      manager,
      `INSERT INTO shortfall_claim (fulfillment_id, order_id, note) VALUES ($1, $2, $3) RETURNING id`,
      [claim.fulfillmentId, claim.orderId, claim.note],
    );
    return created!.id;
  }

  /** Oldest first, so claims are settled in the order they came. */
  list(filter: { status?: ClaimStatus; limit: number; after?: { key: string; id: string } }): Promise<ShortfallClaimRow[]> {
    return rows(
      this.dataSource,
      `SELECT ${CLAIM_COLUMNS} FROM ${CLAIM_FROM}
        WHERE ($1::text IS NULL OR s.status = $1) AND ($2::text IS NULL OR (${timestampKey('s.created_at')}, s.id) > ($2::text, $3::uuid))
        ORDER BY s.created_at, s.id LIMIT $4`,
      [filter.status ?? null, filter.after?.key ?? null, filter.after?.id ?? null, filter.limit],
    );
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<ShortfallClaimRow | undefined> {
    return row(manager, `SELECT ${CLAIM_COLUMNS} FROM ${CLAIM_FROM} WHERE s.id = $1`, [id]);
  }

  /** The claim a part's shortfall became, locked, with the organisation and order it belongs to. */
  lockOfPart(
    manager: EntityManager,
    fulfillmentId: string,
  ): Promise<{ id: string; status: ClaimStatus; photos: string[]; organisationId: string; orderNumber: string } | undefined> {
    return row(
      manager,
      `SELECT s.id, s.status, s.photos, o.organisation_id AS "organisationId", o.number AS "orderNumber"
         FROM shortfall_claim s JOIN "order" o ON o.id = s.order_id WHERE s.fulfillment_id = $1 FOR UPDATE OF s`,
      [fulfillmentId],
    );
  }

  async addPhoto(manager: EntityManager, id: string, url: string): Promise<void> {
    await manager.query(`UPDATE shortfall_claim SET photos = array_append(photos, $2) WHERE id = $1`, [id, url]);
  }

  lock(manager: EntityManager, id: string): Promise<{ id: string; status: ClaimStatus } | undefined> {
    return row(manager, `SELECT id, status FROM shortfall_claim WHERE id = $1 FOR UPDATE`, [id]);
  }

  async decide(
    manager: EntityManager,
    id: string,
    decision: { by: string } & ({ refundId: string } | { declineReason: string }),
  ): Promise<void> {
    const refunded = 'refundId' in decision;
    await manager.query(
      `UPDATE shortfall_claim SET status = $2, refund_id = $3, decline_reason = $4, decided_by = $5, decided_at = qh_now() WHERE id = $1`,
      [id, refunded ? 'REFUNDED' : 'DECLINED', refunded ? decision.refundId : null, refunded ? null : decision.declineReason, decision.by],
    );
  }
}
