import { Injectable } from '@nestjs/common';
import { ORGANISATION_TYPES, progressBp, straightLinePathFen } from '@qh/domain';
import type { AuthUser } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { BuyersReport } from '../impact/buyers.service';
import { ImpactCatchUp } from '../impact/impact-catch-up.service';
import type { LeagueQueryDto, LeagueRowDto, LeagueTableDto, LeagueTotalDto, ProgressDto, ProgressPlanDto } from './dto/progress.dto';
import { Memberships } from './memberships.service';
import { ProgressRepository, type StandingRow } from './progress.repository';

const planOf = (row: StandingRow): ProgressPlanDto | null =>
  row.hasPlan ? { noCanteen: row.noCanteen, budgetFen: row.budgetFen, shareBp: row.shareBp, targetFen: row.targetFen } : null;

/**
 * Lagging first: an organisation with a target and the least of it met; then budget units with no
 * plan entered, a target of nothing, or no canteen; then organisations that are not budget units.
 */
function rank(row: LeagueRowDto): number {
  if (row.progressBp !== null) return 0;
  if (!row.budgetUnit) return 4;
  if (!row.plan) return 1;
  return row.plan.noCanteen ? 3 : 2;
}

function totalOf(key: string, nameZh: string, nameEn: string, rows: LeagueRowDto[]): LeagueTotalDto {
  const sum = (figure: (row: LeagueRowDto) => number) => rows.reduce((total, row) => total + figure(row), 0);
  const targetFen = sum((row) => row.plan?.targetFen ?? 0);
  const achievedFen = sum((row) => row.achievedFen);
  // What organisations with no target bought is in the total, not in the progress towards targets.
  const achievedOnTargetFen = sum((row) => (row.progressBp === null ? 0 : row.achievedFen));
  return {
    key,
    nameZh,
    nameEn,
    organisations: rows.length,
    budgetFen: sum((row) => row.plan?.budgetFen ?? 0),
    targetFen,
    achievedFen,
    linkedSalesFen: sum((row) => row.linkedSalesFen),
    achievedOnTargetFen,
    progressBp: progressBp(achievedOnTargetFen, targetFen),
  };
}

/**
 * How each budget unit stands against its reserved-share target: its own page, and the officials'
 * league table. Purchases come from the rollup that takes in every payment, transfer and refund before
 * it is read (ImpactCatchUp); nothing is summed from the orders on read.
 */
@Injectable()
export class ProgressService {
  constructor(
    private readonly progress: ProgressRepository,
    private readonly memberships: Memberships,
    private readonly buyers: BuyersReport,
    private readonly impact: ImpactCatchUp,
  ) {}

  /** Any member sees the organisation's progress. */
  async mine(user: AuthUser, year: number | undefined): Promise<ProgressDto> {
    const { organisationId } = await this.memberships.require(user);
    return this.of(organisationId, year);
  }

  async of(organisationId: string, year = this.buyers.thisYear()): Promise<ProgressDto> {
    await this.impact.catchUp();
    const standing = await this.progress.standing(organisationId, year);
    if (!standing) throw new AppError('ORGANISATION_NOT_FOUND', 'No such organisation.');
    const [months, pending] = await Promise.all([this.progress.months(organisationId, year), this.progress.pending(organisationId)]);
    const targetFen = standing.hasPlan && !standing.noCanteen ? standing.targetFen : null;
    let achievedFen = 0;
    return {
      organisationId,
      name: standing.name,
      year,
      plan: planOf(standing),
      achievedFen: standing.achievedFen,
      linkedSalesFen: standing.linkedSalesFen,
      progressBp: progressBp(standing.achievedFen, targetFen),
      remainingFen: targetFen === null ? null : Math.max(0, targetFen - standing.achievedFen),
      months: Array.from({ length: 12 }, (_, index) => {
        const month = index + 1;
        const bought = months.find((row) => row.month === month) ?? { gmvFen: 0, linkedSalesFen: 0 };
        achievedFen += bought.gmvFen;
        return {
          month,
          gmvFen: bought.gmvFen,
          linkedSalesFen: bought.linkedSalesFen,
          achievedFen,
          pathFen: targetFen === null ? null : straightLinePathFen(targetFen, year, month),
        };
      }),
      pending,
      lastOrderDay: standing.lastOrderDay,
    };
  }

  async leagueTable(query: LeagueQueryDto): Promise<LeagueTableDto> {
    const year = query.year ?? this.buyers.thisYear();
    await this.impact.catchUp();
    const [standings, buyers] = await Promise.all([
      this.progress.standings(year, { districtCode: query.districtCode, type: query.type }),
      this.buyers.breakdown(year),
    ]);
    const items: LeagueRowDto[] = standings.map((row) => ({
      organisationId: row.organisationId,
      name: row.name,
      creditCode: row.creditCode,
      type: row.type,
      districtCode: row.districtCode,
      districtNameZh: row.districtNameZh,
      districtNameEn: row.districtNameEn,
      budgetUnit: row.budgetUnit,
      plan: planOf(row),
      achievedFen: row.achievedFen,
      linkedSalesFen: row.linkedSalesFen,
      progressBp: progressBp(row.achievedFen, row.hasPlan && !row.noCanteen ? row.targetFen : null),
      lastOrderDay: row.lastOrderDay,
    }));
    items.sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.progressBp ?? 0) - (b.progressBp ?? 0) ||
        a.name.localeCompare(b.name, 'zh-CN') ||
        a.organisationId.localeCompare(b.organisationId),
    );
    const districts = new Map(items.map((row) => [row.districtCode, row]));
    const [institution, household] = buyers.byKind;
    return {
      year,
      items,
      total: totalOf('all', '合计', 'Total', items),
      byDistrict: [...districts.values()]
        .map((first) =>
          totalOf(
            first.districtCode,
            first.districtNameZh,
            first.districtNameEn,
            items.filter((row) => row.districtCode === first.districtCode),
          ),
        )
        .sort((a, b) => a.key.localeCompare(b.key)),
      byType: ORGANISATION_TYPES.map((type) =>
        totalOf(
          type.code,
          type.name,
          type.nameEn,
          items.filter((row) => row.type === type.code),
        ),
      ).filter((total) => total.organisations > 0),
      marketplace: {
        gmvFen: buyers.gmvFen,
        institutionFen: institution.gmvFen,
        householdFen: household.gmvFen,
        institutionShareBp: institution.shareBp,
      },
    };
  }
}
