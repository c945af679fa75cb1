import { Injectable } from '@nestjs/common';
import { DEFAULT_RESERVED_SHARE_BP, isPlanYear, reservedTargetFen } from '@qh/domain';
import type { Acting, AuthUser } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { Clock } from '../config/clock';
import { UnitOfWork } from '../database/unit-of-work';
import type { DistrictShareListDto, PlanDto, PlanInputDto, PlanListDto } from './dto/plan.dto';
import { Memberships } from './memberships.service';
import { PlansRepository, type PlanRow } from './plans.repository';

function toPlan(row: PlanRow): PlanDto {
  return {
    year: row.year,
    noCanteen: row.noCanteen,
    budgetFen: row.budgetFen,
    shareBp: row.shareBp,
    targetFen: row.targetFen,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedByEmail,
  };
}

const audited = (plan: PlanRow | undefined) =>
  plan ? { noCanteen: plan.noCanteen, budgetFen: plan.budgetFen, shareBp: plan.shareBp, targetFen: plan.targetFen } : undefined;

/**
 * Reserved-share plans (预留份额): each budget unit's canteen food budget for a year and the share it
 * reserves for products of poverty-alleviated areas, hence its target. Its manager enters it; officials
 * and admins correct it. Every change is audited with what it was before.
 */
@Injectable()
export class PlansService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly plans: PlansRepository,
    private readonly memberships: Memberships,
    private readonly clock: Clock,
  ) {}

  /** Any member reads the organisation's plans. */
  async mine(user: AuthUser): Promise<PlanListDto> {
    const { organisationId } = await this.memberships.require(user);
    return this.list(organisationId);
  }

  async saveMine(user: Acting, year: number, dto: PlanInputDto): Promise<PlanDto> {
    const { organisationId } = await this.memberships.require(user, ['MANAGER']);
    return this.save(user, organisationId, year, dto, 'reserved_share_plan.set');
  }

  /** Officials and admins read and correct any organisation's plans. */
  async of(organisationId: string): Promise<PlanListDto> {
    if (!(await this.plans.organisationExists(organisationId))) throw new AppError('ORGANISATION_NOT_FOUND', 'No such organisation.');
    return this.list(organisationId);
  }

  async correct(user: Acting, organisationId: string, year: number, dto: PlanInputDto): Promise<PlanDto> {
    if (!(await this.plans.organisationExists(organisationId))) throw new AppError('ORGANISATION_NOT_FOUND', 'No such organisation.');
    return this.save(user, organisationId, year, dto, 'reserved_share_plan.corrected');
  }

  async districtShares(): Promise<DistrictShareListDto> {
    return { items: await this.plans.districtShares() };
  }

  async setDistrictShare(admin: Acting, districtCode: string, shareBp: number): Promise<DistrictShareListDto> {
    if (!(await this.plans.districtExists(districtCode))) throw new AppError('NOT_FOUND', 'No such district.');
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const before = await this.plans.setDistrictShare(manager, districtCode, shareBp, admin.id);
      await audit({
        actor: admin,
        action: 'reserved_share_default.set',
        entityType: 'district',
        entityId: districtCode,
        before: before === null ? undefined : { shareBp: before },
        after: { shareBp },
      });
    });
    return this.districtShares();
  }

  private async list(organisationId: string): Promise<PlanListDto> {
    return {
      defaultShareBp: (await this.plans.districtShare(organisationId)) ?? DEFAULT_RESERVED_SHARE_BP,
      items: (await this.plans.plans(organisationId)).map(toPlan),
    };
  }

  private async save(user: Acting, organisationId: string, year: number, dto: PlanInputDto, action: string): Promise<PlanDto> {
    if (!isPlanYear(year, this.clock.today())) {
      throw new AppError('VALIDATION_FAILED', `A plan is for a year from 2016 to next year.`, [
        { field: 'year', problems: ['year must be from 2016 to next year'], rules: ['planYear'] },
      ]);
    }
    const noCanteen = dto.noCanteen === true;
    if (!noCanteen && dto.budgetFen === undefined) {
      throw new AppError('VALIDATION_FAILED', 'Give the year’s canteen food budget, or say there is no canteen this year.', [
        { field: 'budgetFen', problems: ['budgetFen is required unless noCanteen'], rules: ['required'] },
      ]);
    }
    if (noCanteen && (dto.budgetFen !== undefined || dto.shareBp !== undefined)) {
      throw new AppError('VALIDATION_FAILED', 'A year without a canteen has no budget and no share.', [
        { field: 'noCanteen', problems: ['noCanteen leaves out budgetFen and shareBp'], rules: ['exclusive'] },
      ]);
    }
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const before = await this.plans.lockPlan(manager, organisationId, year);
      const shareBp = noCanteen
        ? null
        : (dto.shareBp ?? (await this.plans.districtShare(organisationId, manager)) ?? DEFAULT_RESERVED_SHARE_BP);
      const budgetFen = noCanteen ? null : dto.budgetFen!;
      const plan = {
        organisationId,
        year,
        noCanteen,
        budgetFen,
        shareBp,
        targetFen: noCanteen ? null : reservedTargetFen(budgetFen!, shareBp!),
      };
      await this.plans.savePlan(manager, plan, user.id);
      await audit({
        actor: user,
        action,
        entityType: 'organisation',
        entityId: organisationId,
        before: before ? { year, ...audited(before) } : undefined,
        after: { year, noCanteen, budgetFen, shareBp, targetFen: plan.targetFen },
      });
    });
    return (await this.list(organisationId)).items.find((plan) => plan.year === year)!;
  }
}
