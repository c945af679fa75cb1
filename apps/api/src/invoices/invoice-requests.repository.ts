import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { row, rows, type Queryable } from '../database/sql';

export type InvoiceRequestKind = 'INVOICE' | 'RED_LETTER';
export type InvoiceRequestStatus = 'OPEN' | 'ISSUED' | 'VOID';
export type InvoiceFileType = 'PDF' | 'OFD';

export interface InvoiceRequestRow {
  id: string;
  kind: InvoiceRequestKind;
  status: InvoiceRequestStatus;
  fulfillmentId: string;
  orderId: string;
  orderNumber: string;
  buyerId: string;
  organisationId: string | null;
  cooperativeId: string;
  cooperativeName: string;
  /** What the invoice must say: for an invoice, what the part comes to now; for a red-letter one, the amount refunded. */
  amountFen: number;
  invoice: object;
  invoiceNumber: string | null;
  issuedOn: string | null;
  issuedAmountFen: number | null;
  fileName: string | null;
  fileType: InvoiceFileType | null;
  createdAt: Date;
  issuedAt: Date | null;
  openDays: number;
}

/**
 * What a shipped part still comes to: its goods and fee, less the goods refunded on its lines; nothing
 * once the order's refunds reach its total (a refund at the provider knows no lines).
 */
const PART_DUE = `CASE WHEN o.refunded_fen >= o.total_fen THEN 0 ELSE f.items_fen + f.fee_fen - coalesce((
    SELECT sum(rl.amount_fen) FROM refund_line rl JOIN refund r ON r.id = rl.refund_id JOIN order_line l ON l.id = rl.order_line_id
     WHERE l.fulfillment_id = f.id AND r.status = 'SUCCEEDED'), 0) END`;

const COLUMNS = `q.id, q.kind, q.status, q.fulfillment_id AS "fulfillmentId", q.order_id AS "orderId", o.number AS "orderNumber",
  o.buyer_id AS "buyerId", o.organisation_id AS "organisationId",
  q.cooperative_id AS "cooperativeId", c.name_zh AS "cooperativeName",
  CASE WHEN q.kind = 'RED_LETTER' THEN q.amount_fen WHEN q.status = 'ISSUED' THEN q.issued_amount_fen ELSE ${PART_DUE} END AS "amountFen",
  o.invoice, q.invoice_number AS "invoiceNumber", to_char(q.issued_on, 'YYYY-MM-DD') AS "issuedOn", q.issued_amount_fen AS "issuedAmountFen",
  q.file_name AS "fileName", q.file_type AS "fileType", q.created_at AS "createdAt", q.issued_at AS "issuedAt",
  (qh_today() - (q.created_at AT TIME ZONE 'Asia/Shanghai')::date) AS "openDays"`;

const FROM = `invoice_request q JOIN "order" o ON o.id = q.order_id JOIN fulfillment f ON f.id = q.fulfillment_id
  JOIN cooperative c ON c.id = q.cooperative_id`;

/** Invoice requests and the invoices that close them: the only writer of invoice_request. */
@Injectable()
export class InvoiceRequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A part of an order that asked for an invoice has shipped: its cooperative is asked for one (once). */
  async openForShipment(manager: EntityManager, fulfillmentId: string): Promise<void> {
    await manager.query(
      `INSERT INTO invoice_request (fulfillment_id, order_id, cooperative_id, kind)
       SELECT f.id, f.order_id, f.cooperative_id, 'INVOICE' FROM fulfillment f JOIN "order" o ON o.id = f.order_id
        WHERE f.id = $1 AND o.invoice IS NOT NULL
       ON CONFLICT (fulfillment_id) WHERE kind = 'INVOICE' DO NOTHING`,
      [fulfillmentId],
    );
  }

  /**
   * A refund of the order was confirmed: an invoice not issued yet for a part that now comes to
   * nothing is void; a part invoiced already whose invoice, less its red-letter requests, is more
   * than it now comes to gets a red-letter request for the difference.
   */
  async afterRefund(manager: EntityManager, orderId: string, refundId: string): Promise<void> {
    await manager.query(
      `WITH part AS (SELECT f.id, ${PART_DUE} AS due FROM fulfillment f JOIN "order" o ON o.id = f.order_id WHERE f.order_id = $1),
            voided AS (
              UPDATE invoice_request q SET status = 'VOID' FROM part
               WHERE q.fulfillment_id = part.id AND q.kind = 'INVOICE' AND q.status = 'OPEN' AND part.due <= 0 RETURNING q.id)
       INSERT INTO invoice_request (fulfillment_id, order_id, cooperative_id, kind, amount_fen, refund_id)
       SELECT q.fulfillment_id, q.order_id, q.cooperative_id, 'RED_LETTER', q.issued_amount_fen - red.fen - part.due, $2
         FROM invoice_request q JOIN part ON part.id = q.fulfillment_id
        CROSS JOIN LATERAL (SELECT coalesce(sum(x.amount_fen), 0) AS fen FROM invoice_request x
                             WHERE x.fulfillment_id = q.fulfillment_id AND x.kind = 'RED_LETTER' AND x.status <> 'VOID') red
        WHERE q.kind = 'INVOICE' AND q.status = 'ISSUED' AND q.issued_amount_fen - red.fen - part.due > 0`,
      [orderId, refundId],
    );
  }

  listForCooperative(cooperativeId: string, status: InvoiceRequestStatus | undefined, limit: number): Promise<InvoiceRequestRow[]> {
    return rows(
      this.dataSource,
      `SELECT ${COLUMNS} FROM ${FROM} WHERE q.cooperative_id = $1 AND ($2::text IS NULL OR q.status = $2)
        ORDER BY q.status = 'OPEN' DESC, q.created_at, q.id LIMIT $3`,
      [cooperativeId, status ?? null, limit],
    );
  }

  forOrder(orderId: string): Promise<InvoiceRequestRow[]> {
    return rows(this.dataSource, `SELECT ${COLUMNS} FROM ${FROM} WHERE q.order_id = $1 ORDER BY q.created_at, q.id`, [orderId]);
  }

  /** Requests open longer than `days` days, oldest first: for admins to chase. */
  openLongerThan(days: number, limit: number): Promise<InvoiceRequestRow[]> {
    return rows(
      this.dataSource,
      `SELECT ${COLUMNS} FROM ${FROM} WHERE q.status = 'OPEN' AND q.created_at < qh_now() - make_interval(days => $1)
        ORDER BY q.created_at, q.id LIMIT $2`,
      [days, limit],
    );
  }

  find(id: string, db: Queryable = this.dataSource, lock = false): Promise<InvoiceRequestRow | undefined> {
    return row(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE q.id = $1${lock ? ' FOR UPDATE OF q' : ''}`, [id]);
  }

  /** The order behind a number: whose it is. */
  orderOf(orderNumber: string): Promise<{ id: string; buyerId: string; organisationId: string | null } | undefined> {
    return row(this.dataSource, `SELECT id, buyer_id AS "buyerId", organisation_id AS "organisationId" FROM "order" WHERE number = $1`, [
      orderNumber,
    ]);
  }

  /** Whether the cooperative has recorded an invoice with this number already. */
  async numberTaken(manager: EntityManager, cooperativeId: string, invoiceNumber: string): Promise<boolean> {
    return !!(await row(manager, `SELECT 1 FROM invoice_request WHERE cooperative_id = $1 AND invoice_number = $2`, [
      cooperativeId,
      invoiceNumber,
    ]));
  }

  async issue(
    manager: EntityManager,
    id: string,
    invoice: {
      invoiceNumber: string;
      issuedOn: string;
      amountFen: number;
      fileName: string;
      fileType: InvoiceFileType;
      fileBytes: number;
      by: string;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE invoice_request SET status = 'ISSUED', invoice_number = $2, issued_on = $3, issued_amount_fen = $4, file_name = $5, file_type = $6,
              file_bytes = $7, issued_by = $8, issued_at = qh_now() WHERE id = $1`,
      [id, invoice.invoiceNumber, invoice.issuedOn, invoice.amountFen, invoice.fileName, invoice.fileType, invoice.fileBytes, invoice.by],
    );
  }
}
