import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { row, rows, type Queryable } from '../database/sql';

export interface PlanRow {
  year: number;
  noCanteen: boolean;
  budgetFen: number | null;
  shareBp: number | null;
  targetFen: number | null;
  updatedAt: Date;
  updatedByEmail: string;
}

const PLAN_COLUMNS = `p.year, p.no_canteen AS "noCanteen", p.budget_fen AS "budgetFen", p.share_bp AS "shareBp", p.target_fen AS "targetFen",
  p.updated_at AS "updatedAt", (SELECT a.email FROM account a WHERE a.id = p.updated_by) AS "updatedByEmail"`;

/** Reserved-share plans and the districts' default shares: the only writer of reserved_share_plan and reserved_share_default. */
@Injectable()
export class PlansRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  plans(organisationId: string): Promise<PlanRow[]> {
    return rows(this.dataSource, `SELECT ${PLAN_COLUMNS} FROM reserved_share_plan p WHERE p.organisation_id = $1 ORDER BY p.year DESC`, [
      organisationId,
    ]);
  }

  lockPlan(manager: EntityManager, organisationId: string, year: number): Promise<PlanRow | undefined> {
    return row(manager, `SELECT ${PLAN_COLUMNS} FROM reserved_share_plan p WHERE p.organisation_id = $1 AND p.year = $2 FOR UPDATE`, [
      organisationId,
      year,
    ]);
  }

  async savePlan(
    manager: EntityManager,
    plan: {
      organisationId: string;
      year: number;
      noCanteen: boolean;
      budgetFen: number | null;
      shareBp: number | null;
      targetFen: number | null;
    },
    updatedBy: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO reserved_share_plan (organisation_id, year, no_canteen, budget_fen, share_bp, target_fen, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (organisation_id, year) DO UPDATE
         SET no_canteen = EXCLUDED.no_canteen, budget_fen = EXCLUDED.budget_fen, share_bp = EXCLUDED.share_bp,
             target_fen = EXCLUDED.target_fen, updated_by = EXCLUDED.updated_by, updated_at = qh_now()`,
      [plan.organisationId, plan.year, plan.noCanteen, plan.budgetFen, plan.shareBp, plan.targetFen, updatedBy],
    );
  }

  /** The share the organisation's district sets, if it set one. */
  async districtShare(organisationId: string, db: Queryable = this.dataSource): Promise<number | null> {
    const found = await row<{ shareBp: number }>(
      db,
      `SELECT d.share_bp AS "shareBp" FROM reserved_share_default d JOIN organisation g ON g.district_code = d.district_code WHERE g.id = $1`,
      [organisationId],
    );
    return found?.shareBp ?? null;
  }

  districtShares(): Promise<{ districtCode: string; shareBp: number }[]> {
    return rows(
      this.dataSource,
      `SELECT district_code AS "districtCode", share_bp AS "shareBp" FROM reserved_share_default ORDER BY district_code`,
    );
  }

  async setDistrictShare(manager: EntityManager, districtCode: string, shareBp: number, updatedBy: string): Promise<number | null> {
    const [before] = await rows<{ shareBp: number }>(
      manager,
      `SELECT share_bp AS "shareBp" FROM reserved_share_default WHERE district_code = $1 FOR UPDATE`,
      [districtCode],
    );
    await manager.query(
      `INSERT INTO reserved_share_default (district_code, share_bp, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (district_code) DO UPDATE SET share_bp = EXCLUDED.share_bp, updated_by = EXCLUDED.updated_by, updated_at = qh_now()`,
      [districtCode, shareBp, updatedBy],
    );
    return before?.shareBp ?? null;
  }

  async districtExists(districtCode: string): Promise<boolean> {
    return Boolean(await row(this.dataSource, `SELECT 1 FROM delivery_district WHERE code = $1`, [districtCode]));
  }

  async organisationExists(organisationId: string): Promise<boolean> {
    return Boolean(await row(this.dataSource, `SELECT 1 FROM organisation WHERE id = $1`, [organisationId]));
  }
}
