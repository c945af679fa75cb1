import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invoices from the cooperatives (the seller of each shipment): a shipped part of an order that asked
 * for an invoice is a request in its cooperative's portal, closed when the cooperative uploads the
 * e-invoice for exactly what is due; a refund after invoicing opens a red-letter (红字) request for
 * the amount refunded, closed by the credit invoice. The files live under DATA_DIR/invoices.
 */
export class InvoiceRequests1766995200000 implements MigrationInterface {
  name = 'InvoiceRequests1766995200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE invoice_request (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fulfillment_id     uuid NOT NULL REFERENCES fulfillment(id),
        order_id           uuid NOT NULL REFERENCES "order"(id),
        cooperative_id     uuid NOT NULL REFERENCES cooperative(id),
        kind               text NOT NULL CHECK (kind IN ('INVOICE', 'RED_LETTER')),
        -- A red-letter request's amount is fixed when the refund opens it; an invoice's is what the part still comes to.
        amount_fen         bigint CHECK (amount_fen > 0),
        refund_id          uuid REFERENCES refund(id),
        status             text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ISSUED', 'VOID')),
        invoice_number     text,
        issued_on          date,
        issued_amount_fen  bigint CHECK (issued_amount_fen > 0),
        file_name          text,
        file_type          text CHECK (file_type IN ('PDF', 'OFD')),
        file_bytes         integer,
        issued_by          uuid REFERENCES account(id),
        issued_at          timestamptz,
        created_at         timestamptz NOT NULL DEFAULT qh_now(),
        CHECK ((kind = 'RED_LETTER') = (refund_id IS NOT NULL AND amount_fen IS NOT NULL)),
        CHECK ((status = 'ISSUED') = (invoice_number IS NOT NULL AND issued_on IS NOT NULL AND issued_amount_fen IS NOT NULL
                                      AND file_name IS NOT NULL AND file_type IS NOT NULL AND issued_by IS NOT NULL AND issued_at IS NOT NULL))
      );
      CREATE UNIQUE INDEX invoice_request_one_invoice ON invoice_request (fulfillment_id) WHERE kind = 'INVOICE';
      CREATE UNIQUE INDEX invoice_request_one_red_letter ON invoice_request (fulfillment_id, refund_id) WHERE kind = 'RED_LETTER';
      CREATE UNIQUE INDEX invoice_request_number ON invoice_request (cooperative_id, invoice_number) WHERE invoice_number IS NOT NULL;
      CREATE INDEX invoice_request_cooperative_idx ON invoice_request (cooperative_id, status, created_at);
      CREATE INDEX invoice_request_order_idx ON invoice_request (order_id);
      CREATE INDEX invoice_request_open_idx ON invoice_request (created_at) WHERE status = 'OPEN';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE invoice_request`);
  }
}
