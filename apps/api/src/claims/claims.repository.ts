import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SHIP_ON_TIME_HOURS, UNDECIDED_CLAIM_STATUSES, type ClaimReason, type ClaimStatus } from '@qh/domain';
import { DataSource, EntityManager } from 'typeorm';
import { row, rows, type Queryable } from '../database/sql';

export interface ClaimRow {
  id: string;
  status: ClaimStatus;
  orderId: string;
  orderNumber: string;
  buyerId: string;
  fulfillmentId: string;
  cooperativeId: string;
  cooperativeName: string;
  openedBy: string;
  organisationId: string | null;
  organisationName: string | null;
  reason: ClaimReason;
  note: string | null;
  photos: string[];
  answerDueAt: Date;
  answeredAt: Date | null;
  answerNote: string | null;
  decisionNote: string | null;
  refund: { id: string; status: string; amountFen: number } | null;
  createdAt: Date;
  closedAt: Date | null;
  /** The cooperative's answer time is up. */
  overdue: boolean;
  lines: {
    lineId: string;
    titleZh: string;
    titleEn: string;
    labelZh: string;
    unitPriceFen: number;
    quantity: number;
    askedQuantity: number;
    offeredQuantity: number | null;
    grantedQuantity: number | null;
  }[];
}

const CLAIM_COLUMNS = `cl.id, cl.status, cl.order_id AS "orderId", o.number AS "orderNumber", o.buyer_id AS "buyerId",
  cl.fulfillment_id AS "fulfillmentId", cl.cooperative_id AS "cooperativeId", c.name_zh AS "cooperativeName", cl.opened_by AS "openedBy",
  cl.organisation_id AS "organisationId", org.name AS "organisationName", cl.reason, cl.note, cl.photos,
  cl.answer_due_at AS "answerDueAt", cl.answered_at AS "answeredAt", cl.answer_note AS "answerNote", cl.decision_note AS "decisionNote",
  (SELECT json_build_object('id', r.id, 'status', r.status, 'amountFen', r.amount_fen) FROM refund r WHERE r.id = cl.refund_id) AS refund,
  cl.created_at AS "createdAt", cl.closed_at AS "closedAt", cl.answer_due_at < qh_now() AS overdue,
  (SELECT json_agg(json_build_object('lineId', l.id, 'titleZh', l.title_zh, 'titleEn', l.title_en, 'labelZh', l.label_zh,
                                     'unitPriceFen', l.unit_price_fen, 'quantity', l.quantity, 'askedQuantity', x.asked_quantity,
                                     'offeredQuantity', x.offered_quantity, 'grantedQuantity', x.granted_quantity) ORDER BY l.title_zh, l.id)
     FROM claim_line x JOIN order_line l ON l.id = x.order_line_id WHERE x.claim_id = cl.id) AS lines`;
const CLAIM_FROM = `claim cl JOIN "order" o ON o.id = cl.order_id JOIN cooperative c ON c.id = cl.cooperative_id
  LEFT JOIN organisation org ON org.id = cl.organisation_id`;

/** A line of an order as a new claim sees it. */
export interface ClaimSourceLine {
  lineId: string;
  fulfillmentId: string;
  cooperativeId: string;
  category: string;
  unitPriceFen: number;
  /** Bought, less refunded or on its way back (a settled claim's refund may still wait for the provider), less held by undecided claims. */
  claimableQuantity: number;
  partStatus: string;
  /** When the part was received: the organisation's acceptance, else the order's completion (confirmed or automatic). */
  receivedAt: Date | null;
}

/** After-sales claims and their lines: the one writer of `claim` and `claim_line`. */
@Injectable()
export class ClaimsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The order, locked so that two claims on it are decided one after the other. */
  lockOrder(manager: EntityManager, orderNumber: string) {
    return row<{ id: string; buyerId: string; organisationId: string | null; status: string }>(
      manager,
      `SELECT id, buyer_id AS "buyerId", organisation_id AS "organisationId", status FROM "order" WHERE number = $1 FOR UPDATE`,
      [orderNumber],
    );
  }

  /** Whether the account is a receiver of the organisation. */
  async isReceiver(accountId: string, organisationId: string | null, db: Queryable = this.dataSource): Promise<boolean> {
    if (!organisationId) return false;
    const found = await row(
      db,
      `SELECT 1 FROM organisation_member WHERE account_id = $1 AND organisation_id = $2 AND 'RECEIVER' = ANY(roles)`,
      [accountId, organisationId],
    );
    return Boolean(found);
  }

  sourceLines(manager: EntityManager, orderId: string): Promise<ClaimSourceLine[]> {
    return rows(
      manager,
      `SELECT l.id AS "lineId", l.fulfillment_id AS "fulfillmentId", l.cooperative_id AS "cooperativeId", l.category,
              l.unit_price_fen AS "unitPriceFen", f.status AS "partStatus", coalesce(f.accepted_at, o.completed_at) AS "receivedAt",
              l.quantity
                - greatest(l.refunded_quantity, (SELECT coalesce(sum(rl.quantity), 0) FROM refund_line rl JOIN refund r ON r.id = rl.refund_id
                                                  WHERE rl.order_line_id = l.id AND r.status <> 'FAILED')::int)
                - (SELECT coalesce(sum(x.asked_quantity), 0) FROM claim_line x JOIN claim c ON c.id = x.claim_id
                    WHERE x.order_line_id = l.id AND c.status = ANY($2))::int AS "claimableQuantity"
         FROM order_line l JOIN fulfillment f ON f.id = l.fulfillment_id JOIN "order" o ON o.id = l.order_id
        WHERE l.order_id = $1 ORDER BY l.id`,
      [orderId, UNDECIDED_CLAIM_STATUSES],
    );
  }

  async insert(
    manager: EntityManager,
    claim: {
      orderId: string;
      fulfillmentId: string;
      cooperativeId: string;
      openedBy: string;
      organisationId: string | null;
      reason: ClaimReason;
      note: string | null;
      answerHours: number;
      lines: { lineId: string; quantity: number }[];
    },
  ): Promise<string> {
    const [inserted] = await rows<{ id: string }>(
      manager,
      `INSERT INTO claim (order_id, fulfillment_id, cooperative_id, opened_by, organisation_id, reason, note, answer_due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, qh_now() + make_interval(hours => $8)) RETURNING id`,
      [
        claim.orderId,
        claim.fulfillmentId,
        claim.cooperativeId,
        claim.openedBy,
        claim.organisationId,
        claim.reason,
        claim.note,
        claim.answerHours,
      ],
    );
    await manager.query(
      `INSERT INTO claim_line (claim_id, order_line_id, asked_quantity) SELECT $1, * FROM unnest($2::uuid[], $3::int[])`,
      [inserted.id, claim.lines.map((l) => l.lineId), claim.lines.map((l) => l.quantity)],
    );
    return inserted.id;
  }

  find(id: string, db: Queryable = this.dataSource): Promise<ClaimRow | undefined> {
    return row(db, `SELECT ${CLAIM_COLUMNS} FROM ${CLAIM_FROM} WHERE cl.id = $1`, [id]);
  }

  async lock(manager: EntityManager, id: string): Promise<ClaimRow | undefined> {
    const locked = await row(manager, `SELECT id FROM claim WHERE id = $1 FOR UPDATE`, [id]);
    return locked ? this.find(id, manager) : undefined;
  }

  list(filter: {
    cooperativeId?: string;
    /** A buyer's: opened by the account, or by its organisation when it is one of the organisation's receivers. */
    partyId?: string;
    status?: ClaimStatus;
    limit: number;
  }): Promise<ClaimRow[]> {
    return rows(
      this.dataSource,
      `SELECT ${CLAIM_COLUMNS} FROM ${CLAIM_FROM}
        WHERE ($1::uuid IS NULL OR cl.cooperative_id = $1) AND ($3::text IS NULL OR cl.status = $3)
          AND ($2::uuid IS NULL OR cl.opened_by = $2 OR EXISTS (
                 SELECT 1 FROM organisation_member m WHERE m.account_id = $2 AND m.organisation_id = cl.organisation_id AND 'RECEIVER' = ANY(m.roles)))
        ORDER BY cl.created_at DESC, cl.id DESC LIMIT $4`,
      [filter.cooperativeId ?? null, filter.partyId ?? null, filter.status ?? null, filter.limit],
    );
  }

  async addPhoto(manager: EntityManager, id: string, sha256: string): Promise<void> {
    await manager.query(`UPDATE claim SET photos = array_append(photos, $2), updated_at = qh_now() WHERE id = $1`, [id, sha256]);
  }

  /** The cooperative's answer: an offer (offered units per line) or a dispute (its note). */
  async answer(
    manager: EntityManager,
    id: string,
    answer: { status: ClaimStatus; note: string | null; offered?: { lineId: string; quantity: number }[] },
  ) {
    await manager.query(`UPDATE claim SET status = $2, answer_note = $3, answered_at = qh_now(), updated_at = qh_now() WHERE id = $1`, [
      id,
      answer.status,
      answer.note,
    ]);
    if (answer.offered) {
      await manager.query(
        `UPDATE claim_line x SET offered_quantity = o.quantity FROM unnest($2::uuid[], $3::int[]) AS o(line_id, quantity)
          WHERE x.claim_id = $1 AND x.order_line_id = o.line_id`,
        [id, answer.offered.map((l) => l.lineId), answer.offered.map((l) => l.quantity)],
      );
    }
  }

  async setStatus(manager: EntityManager, id: string, status: ClaimStatus): Promise<void> {
    await manager.query(
      `UPDATE claim SET status = $2, updated_at = qh_now(),
              closed_at = CASE WHEN $2 IN ('SETTLED', 'REJECTED', 'WITHDRAWN') THEN qh_now() END WHERE id = $1`,
      [id, status],
    );
  }

  /** Closes the claim with what was granted per line (and the refund that gives it back, when anything was). */
  async close(
    manager: EntityManager,
    id: string,
    outcome: {
      status: 'SETTLED' | 'REJECTED';
      granted: { lineId: string; quantity: number }[];
      refundId: string | null;
      decidedBy: string | null;
      decisionNote: string | null;
      answered: boolean;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE claim SET status = $2, refund_id = $3, decided_by = $4, decision_note = $5, closed_at = qh_now(), updated_at = qh_now(),
              answered_at = CASE WHEN $6 THEN coalesce(answered_at, qh_now()) ELSE answered_at END WHERE id = $1`,
      [id, outcome.status, outcome.refundId, outcome.decidedBy, outcome.decisionNote, outcome.answered],
    );
    await manager.query(
      `UPDATE claim_line x SET granted_quantity = g.quantity FROM unnest($2::uuid[], $3::int[]) AS g(line_id, quantity)
        WHERE x.claim_id = $1 AND x.order_line_id = g.line_id`,
      [id, outcome.granted.map((l) => l.lineId), outcome.granted.map((l) => l.quantity)],
    );
  }

  /** Open claims whose answer time ran out and nobody was told yet, marked as told now (at most `limit`). */
  markOverdue(manager: EntityManager, limit: number): Promise<{ id: string }[]> {
    return rows(
      manager,
      `UPDATE claim SET overdue_told_at = qh_now()
        WHERE id IN (SELECT id FROM claim WHERE status = 'OPEN' AND overdue_told_at IS NULL AND answer_due_at < qh_now()
                      ORDER BY answer_due_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [limit],
    );
  }

  admins(manager: EntityManager): Promise<{ id: string }[]> {
    return rows(manager, `SELECT id FROM account WHERE role = 'admin' AND disabled_at IS NULL ORDER BY id`);
  }

  staffOf(manager: EntityManager, cooperativeId: string): Promise<{ id: string }[]> {
    return rows(manager, `SELECT id FROM account WHERE cooperative_id = $1 AND disabled_at IS NULL ORDER BY id`, [cooperativeId]);
  }

  /**
   * Quality by cooperative and by product: parts shipped and on time (within SHIP_ON_TIME_HOURS of
   * payment, or of a pre-sale's first shipping day), claims opened, goods shipped and what settled
   * claims refunded.
   */
  quality(cooperativeId: string | null) {
    const shipped = `SELECT f.id, f.cooperative_id, f.shipped_at <= greatest(o.paid_at, (f.ships_from::timestamp AT TIME ZONE 'Asia/Shanghai'))
                              + make_interval(hours => ${SHIP_ON_TIME_HOURS}) AS on_time
                       FROM fulfillment f JOIN "order" o ON o.id = f.order_id
                      WHERE f.shipped_at IS NOT NULL AND ($1::uuid IS NULL OR f.cooperative_id = $1)`;
    return Promise.all([
      rows<QualitySums>(
        this.dataSource,
        `WITH shipped AS (${shipped})
         SELECT c.id AS "cooperativeId", c.name_zh AS "cooperativeName", NULL AS "productId", NULL AS "productTitle",
                (SELECT count(*) FROM shipped s WHERE s.cooperative_id = c.id)::int AS shipments,
                (SELECT count(*) FROM shipped s WHERE s.cooperative_id = c.id AND s.on_time)::int AS "onTimeShipments",
                (SELECT count(*) FROM claim cl WHERE cl.cooperative_id = c.id)::int AS claims,
                (SELECT coalesce(sum(f.items_fen), 0) FROM fulfillment f JOIN shipped s ON s.id = f.id WHERE f.cooperative_id = c.id) AS "shippedFen",
                (SELECT coalesce(sum(r.amount_fen), 0) FROM claim cl JOIN refund r ON r.id = cl.refund_id
                  WHERE cl.cooperative_id = c.id AND r.status = 'SUCCEEDED') AS "refundedByClaimsFen"
           FROM cooperative c WHERE ($1::uuid IS NULL OR c.id = $1) AND EXISTS (SELECT 1 FROM shipped s WHERE s.cooperative_id = c.id)
          ORDER BY c.name_zh, c.id`,
        [cooperativeId],
      ),
      rows<QualitySums>(
        this.dataSource,
        `WITH shipped AS (${shipped}),
              lines AS (SELECT l.product_id, l.cooperative_id, count(*)::int AS shipments, count(*) FILTER (WHERE s.on_time)::int AS on_time,
                               sum(l.line_total_fen) AS shipped_fen
                          FROM order_line l JOIN shipped s ON s.id = l.fulfillment_id GROUP BY 1, 2),
              claimed AS (SELECT l.product_id, count(DISTINCT x.claim_id)::int AS claims,
                                 coalesce(sum(x.granted_quantity * l.unit_price_fen) FILTER (WHERE r.status = 'SUCCEEDED'), 0) AS refunded_fen
                            FROM claim_line x JOIN claim cl ON cl.id = x.claim_id JOIN order_line l ON l.id = x.order_line_id
                            LEFT JOIN refund r ON r.id = cl.refund_id
                           WHERE ($1::uuid IS NULL OR cl.cooperative_id = $1) GROUP BY 1)
         SELECT ln.cooperative_id AS "cooperativeId", c.name_zh AS "cooperativeName", ln.product_id AS "productId", p.title_zh AS "productTitle",
                ln.shipments, ln.on_time AS "onTimeShipments", coalesce(cd.claims, 0) AS claims, ln.shipped_fen AS "shippedFen",
                coalesce(cd.refunded_fen, 0) AS "refundedByClaimsFen"
           FROM lines ln JOIN cooperative c ON c.id = ln.cooperative_id JOIN product p ON p.id = ln.product_id
           LEFT JOIN claimed cd ON cd.product_id = ln.product_id
          ORDER BY c.name_zh, p.title_zh, p.id`,
        [cooperativeId],
      ),
    ]);
  }
}

export interface QualitySums {
  cooperativeId: string;
  cooperativeName: string;
  productId: string | null;
  productTitle: string | null;
  shipments: number;
  onTimeShipments: number;
  claims: number;
  shippedFen: number;
  refundedByClaimsFen: number;
}
