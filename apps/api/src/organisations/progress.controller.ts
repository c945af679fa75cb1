import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { toCsvText, yuanCell } from '../common/csv';
import { ErrorDto } from '../common/error.dto';
import { uuidParam } from '../common/uuid-param';
import { YearQueryDto } from '../impact/dto/buyers.dto';
import { LeagueQueryDto, LeagueTableDto, ProgressDto, type LeagueRowDto, type LeagueTotalDto } from './dto/progress.dto';
import { ProgressService } from './progress.service';

/** Basis points as a percentage with two decimals, exact: 1234 → 12.34. */
const percent = (bp: number | null) =>
  bp === null ? '' : `${bp < 0 ? '-' : ''}${Math.floor(Math.abs(bp) / 100)}.${String(Math.abs(bp) % 100).padStart(2, '0')}`;
const money = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : yuanCell(fen));

const CSV_COLUMNS: [string, (row: LeagueRowDto) => string | number, (total: LeagueTotalDto) => string | number][] = [
  ['单位 organisation', (row) => row.name, (total) => total.nameZh],
  ['统一社会信用代码 credit code', (row) => row.creditCode, () => ''],
  ['类型 type', (row) => row.type, () => ''],
  ['区 district', (row) => row.districtNameZh, () => ''],
  [
    '食堂食材预算(元) canteen food budget (yuan)',
    (row) => (row.plan?.noCanteen ? '无食堂 no canteen' : money(row.plan?.budgetFen)),
    (total) => money(total.budgetFen),
  ],
  ['预留比例(%) reserved share (%)', (row) => percent(row.plan?.shareBp ?? null), () => ''],
  ['预留目标(元) target (yuan)', (row) => money(row.plan?.targetFen), (total) => money(total.targetFen)],
  ['已采购(元) achieved (yuan)', (row) => money(row.achievedFen), (total) => money(total.achievedFen)],
  ['其中认证产品(元) certified (yuan)', (row) => money(row.linkedSalesFen), (total) => money(total.linkedSalesFen)],
  ['完成率(%) progress (%)', (row) => percent(row.progressBp), (total) => percent(total.progressBp)],
  ['最近下单日 last order', (row) => row.lastOrderDay ?? '', () => ''],
];

/** The caller's organisation's progress towards its reserved-share target: every member sees it. */
@ApiTags('organisation')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: buyers only' })
@ApiResponse({ status: 404, type: ErrorDto, description: 'ORGANISATION_NOT_FOUND: the caller belongs to none' })
@Roles('buyer')
@Controller('org/progress')
export class OrgProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Get()
  @ApiOkResponse({ type: ProgressDto })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED' })
  mine(@CurrentUser() user: AuthUser, @Query() query: YearQueryDto): Promise<ProgressDto> {
    return this.progress.mine(user, query.year);
  }
}

/** Officials and admins: any organisation's progress, and every organisation's in the league table. */
@ApiTags('impact')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: officials and admins only' })
@ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED' })
@Roles('official', 'admin')
@Controller('impact')
export class LeagueTableController {
  constructor(private readonly progress: ProgressService) {}

  @Get('organisations/:id/progress')
  @ApiOkResponse({ type: ProgressDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'ORGANISATION_NOT_FOUND' })
  of(
    @Param('id', uuidParam('ORGANISATION_NOT_FOUND', 'No such organisation.')) id: string,
    @Query() query: YearQueryDto,
  ): Promise<ProgressDto> {
    return this.progress.of(id, query.year);
  }

  @Get('institutions')
  @ApiOkResponse({ type: LeagueTableDto })
  leagueTable(@Query() query: LeagueQueryDto): Promise<LeagueTableDto> {
    return this.progress.leagueTable(query);
  }

  @Get('institutions/export.csv')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOkResponse({ description: 'The league table as on screen, UTF-8 with a byte-order mark; the last row is the total' })
  async leagueTableCsv(@Query() query: LeagueQueryDto): Promise<string> {
    const table = await this.progress.leagueTable(query);
    return toCsvText([
      CSV_COLUMNS.map(([title]) => title),
      ...table.items.map((row) => CSV_COLUMNS.map(([, cell]) => cell(row))),
      CSV_COLUMNS.map(([, , cell]) => cell(table.total)),
    ]);
  }
}
