import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HouseholdStatus, LinkMechanism } from '@qh/domain';
import { DataSource, EntityManager } from 'typeorm';
import { row, rows } from '../database/sql';
import type { HouseholdDto } from './dto/household.dto';

/** Everything about a household but its head's name and ID number, which stay sealed. */
const HOUSEHOLD_COLUMNS = `h.id, h.code, h.township_code AS "townshipCode", t.name AS "townshipName", h.village, h.members,
  h.registered_year AS "registeredYear", h.exit_year AS "exitYear", h.status, h.id_masked AS "idMasked",
  to_json(h.updated_at)#>>'{}' AS "updatedAt",
  (SELECT coalesce(json_agg(json_build_object('id', l.id, 'cooperativeId', l.cooperative_id, 'cooperativeName', c.name_zh,
            'mechanism', l.mechanism, 'weight', l.weight, 'validFrom', to_char(l.valid_from, 'YYYY-MM-DD'),
            'validTo', to_char(l.valid_to, 'YYYY-MM-DD')) ORDER BY l.valid_from, l.id), '[]')
     FROM household_link l JOIN cooperative c ON c.id = l.cooperative_id WHERE l.household_id = h.id) AS links`;

export interface SealedHousehold {
  code: string | null;
  townshipCode: string;
  village: string;
  members: number;
  registeredYear: number;
  exitYear: number | null;
  status: HouseholdStatus;
  headNameEnc: Buffer;
  idNumberEnc: Buffer;
  idHmac: Buffer;
  idMasked: string;
}

@Injectable()
export class HouseholdsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(filter: {
    townshipCode?: string;
    status?: string;
    cooperativeId?: string;
    q?: string;
    after?: { key: string; id: string };
    limit: number;
  }) {
    return this.dataSource.query(
      `SELECT ${HOUSEHOLD_COLUMNS}, h.code AS "sortKey" FROM household h JOIN township t ON t.code = h.township_code
        WHERE ($1::text IS NULL OR h.township_code = $1) AND ($2::text IS NULL OR h.status = $2)
          AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM household_link l WHERE l.household_id = h.id AND l.cooperative_id = $3))
          AND ($4::text IS NULL OR h.code LIKE $4 || '%' OR h.village LIKE $4 || '%')
          AND ($5::text IS NULL OR (h.code, h.id) > ($5, $6::uuid))
        ORDER BY h.code, h.id LIMIT $7`,
      [
        filter.townshipCode ?? null,
        filter.status ?? null,
        filter.cooperativeId ?? null,
        filter.q ?? null,
        filter.after?.key ?? null,
        filter.after?.id ?? null,
        filter.limit,
      ],
    ) as Promise<(HouseholdDto & { sortKey: string })[]>;
  }

  /** The sealed names of these households, by id. */
  sealedNames(ids: string[]): Promise<{ id: string; headNameEnc: Buffer }[]> {
    return this.dataSource.query(`SELECT id, head_name_enc AS "headNameEnc" FROM household WHERE id = ANY($1::uuid[])`, [ids]);
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<HouseholdDto | undefined> {
    const [row] = await manager.query(
      `SELECT ${HOUSEHOLD_COLUMNS} FROM household h JOIN township t ON t.code = h.township_code WHERE h.id = $1`,
      [id],
    );
    return row;
  }

  sealed(manager: EntityManager, id: string): Promise<{ code: string; headNameEnc: Buffer; idNumberEnc: Buffer } | undefined> {
    return row(
      manager,
      `SELECT code, head_name_enc AS "headNameEnc", id_number_enc AS "idNumberEnc" FROM household WHERE id = $1 FOR UPDATE`,
      [id],
    );
  }

  /** Households already registered under these ID HMACs, by HMAC (hex): the duplicate check without decrypting anything. */
  async codesByHmac(manager: EntityManager, hmacs: Buffer[], except?: string): Promise<Map<string, string>> {
    const found = await rows<{ idHmac: Buffer; code: string }>(
      manager,
      `SELECT id_hmac AS "idHmac", code FROM household WHERE id_hmac = ANY($1) AND ($2::uuid IS NULL OR id <> $2)`,
      [hmacs, except ?? null],
    );
    return new Map(found.map((household) => [household.idHmac.toString('hex'), household.code]));
  }

  async existingCodes(manager: EntityManager, codes: string[]): Promise<Set<string>> {
    const rows: { code: string }[] = await manager.query(`SELECT code FROM household WHERE code = ANY($1)`, [codes]);
    return new Set(rows.map((row) => row.code));
  }

  /** Inserts in the given order; rows without a code get the next platform code. Returns ids and codes in the same order. */
  async insert(manager: EntityManager, households: SealedHousehold[]): Promise<{ id: string; code: string }[]> {
    return manager.query(
      `INSERT INTO household (code, township_code, village, members, registered_year, exit_year, status, head_name_enc, id_number_enc, id_hmac, id_masked)
       SELECT coalesce(x.code, 'NY-' || lpad(nextval('household_code_seq')::text, 6, '0')), x.township_code, x.village, x.members,
              x.registered_year, x.exit_year, x.status, x.head_name_enc, x.id_number_enc, x.id_hmac, x.id_masked
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::text[], $8::bytea[], $9::bytea[], $10::bytea[], $11::text[])
              WITH ORDINALITY AS x(code, township_code, village, members, registered_year, exit_year, status, head_name_enc, id_number_enc, id_hmac, id_masked, n)
        ORDER BY x.n
       RETURNING id, code`,
      [
        households.map((h) => h.code),
        households.map((h) => h.townshipCode),
        households.map((h) => h.village),
        households.map((h) => h.members),
        households.map((h) => h.registeredYear),
        households.map((h) => h.exitYear),
        households.map((h) => h.status),
        households.map((h) => h.headNameEnc),
        households.map((h) => h.idNumberEnc),
        households.map((h) => h.idHmac),
        households.map((h) => h.idMasked),
      ],
    );
  }

  async update(manager: EntityManager, id: string, fields: Partial<Omit<SealedHousehold, 'code'>>): Promise<void> {
    const columns: Record<keyof typeof fields, string> = {
      townshipCode: 'township_code',
      village: 'village',
      members: 'members',
      registeredYear: 'registered_year',
      exitYear: 'exit_year',
      status: 'status',
      headNameEnc: 'head_name_enc',
      idNumberEnc: 'id_number_enc',
      idHmac: 'id_hmac',
      idMasked: 'id_masked',
    };
    const entries = Object.entries(fields).filter(([, value]) => value !== undefined) as [keyof typeof fields, unknown][];
    if (entries.length === 0) return;
    const sets = entries.map(([key], index) => `${columns[key]} = $${index + 2}`);
    await manager.query(`UPDATE household SET ${sets.join(', ')}, updated_at = qh_now() WHERE id = $1`, [
      id,
      ...entries.map(([, value]) => value),
    ]);
  }

  async insertLink(
    manager: EntityManager,
    link: {
      householdId: string;
      cooperativeId: string;
      mechanism: LinkMechanism;
      weight: number;
      validFrom: string;
      validTo: string | null;
    },
  ): Promise<string> {
    const [{ id }] = await manager.query(
      `INSERT INTO household_link (household_id, cooperative_id, mechanism, weight, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [link.householdId, link.cooperativeId, link.mechanism, link.weight, link.validFrom, link.validTo],
    );
    return id;
  }

  async lockLink(manager: EntityManager, householdId: string, linkId: string) {
    const [row] = await manager.query(
      `SELECT id, weight, to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo"
         FROM household_link WHERE id = $1 AND household_id = $2 FOR UPDATE`,
      [linkId, householdId],
    );
    return row as { id: string; weight: number; validFrom: string; validTo: string | null } | undefined;
  }

  async updateLink(manager: EntityManager, linkId: string, change: { weight: number; validTo: string | null }): Promise<void> {
    await manager.query(`UPDATE household_link SET weight = $2, valid_to = $3, updated_at = qh_now() WHERE id = $1`, [
      linkId,
      change.weight,
      change.validTo,
    ]);
  }
}
