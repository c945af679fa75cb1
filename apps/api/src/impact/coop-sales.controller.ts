import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ActingUser, cooperativeOf, type Acting } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { ErrorDto } from '../common/error.dto';
import { CoopSalesDto, CoopSalesQueryDto } from './dto/impact.dto';
import { checkedRange } from './impact.controller';
import { ReportsService } from './reports.service';

/** A cooperative's own figures, the same numbers officials see for it. */
@ApiTags('cooperative portal')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: cooperative staff only' })
@Roles('cooperative')
@Controller('coop')
export class CoopSalesController {
  constructor(private readonly reports: ReportsService) {}

  @Get('sales')
  @ApiOkResponse({ type: CoopSalesDto })
  async sales(@ActingUser() user: Acting, @Query() query: CoopSalesQueryDto): Promise<CoopSalesDto> {
    const filters = checkedRange({ ...query, cooperativeId: cooperativeOf(user) });
    const [summary, months] = await Promise.all([this.reports.summary(filters), this.reports.grouped('month', filters)]);
    return { summary, months };
  }
}
