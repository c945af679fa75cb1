import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { AppError } from '../common/app-error';
import { ErrorDto } from '../common/error.dto';
import { VerifyQueryDto, VerifyReportDto } from './dto/impact.dto';
import { LedgerDigestService } from './ledger-digest.service';

/** At most this many days per verification: ten years. */
const MAX_VERIFY_DAYS = 3660;

/** `2026-02-31` has the right shape but is no day: the calendar must give it back unchanged. */
function isRealDay(day: string): boolean {
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/** Figures for officials (and admins): aggregates only, never a person. */
@ApiTags('impact')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: officials and admins only' })
@Roles('official', 'admin')
@Controller('impact')
export class ImpactController {
  constructor(private readonly digests: LedgerDigestService) {}

  @Get('verify')
  @ApiOkResponse({
    type: VerifyReportDto,
    description: 'Recomputes each digested day from the ledger and lists the days that no longer match',
  })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED' })
  verify(@Query() query: VerifyQueryDto): Promise<VerifyReportDto> {
    const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
    if (!isRealDay(query.from) || !isRealDay(query.to) || days < 0 || days >= MAX_VERIFY_DAYS) {
      throw new AppError('VALIDATION_FAILED', `from must be a real date on or before to, at most ${MAX_VERIFY_DAYS} days apart`, [
        { field: 'to', problems: [`on or after from, at most ${MAX_VERIFY_DAYS} days later`] },
      ]);
    }
    return this.digests.verify(query.from, query.to);
  }
}
