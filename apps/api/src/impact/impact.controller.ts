import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../auth/roles.decorator';
import { AppError } from '../common/app-error';
import { toCsvText, yuanCell as yuan } from '../common/csv';
import { ErrorDto } from '../common/error.dto';
import {
  BreakdownQueryDto,
  ExportQueryDto,
  FiguresDto,
  GroupedFiguresDto,
  ImpactFilterDto,
  LatestVerificationDto,
  PublicImpactDto,
  SeriesQueryDto,
  VerifyQueryDto,
  VerifyReportDto,
} from './dto/impact.dto';
import { BuyersReport } from './buyers.service';
import { BuyerBreakdownDto, YearQueryDto } from './dto/buyers.dto';
import { LedgerDigestService } from './ledger-digest.service';
import { GroupFigures, ReportsService } from './reports.service';

/** At most this many days per verification: ten years. */
const MAX_VERIFY_DAYS = 3660;

/** A from/to pair, when given, in order (each is a real day already: the query DTOs take nothing else). */
export function checkedRange<T extends { from?: string; to?: string }>(filters: T): T {
  if (filters.from && filters.to && filters.from > filters.to) {
    throw new AppError('VALIDATION_FAILED', 'from must be on or before to', [{ field: 'to', problems: ['on or after from'] }]);
  }
  return filters;
}

const CSV_COLUMNS: [string, (row: GroupFigures) => string | number][] = [
  ['分组 group', (row) => row.key],
  ['名称 name', (row) => row.nameZh],
  ['统一社会信用代码 credit code', (row) => row.creditCode ?? ''],
  ['销售额(元) GMV (yuan)', (row) => yuan(row.gmvFen)],
  ['消费帮扶产品销售额(元) poverty-linked sales (yuan)', (row) => yuan(row.linkedSalesFen)],
  ['联农带农金额(元) household pool (yuan)', (row) => yuan(row.poolFen)],
  ['带动户数 households', (row) => row.households],
  ['带动人数 people', (row) => row.people],
  ['订单数 orders', (row) => row.orders],
  ['买家数 buyers', (row) => row.buyers],
  ['未分配(元) unallocated (yuan)', (row) => (row.unallocatedFen === null ? '' : yuan(row.unallocatedFen))],
];

/** Names come from what cooperatives and admins typed: each cell is text a spreadsheet shows, never a formula. */
function toCsv(rows: GroupFigures[]): string {
  return toCsvText([CSV_COLUMNS.map(([title]) => title), ...rows.map((row) => CSV_COLUMNS.map(([, value]) => value(row)))]);
}

/** Figures for officials (and admins): aggregates only, never a person. */
@ApiTags('impact')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: officials and admins only' })
@Roles('official', 'admin')
@Controller('impact')
export class ImpactController {
  constructor(
    private readonly digests: LedgerDigestService,
    private readonly reports: ReportsService,
    private readonly buyers: BuyersReport,
  ) {}

  @Get('summary')
  @ApiOkResponse({ type: FiguresDto })
  summary(@Query() filters: ImpactFilterDto): Promise<FiguresDto> {
    return this.reports.summary(checkedRange(filters));
  }

  @Get('series')
  @ApiOkResponse({ type: GroupedFiguresDto, description: 'One row per year or month that had sales, oldest first' })
  async series(@Query() query: SeriesQueryDto): Promise<GroupedFiguresDto> {
    const { by, ...filters } = query;
    return { by, items: await this.reports.grouped(by, checkedRange(filters)) };
  }

  @Get('breakdown')
  @ApiOkResponse({ type: GroupedFiguresDto })
  async breakdown(@Query() query: BreakdownQueryDto): Promise<GroupedFiguresDto> {
    const { by, ...filters } = query;
    return { by, items: await this.reports.grouped(by, checkedRange(filters)) };
  }

  @Get('buyers')
  @ApiOkResponse({
    type: BuyerBreakdownDto,
    description: 'A year’s sales by who bought them: institutions or households, and the district delivered to',
  })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED' })
  buyerBreakdown(@Query() query: YearQueryDto): Promise<BuyerBreakdownDto> {
    return this.buyers.breakdown(query.year ?? this.buyers.thisYear());
  }

  @Get('export.csv')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOkResponse({
    description: 'The same figures as a table, UTF-8 with a byte-order mark so spreadsheets show Chinese; the last row is the total',
  })
  async exportCsv(@Query() query: ExportQueryDto): Promise<string> {
    const { table = 'year', ...filters } = query;
    const range = checkedRange(filters);
    const [rows, total] = await Promise.all([this.reports.grouped(table, range), this.reports.summary(range)]);
    return toCsv([...rows, { key: 'total', nameZh: '合计', nameEn: 'Total', ...total }]);
  }

  @Public()
  @Get('public')
  @ApiOkResponse({ type: PublicImpactDto, description: 'Open to all; groups of fewer than 5 households are merged into OTHER' })
  publicImpact(): Promise<PublicImpactDto> {
    return this.reports.publicImpact();
  }

  @Get('verification')
  @ApiOkResponse({
    type: LatestVerificationDto,
    description: 'The latest check of every digested day against the ledger, as the hourly job ran it',
  })
  async verification(): Promise<LatestVerificationDto> {
    return { latest: await this.digests.latestVerification() };
  }

  @Get('verify')
  @ApiOkResponse({
    type: VerifyReportDto,
    description: 'Recomputes each digested day from the ledger and lists the days that no longer match',
  })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED' })
  verify(@Query() query: VerifyQueryDto): Promise<VerifyReportDto> {
    const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
    if (days < 0 || days >= MAX_VERIFY_DAYS) {
      throw new AppError('VALIDATION_FAILED', `from must be on or before to, at most ${MAX_VERIFY_DAYS} days apart`, [
        { field: 'to', problems: [`on or after from, at most ${MAX_VERIFY_DAYS} days later`] },
      ]);
    }
    return this.digests.verify(query.from, query.to);
  }
}
