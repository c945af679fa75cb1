import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { row, rows, type Queryable } from '../database/sql';
import type { InvoiceKind } from './dto/invoice-profile.dto';

/** Whose profiles: a person's own, or an organisation's. */
export type ProfileOwner = { accountId: string } | { organisationId: string };

export interface InvoiceProfileRow {
  id: string;
  kind: InvoiceKind;
  title: string;
  taxNumber: string | null;
  address: string | null;
  phone: string | null;
  bankName: string | null;
  bankAccount: string | null;
  isDefault: boolean;
  updatedAt: Date;
}

export type InvoiceDetails = Omit<InvoiceProfileRow, 'id' | 'isDefault' | 'updatedAt'>;

const COLUMNS = `id, kind, title, tax_number AS "taxNumber", address, phone, bank_name AS "bankName", bank_account AS "bankAccount",
  is_default AS "isDefault", updated_at AS "updatedAt"`;

/** The owner as a condition on invoice_profile, with its value. */
const ownedBy = (owner: ProfileOwner): [string, string] =>
  'accountId' in owner ? ['account_id', owner.accountId] : ['organisation_id', owner.organisationId];

/** Invoice profiles: the only writer of invoice_profile. Archived profiles stay for the orders that name them. */
@Injectable()
export class InvoiceProfilesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(owner: ProfileOwner, db: Queryable = this.dataSource): Promise<InvoiceProfileRow[]> {
    const [column, value] = ownedBy(owner);
    return rows(
      db,
      `SELECT ${COLUMNS} FROM invoice_profile WHERE ${column} = $1 AND archived_at IS NULL ORDER BY is_default DESC, created_at DESC, id`,
      [value],
    );
  }

  /** One of the owner's standing profiles; undefined when it is not theirs or was removed. */
  find(owner: ProfileOwner, id: string, db: Queryable = this.dataSource): Promise<InvoiceProfileRow | undefined> {
    const [column, value] = ownedBy(owner);
    return row(db, `SELECT ${COLUMNS} FROM invoice_profile WHERE id = $1 AND ${column} = $2 AND archived_at IS NULL`, [id, value]);
  }

  /** Profiles are changed one at a time per owner: the count and the default are decided under this lock. */
  async lockOwner(manager: EntityManager, owner: ProfileOwner): Promise<void> {
    const [column, value] = ownedBy(owner);
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('invoice_profile'), hashtext($1))`, [`${column}:${value}`]);
  }

  async insert(manager: EntityManager, owner: ProfileOwner, details: InvoiceDetails, createdBy: string): Promise<string> {
    const [column, value] = ownedBy(owner);
    const [created] = await rows<{ id: string }>(
      manager,
      `INSERT INTO invoice_profile (${column}, kind, title, tax_number, address, phone, bank_name, bank_account, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        value,
        details.kind,
        details.title,
        details.taxNumber,
        details.address,
        details.phone,
        details.bankName,
        details.bankAccount,
        createdBy,
      ],
    );
    return created.id;
  }

  async update(manager: EntityManager, id: string, details: InvoiceDetails): Promise<void> {
    await manager.query(
      `UPDATE invoice_profile SET kind = $2, title = $3, tax_number = $4, address = $5, phone = $6, bank_name = $7, bank_account = $8,
              updated_at = qh_now() WHERE id = $1`,
      [id, details.kind, details.title, details.taxNumber, details.address, details.phone, details.bankName, details.bankAccount],
    );
  }

  /** Makes `id` the owner's default (or the newest standing profile, when `id` is null and none is default). */
  async setDefault(manager: EntityManager, owner: ProfileOwner, id: string | null): Promise<void> {
    const [column, value] = ownedBy(owner);
    if (id)
      await manager.query(`UPDATE invoice_profile SET is_default = false WHERE ${column} = $1 AND is_default AND id <> $2`, [value, id]);
    await manager.query(
      `UPDATE invoice_profile SET is_default = true
        WHERE id = coalesce($2::uuid, (SELECT id FROM invoice_profile WHERE ${column} = $1 AND archived_at IS NULL
                                          AND NOT EXISTS (SELECT 1 FROM invoice_profile d WHERE d.${column} = $1 AND d.is_default AND d.archived_at IS NULL)
                                        ORDER BY created_at DESC, id LIMIT 1))`,
      [value, id],
    );
  }

  async archive(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE invoice_profile SET archived_at = qh_now(), is_default = false, updated_at = qh_now() WHERE id = $1`, [id]);
  }
}
