import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganisationStatus, OrganisationType } from '@qh/domain';
import { DataSource, EntityManager } from 'typeorm';
import { timestampKey } from '../common/keyset-cursor';
import { row, rows } from '../database/sql';

export interface OrganisationRow {
  id: string;
  name: string;
  nameEn: string;
  creditCode: string;
  type: OrganisationType;
  districtCode: string;
  budgetUnit: boolean;
  hasCanteen: boolean;
  contactName: string;
  contactMobile: string;
  approvalThresholdFen: number;
  approvalHoldHours: number;
  status: OrganisationStatus;
  rejectionReason: string | null;
  registeredBy: string;
  createdAt: Date;
  verifiedAt: Date | null;
}

export interface AdminOrganisationRow extends OrganisationRow {
  memberCount: number;
  registeredByEmail: string;
  sortKey: string;
}

/** The fields a registration sets and an update may change. */
export type OrganisationFields = Pick<
  OrganisationRow,
  'name' | 'nameEn' | 'creditCode' | 'type' | 'districtCode' | 'budgetUnit' | 'hasCanteen' | 'contactName' | 'contactMobile'
> &
  Partial<Pick<OrganisationRow, 'approvalThresholdFen' | 'approvalHoldHours'>>;

const COLUMNS = `o.id, o.name, o.name_en AS "nameEn", o.credit_code AS "creditCode", o.type, o.district_code AS "districtCode",
  o.budget_unit AS "budgetUnit", o.has_canteen AS "hasCanteen", o.contact_name AS "contactName", o.contact_mobile AS "contactMobile",
  o.approval_threshold_fen AS "approvalThresholdFen", o.approval_hold_hours AS "approvalHoldHours", o.status, o.rejection_reason AS "rejectionReason", o.registered_by AS "registeredBy", o.created_at AS "createdAt",
  o.verified_at AS "verifiedAt"`;
const CREATED_KEY = timestampKey('o.created_at');
const ADMIN_COLUMNS = `${COLUMNS},
  (SELECT count(*) FROM organisation_member m WHERE m.organisation_id = o.id) AS "memberCount",
  (SELECT a.email FROM account a WHERE a.id = o.registered_by) AS "registeredByEmail",
  ${CREATED_KEY} AS "sortKey"`;

/** Organisations: registration, their profile, and the admins' verification queue. */
@Injectable()
export class OrganisationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, fields: OrganisationFields, registeredBy: string): Promise<string> {
    const created = await row<{ id: string }>(
      manager,
      `INSERT INTO organisation (name, name_en, credit_code, type, district_code, budget_unit, has_canteen, contact_name, contact_mobile,
                                 registered_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        fields.name,
        fields.nameEn,
        fields.creditCode,
        fields.type,
        fields.districtCode,
        fields.budgetUnit,
        fields.hasCanteen,
        fields.contactName,
        fields.contactMobile,
        registeredBy,
      ],
    );
    return created!.id;
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<OrganisationRow | undefined> {
    return row(manager, `SELECT ${COLUMNS} FROM organisation o WHERE o.id = $1`, [id]);
  }

  /** Locks the organisation: membership changes and reviews of one organisation take turns. */
  lock(manager: EntityManager, id: string): Promise<OrganisationRow | undefined> {
    return row(manager, `SELECT ${COLUMNS} FROM organisation o WHERE o.id = $1 FOR UPDATE`, [id]);
  }

  /** Writes the fields given; a rejected organisation that changes anything goes back to the queue. */
  async update(manager: EntityManager, id: string, fields: Partial<OrganisationFields>, resubmit: boolean): Promise<void> {
    const column: Record<keyof OrganisationFields, string> = {
      name: 'name',
      nameEn: 'name_en',
      creditCode: 'credit_code',
      type: 'type',
      districtCode: 'district_code',
      budgetUnit: 'budget_unit',
      hasCanteen: 'has_canteen',
      contactName: 'contact_name',
      contactMobile: 'contact_mobile',
      approvalThresholdFen: 'approval_threshold_fen',
      approvalHoldHours: 'approval_hold_hours',
    };
    const entries = (Object.keys(column) as (keyof OrganisationFields)[]).filter((key) => fields[key] !== undefined);
    const sets = entries.map((key, i) => `${column[key]} = $${i + 2}`);
    if (resubmit) sets.push(`status = 'PENDING'`, 'rejection_reason = NULL');
    await manager.query(`UPDATE organisation SET ${[...sets, 'updated_at = qh_now()'].join(', ')} WHERE id = $1`, [
      id,
      ...entries.map((key) => fields[key]),
    ]);
  }

  async review(manager: EntityManager, id: string, status: 'VERIFIED' | 'REJECTED', reason: string | null): Promise<void> {
    await manager.query(
      `UPDATE organisation SET status = $2, rejection_reason = $3, updated_at = qh_now(),
              verified_at = CASE WHEN $2 = 'VERIFIED' THEN qh_now() ELSE NULL END
        WHERE id = $1`,
      [id, status, reason],
    );
  }

  /** Oldest first, so the queue is worked in the order organisations applied. */
  list(filter: { status?: OrganisationStatus; limit: number; after?: { key: string; id: string } }): Promise<AdminOrganisationRow[]> {
    return rows(
      this.dataSource,
      `SELECT ${ADMIN_COLUMNS} FROM organisation o
        WHERE ($1::text IS NULL OR o.status = $1)
          AND ($2::text IS NULL OR (${CREATED_KEY}, o.id) > ($2::text, $3::uuid))
        ORDER BY ${CREATED_KEY}, o.id LIMIT $4`,
      [filter.status ?? null, filter.after?.key ?? null, filter.after?.id ?? null, filter.limit],
    );
  }

  findForAdmin(id: string, manager: EntityManager = this.dataSource.manager): Promise<AdminOrganisationRow | undefined> {
    return row(manager, `SELECT ${ADMIN_COLUMNS} FROM organisation o WHERE o.id = $1`, [id]);
  }
}
