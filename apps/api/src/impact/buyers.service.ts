import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { progressBp } from '@qh/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../config/clock';
import { rows } from '../database/sql';
import type { BuyerBreakdownDto, BuyerKind } from './dto/buyers.dto';
import { ImpactCatchUp } from './impact-catch-up.service';

/** The first day of `year` and of the year after, as the monthly rollups key them. */
export const yearMonths = (year: number): [string, string] => [`${year}-01-01`, `${year + 1}-01-01`];

/**
 * Who bought the marketplace's sales: institutions against households, and the districts the goods
 * went to, read from impact_buyer_monthly (which takes in every payment, transfer and refund
 * before it is read: ImpactCatchUp).
 */
@Injectable()
export class BuyersReport {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly impact: ImpactCatchUp,
  ) {}

  /** This year, China time: what a report shows when nobody names a year. */
  thisYear(): number {
    return Number(this.clock.today().slice(0, 4));
  }

  async breakdown(year: number): Promise<BuyerBreakdownDto> {
    await this.impact.catchUp();
    const districts = await rows<{ key: string; nameZh: string; nameEn: string; kind: BuyerKind; gmvFen: number; linkedSalesFen: number }>(
      this.dataSource,
      `SELECT b.district_code AS key, coalesce(d.name, b.district_code) AS "nameZh", coalesce(d.name_en, b.district_code) AS "nameEn",
              b.buyer_kind AS kind, sum(b.gmv_fen) AS "gmvFen", sum(b.linked_sales_fen) AS "linkedSalesFen"
         FROM impact_buyer_monthly b LEFT JOIN delivery_district d ON d.code = b.district_code
        WHERE b.month >= $1 AND b.month < $2
        GROUP BY 1, 2, 3, 4`,
      yearMonths(year),
    );
    const total = (kind?: BuyerKind) =>
      districts
        .filter((row) => !kind || row.kind === kind)
        .reduce((sum, row) => ({ gmvFen: sum.gmvFen + row.gmvFen, linkedSalesFen: sum.linkedSalesFen + row.linkedSalesFen }), {
          gmvFen: 0,
          linkedSalesFen: 0,
        });
    const all = total();
    const byDistrict = new Map<string, BuyerBreakdownDto['byDistrict'][number]>();
    for (const row of districts) {
      const district = byDistrict.get(row.key) ?? {
        key: row.key,
        nameZh: row.nameZh,
        nameEn: row.nameEn,
        gmvFen: 0,
        linkedSalesFen: 0,
        institutionFen: 0,
        householdFen: 0,
      };
      district.gmvFen += row.gmvFen;
      district.linkedSalesFen += row.linkedSalesFen;
      district[row.kind === 'INSTITUTION' ? 'institutionFen' : 'householdFen'] += row.gmvFen;
      byDistrict.set(row.key, district);
    }
    return {
      year,
      ...all,
      byKind: (['INSTITUTION', 'HOUSEHOLD'] as const).map((key) => {
        const figures = total(key);
        return { key, ...figures, shareBp: progressBp(figures.gmvFen, all.gmvFen) };
      }),
      byDistrict: [...byDistrict.values()].sort((a, b) => b.gmvFen - a.gmvFen || a.key.localeCompare(b.key)),
    };
  }
}
