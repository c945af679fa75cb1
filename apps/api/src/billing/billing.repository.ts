import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreditTerms, OrderStatus } from '@qh/domain';
import { DataSource, EntityManager } from 'typeorm';
import { row, rows, type Queryable } from '../database/sql';

/** Serialises the statements of one organisation (pg_advisory_xact_lock's first key). */
const STATEMENT_LOCK_SPACE = 4_201;

/** The China day of a timestamp column, as SQL. */
const chinaDayOf = (column: string) => `(${column} AT TIME ZONE 'Asia/Shanghai')::date`;

export interface StatementRow {
  id: string;
  number: string;
  organisationId: string;
  periodFrom: string | null;
  periodTo: string;
  dueOn: string;
  openingFen: number;
  chargesFen: number;
  creditsFen: number;
  paymentsFen: number;
  closingFen: number;
  issuedAt: Date;
}

const STATEMENT_COLUMNS = `s.id, s.number, s.organisation_id AS "organisationId", to_char(s.period_from, 'YYYY-MM-DD') AS "periodFrom",
  to_char(s.period_to, 'YYYY-MM-DD') AS "periodTo", to_char(s.due_on, 'YYYY-MM-DD') AS "dueOn", s.opening_fen AS "openingFen",
  s.charges_fen AS "chargesFen", s.credits_fen AS "creditsFen", s.payments_fen AS "paymentsFen", s.closing_fen AS "closingFen",
  s.issued_at AS "issuedAt"`;

export interface StatementItemRow {
  kind: 'CHARGE' | 'CREDIT' | 'PAYMENT';
  day: string;
  amountFen: number;
  orderNumber: string | null;
  deliveryOn: string | null;
  siteName: string | null;
  /** CHARGE: the cooperative that delivered; CREDIT: why (SHORTFALL, ADMIN…); PAYMENT: the bank's reference. */
  cooperativeName: string | null;
  cooperativeNameEn: string | null;
  refundKind: string | null;
  reason: string | null;
  reference: string | null;
  /** CHARGE: the delivery's invoice; CREDIT: the red-letter invoice for it (null when the order asked for none). */
  invoiceId: string | null;
  invoiceStatus: 'OPEN' | 'ISSUED' | 'VOID' | null;
  invoiceNumber: string | null;
}

export interface TransferRow {
  id: string;
  organisationId: string;
  organisationName: string;
  amountFen: number;
  receivedOn: string;
  reference: string;
  statementNumber: string | null;
  recordedAt: Date;
  allocations: { orderNumber: string; amountFen: number }[];
}

const TRANSFER_COLUMNS = `t.id, t.organisation_id AS "organisationId", g.name AS "organisationName", t.amount_fen AS "amountFen",
  to_char(t.received_on, 'YYYY-MM-DD') AS "receivedOn", t.reference,
  (SELECT s.number FROM statement s WHERE s.id = t.statement_id) AS "statementNumber", t.recorded_at AS "recordedAt",
  (SELECT coalesce(json_agg(json_build_object('orderNumber', o.number, 'amountFen', a.amount_fen) ORDER BY o.created_at, o.id), '[]')
     FROM transfer_allocation a JOIN "order" o ON o.id = a.order_id WHERE a.transfer_id = t.id) AS allocations`;

/** An order on account with what it still owes: its total, less its credits, less the transfers applied to it. */
export interface OpenOrderRow {
  id: string;
  number: string;
  status: OrderStatus;
  buyerId: string;
  totalFen: number;
  dueFen: number;
}

/**
 * Payment on account: credit terms, statements and their items, bank transfers and what they paid.
 * The only writer of credit_terms, statement, statement_item, bank_transfer and transfer_allocation.
 */
@Injectable()
export class BillingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  terms(organisationId: string, db: Queryable = this.dataSource): Promise<(CreditTerms & { grantedAt: Date }) | undefined> {
    return row(
      db,
      `SELECT payment_days AS "paymentDays", credit_limit_fen AS "creditLimitFen", granted_at AS "grantedAt"
         FROM credit_terms WHERE organisation_id = $1`,
      [organisationId],
    );
  }

  async setTerms(manager: EntityManager, organisationId: string, terms: CreditTerms, grantedBy: string): Promise<void> {
    await manager.query(
      `INSERT INTO credit_terms (organisation_id, payment_days, credit_limit_fen, granted_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (organisation_id) DO UPDATE
         SET payment_days = EXCLUDED.payment_days, credit_limit_fen = EXCLUDED.credit_limit_fen,
             granted_by = EXCLUDED.granted_by, granted_at = qh_now()`,
      [organisationId, terms.paymentDays, terms.creditLimitFen, grantedBy],
    );
  }

  async removeTerms(manager: EntityManager, organisationId: string): Promise<boolean> {
    const [, count] = await manager.query(`DELETE FROM credit_terms WHERE organisation_id = $1`, [organisationId]);
    return count > 0;
  }

  /** The organisation's status and name, for the admins' checks. */
  organisation(organisationId: string, db: Queryable = this.dataSource) {
    return row<{ id: string; name: string; nameEn: string; creditCode: string; status: string }>(
      db,
      `SELECT id, name, name_en AS "nameEn", credit_code AS "creditCode", status FROM organisation WHERE id = $1`,
      [organisationId],
    );
  }

  /**
   * The figures behind the account's standing: everything ordered on account and not cancelled (less
   * its credits), every transfer received, and what statements due before today asked for.
   */
  async standingFigures(
    organisationId: string,
    db: Queryable = this.dataSource,
  ): Promise<{ orderedFen: number; paidFen: number; fallenDueFen: number; unbilledFen: number }> {
    const [figures] = await rows<{ orderedFen: number; paidFen: number; fallenDueFen: number; unbilledFen: number }>(
      db,
      `SELECT
         (SELECT coalesce(sum(o.total_fen - o.refunded_fen), 0) FROM "order" o
           WHERE o.organisation_id = $1 AND o.on_account AND o.status <> 'CANCELLED') AS "orderedFen",
         (SELECT coalesce(sum(t.amount_fen), 0) FROM bank_transfer t WHERE t.organisation_id = $1) AS "paidFen",
         (SELECT coalesce(sum(CASE si.kind WHEN 'CHARGE' THEN si.amount_fen WHEN 'CREDIT' THEN -si.amount_fen ELSE 0 END), 0)
            FROM statement_item si JOIN statement s ON s.id = si.statement_id
           WHERE s.organisation_id = $1 AND s.due_on < qh_today()) AS "fallenDueFen",
         (SELECT coalesce(sum(f.items_fen + f.fee_fen), 0) FROM fulfillment f JOIN "order" o ON o.id = f.order_id
           WHERE o.organisation_id = $1 AND o.on_account AND f.status = 'SHIPPED'
             AND NOT EXISTS (SELECT 1 FROM statement_item si WHERE si.fulfillment_id = f.id)) AS "unbilledFen"`,
      [organisationId],
    );
    return figures;
  }

  /** Takes the organisation's statement lock until the transaction ends. */
  async lockStatements(manager: EntityManager, organisationId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [STATEMENT_LOCK_SPACE, organisationId]);
  }

  latestStatement(organisationId: string, db: Queryable = this.dataSource): Promise<StatementRow | undefined> {
    return row(db, `SELECT ${STATEMENT_COLUMNS} FROM statement s WHERE s.organisation_id = $1 ORDER BY s.period_to DESC LIMIT 1`, [
      organisationId,
    ]);
  }

  async nextStatementSequence(manager: EntityManager): Promise<number> {
    const [next] = await rows<{ n: number }>(manager, `SELECT nextval('statement_number_seq') AS n`);
    return next.n;
  }

  /**
   * Writes a statement up to `periodTo` (a China day): every delivered part, credit and transfer of the
   * organisation's account up to that day that no statement has listed yet, and its sums. Returns its
   * id, or null (nothing written) when there was nothing new to list.
   */
  async insertStatement(
    manager: EntityManager,
    statement: {
      number: string;
      organisationId: string;
      periodFrom: string | null;
      periodTo: string;
      dueOn: string;
      openingFen: number;
      issuedBy: string | null;
    },
  ): Promise<string | null> {
    const [inserted] = await rows<{ id: string }>(
      manager,
      `INSERT INTO statement (number, organisation_id, period_from, period_to, due_on, opening_fen, charges_fen, credits_fen,
                              payments_fen, closing_fen, issued_by)
       VALUES ($1, $2, $3, $4, $5, $6, 0, 0, 0, $6, $7) RETURNING id`,
      [
        statement.number,
        statement.organisationId,
        statement.periodFrom,
        statement.periodTo,
        statement.dueOn,
        statement.openingFen,
        statement.issuedBy,
      ],
    );
    const parameters = [inserted.id, statement.organisationId, statement.periodTo];
    await manager.query(
      `INSERT INTO statement_item (statement_id, kind, day, order_id, fulfillment_id, amount_fen)
       SELECT $1, 'CHARGE', ${chinaDayOf('f.shipped_at')}, f.order_id, f.id, f.items_fen + f.fee_fen
         FROM fulfillment f JOIN "order" o ON o.id = f.order_id
        WHERE o.organisation_id = $2 AND o.on_account AND f.status = 'SHIPPED' AND ${chinaDayOf('f.shipped_at')} <= $3::date
          AND NOT EXISTS (SELECT 1 FROM statement_item si WHERE si.fulfillment_id = f.id)`,
      parameters,
    );
    await manager.query(
      `INSERT INTO statement_item (statement_id, kind, day, order_id, refund_id, amount_fen)
       SELECT $1, 'CREDIT', ${chinaDayOf('r.confirmed_at')}, r.order_id, r.id, r.amount_fen
         FROM refund r JOIN "order" o ON o.id = r.order_id
        WHERE o.organisation_id = $2 AND o.on_account AND r.status = 'SUCCEEDED' AND ${chinaDayOf('r.confirmed_at')} <= $3::date
          AND NOT EXISTS (SELECT 1 FROM statement_item si WHERE si.refund_id = r.id)`,
      parameters,
    );
    await manager.query(
      `INSERT INTO statement_item (statement_id, kind, day, transfer_id, amount_fen)
       SELECT $1, 'PAYMENT', t.received_on, t.id, t.amount_fen FROM bank_transfer t
        WHERE t.organisation_id = $2 AND t.received_on <= $3::date
          AND NOT EXISTS (SELECT 1 FROM statement_item si WHERE si.transfer_id = t.id)`,
      parameters,
    );
    const [sums] = await rows<{ items: number }>(
      manager,
      `WITH sums AS (
         SELECT count(*) AS items,
                coalesce(sum(amount_fen) FILTER (WHERE kind = 'CHARGE'), 0) AS charges,
                coalesce(sum(amount_fen) FILTER (WHERE kind = 'CREDIT'), 0) AS credits,
                coalesce(sum(amount_fen) FILTER (WHERE kind = 'PAYMENT'), 0) AS payments
           FROM statement_item WHERE statement_id = $1)
       UPDATE statement s SET charges_fen = sums.charges, credits_fen = sums.credits, payments_fen = sums.payments,
              closing_fen = s.opening_fen + sums.charges - sums.credits - sums.payments
         FROM sums WHERE s.id = $1 RETURNING sums.items AS items`,
      [inserted.id],
    );
    return sums.items > 0 ? inserted.id : null;
  }

  statements(organisationId: string, limit: number): Promise<StatementRow[]> {
    return rows(
      this.dataSource,
      `SELECT ${STATEMENT_COLUMNS} FROM statement s WHERE s.organisation_id = $1 ORDER BY s.period_to DESC LIMIT $2`,
      [organisationId, limit],
    );
  }

  statement(by: { number: string } | { id: string }, db: Queryable = this.dataSource): Promise<StatementRow | undefined> {
    return row(db, `SELECT ${STATEMENT_COLUMNS} FROM statement s WHERE ${'id' in by ? 's.id = $1::uuid' : 's.number = $1'}`, [
      'id' in by ? by.id : by.number,
    ]);
  }

  items(statementId: string): Promise<StatementItemRow[]> {
    return rows(
      this.dataSource,
      `SELECT si.kind, to_char(si.day, 'YYYY-MM-DD') AS day, si.amount_fen AS "amountFen", o.number AS "orderNumber",
              to_char(o.delivery_on, 'YYYY-MM-DD') AS "deliveryOn", o.address->>'siteName' AS "siteName",
              c.name_zh AS "cooperativeName", c.name_en AS "cooperativeNameEn", r.kind AS "refundKind", r.reason, t.reference,
              iq.id AS "invoiceId", iq.status AS "invoiceStatus", iq.invoice_number AS "invoiceNumber"
         FROM statement_item si
         LEFT JOIN "order" o ON o.id = si.order_id
         LEFT JOIN fulfillment f ON f.id = si.fulfillment_id
         LEFT JOIN cooperative c ON c.id = f.cooperative_id
         LEFT JOIN refund r ON r.id = si.refund_id
         LEFT JOIN bank_transfer t ON t.id = si.transfer_id
         LEFT JOIN LATERAL (SELECT q.id, q.status, q.invoice_number FROM invoice_request q
                             WHERE (q.kind = 'INVOICE' AND q.fulfillment_id = si.fulfillment_id) OR (q.kind = 'RED_LETTER' AND q.refund_id = si.refund_id)
                             ORDER BY q.created_at LIMIT 1) iq ON true
        WHERE si.statement_id = $1
        ORDER BY si.day, CASE si.kind WHEN 'CHARGE' THEN 0 WHEN 'CREDIT' THEN 1 ELSE 2 END, o.number, si.id`,
      [statementId],
    );
  }

  /** The orders a statement charged or credited, oldest first. */
  async ordersOfStatement(manager: EntityManager, statementId: string): Promise<string[]> {
    const found = await rows<{ id: string }>(
      manager,
      `SELECT o.id FROM "order" o WHERE o.id IN (SELECT si.order_id FROM statement_item si WHERE si.statement_id = $1)
        ORDER BY o.created_at, o.id`,
      [statementId],
    );
    return found.map((order) => order.id);
  }

  /**
   * The organisation's orders on account that are confirmed and not yet paid (all of them, or those of
   * `orderIds`), oldest first, with what each still owes. Locks them first, then reads what they owe in
   * a statement of its own, so that the figures are those after any transaction it waited for.
   */
  async openOrders(manager: EntityManager, organisationId: string, orderIds: string[] | null): Promise<OpenOrderRow[]> {
    const locked = await rows<{ id: string }>(
      manager,
      `SELECT o.id FROM "order" o
        WHERE o.organisation_id = $1 AND o.on_account AND o.confirmed_at IS NOT NULL AND o.paid_at IS NULL
          AND o.status <> 'CANCELLED' AND ($2::uuid[] IS NULL OR o.id = ANY($2::uuid[]))
        ORDER BY o.id FOR UPDATE OF o`,
      [organisationId, orderIds],
    );
    return rows(
      manager,
      `SELECT o.id, o.number, o.status, o.buyer_id AS "buyerId", o.total_fen AS "totalFen",
              o.total_fen - o.refunded_fen
                - (SELECT coalesce(sum(a.amount_fen), 0) FROM transfer_allocation a WHERE a.order_id = o.id) AS "dueFen"
         FROM "order" o WHERE o.id = ANY($1::uuid[]) AND o.paid_at IS NULL AND o.status <> 'CANCELLED'
        ORDER BY o.created_at, o.id`,
      [locked.map((order) => order.id)],
    );
  }

  /** The ids of the organisation's orders with these numbers (another organisation's are left out). */
  async orderIdsByNumber(manager: EntityManager, organisationId: string, numbers: string[]): Promise<{ id: string; number: string }[]> {
    return rows(manager, `SELECT id, number FROM "order" WHERE organisation_id = $1 AND number = ANY($2::text[])`, [
      organisationId,
      numbers,
    ]);
  }

  /** Records a transfer; undefined when this organisation's transfer with this bank reference is recorded already. */
  async insertTransfer(
    manager: EntityManager,
    transfer: {
      organisationId: string;
      amountFen: number;
      receivedOn: string;
      reference: string;
      statementId: string | null;
      recordedBy: string;
    },
  ): Promise<string | undefined> {
    const [inserted] = await rows<{ id: string }>(
      manager,
      `INSERT INTO bank_transfer (organisation_id, amount_fen, received_on, reference, statement_id, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (organisation_id, reference) DO NOTHING RETURNING id`,
      [transfer.organisationId, transfer.amountFen, transfer.receivedOn, transfer.reference, transfer.statementId, transfer.recordedBy],
    );
    return inserted?.id;
  }

  async insertAllocations(manager: EntityManager, transferId: string, allocations: { id: string; amountFen: number }[]): Promise<void> {
    if (!allocations.length) return;
    await manager.query(
      `INSERT INTO transfer_allocation (transfer_id, order_id, amount_fen) SELECT $1, x.order_id, x.amount
         FROM unnest($2::uuid[], $3::bigint[]) AS x(order_id, amount)`,
      [transferId, allocations.map((a) => a.id), allocations.map((a) => a.amountFen)],
    );
  }

  /** What transfers have paid towards each of these orders. */
  async allocatedTo(manager: EntityManager, orderIds: string[]): Promise<Map<string, number>> {
    const found = await rows<{ orderId: string; fen: number }>(
      manager,
      `SELECT order_id AS "orderId", sum(amount_fen) AS fen FROM transfer_allocation WHERE order_id = ANY($1::uuid[]) GROUP BY order_id`,
      [orderIds],
    );
    return new Map(found.map((f) => [f.orderId, f.fen]));
  }

  transfers(filter: { organisationId?: string; id?: string; limit: number }, db: Queryable = this.dataSource): Promise<TransferRow[]> {
    return rows(
      db,
      `SELECT ${TRANSFER_COLUMNS} FROM bank_transfer t JOIN organisation g ON g.id = t.organisation_id
        WHERE ($1::uuid IS NULL OR t.organisation_id = $1) AND ($2::uuid IS NULL OR t.id = $2)
        ORDER BY t.recorded_at DESC, t.id DESC LIMIT $3`,
      [filter.organisationId ?? null, filter.id ?? null, filter.limit],
    );
  }

  /** Organisations whose account had any order (for the month-end statements). */
  async organisationsOnAccount(): Promise<string[]> {
    const found = await rows<{ id: string }>(
      this.dataSource,
      `SELECT DISTINCT organisation_id AS id FROM "order" WHERE on_account
       UNION SELECT organisation_id FROM credit_terms`,
    );
    return found.map((organisation) => organisation.id);
  }
}
