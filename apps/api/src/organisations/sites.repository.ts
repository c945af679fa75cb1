import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReceivingWindow } from '@qh/domain';
import { DataSource, EntityManager } from 'typeorm';
import { row, rows } from '../database/sql';

export interface DeliverySiteRow {
  id: string;
  name: string;
  districtCode: string;
  street: string;
  contactName: string;
  contactMobile: string;
  receivingWindows: ReceivingWindow[];
  driverNotes: string | null;
}

export type DeliverySiteFields = Omit<DeliverySiteRow, 'id'>;

const COLUMNS = `id, name, district_code AS "districtCode", street, contact_name AS "contactName", contact_mobile AS "contactMobile",
  receiving_windows AS "receivingWindows", driver_notes AS "driverNotes"`;
const COLUMN_OF: Record<keyof DeliverySiteFields, string> = {
  name: 'name',
  districtCode: 'district_code',
  street: 'street',
  contactName: 'contact_name',
  contactMobile: 'contact_mobile',
  receivingWindows: 'receiving_windows',
  driverNotes: 'driver_notes',
};

/**
 * An organisation's canteens and warehouses. A removed site is archived, not deleted: orders
 * delivered to it keep pointing at it.
 */
@Injectable()
export class SitesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(organisationId: string): Promise<DeliverySiteRow[]> {
    return rows(
      this.dataSource,
      `SELECT ${COLUMNS} FROM delivery_site WHERE organisation_id = $1 AND archived_at IS NULL ORDER BY created_at, id`,
      [organisationId],
    );
  }

  async insert(manager: EntityManager, organisationId: string, site: DeliverySiteFields): Promise<DeliverySiteRow> {
    const [created] = await rows<DeliverySiteRow>(
      manager,
      `INSERT INTO delivery_site (organisation_id, name, district_code, street, contact_name, contact_mobile, receiving_windows, driver_notes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [
        organisationId,
        site.name,
        site.districtCode,
        site.street,
        site.contactName,
        site.contactMobile,
        JSON.stringify(site.receivingWindows),
        site.driverNotes,
      ],
    );
    return created;
  }

  /** The organisation's site, locked; undefined when it is not theirs or was removed. */
  lock(manager: EntityManager, organisationId: string, id: string): Promise<DeliverySiteRow | undefined> {
    return row(manager, `SELECT ${COLUMNS} FROM delivery_site WHERE id = $1 AND organisation_id = $2 AND archived_at IS NULL FOR UPDATE`, [
      id,
      organisationId,
    ]);
  }

  async update(manager: EntityManager, id: string, fields: Partial<DeliverySiteFields>): Promise<DeliverySiteRow> {
    const keys = (Object.keys(COLUMN_OF) as (keyof DeliverySiteFields)[]).filter((key) => fields[key] !== undefined);
    const values = keys.map((key) => (key === 'receivingWindows' ? JSON.stringify(fields[key]) : fields[key]));
    const sets = keys.map((key, i) => `${COLUMN_OF[key]} = $${i + 2}`);
    const [updated] = await rows<DeliverySiteRow>(
      manager,
      `UPDATE delivery_site SET ${sets.length ? sets.join(', ') : 'name = name'} WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, ...values],
    );
    return updated;
  }

  async archive(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE delivery_site SET archived_at = qh_now() WHERE id = $1`, [id]);
  }
}
