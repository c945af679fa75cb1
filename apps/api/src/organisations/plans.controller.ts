import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ActingUser, CurrentUser, type Acting, type AuthUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { AppError } from '../common/app-error';
import { ErrorDto } from '../common/error.dto';
import { uuidParam } from '../common/uuid-param';
import { DistrictShareInputDto, DistrictShareListDto, PlanDto, PlanInputDto, PlanListDto } from './dto/plan.dto';
import { PlansService } from './plans.service';

const organisationId = () => uuidParam('ORGANISATION_NOT_FOUND', 'No such organisation.');
/** A year in the path: digits only, else a clear 400. */
const yearParam = () =>
  new ParseIntPipe({
    exceptionFactory: () =>
      new AppError('VALIDATION_FAILED', 'The year must be a number such as 2026.', [
        { field: 'year', problems: ['year must be an integer'] },
      ]),
  });

/** The caller's organisation's reserved-share plans: every member reads them, its managers set them. */
@ApiTags('organisation')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED: managers set plans' })
@ApiResponse({ status: 404, type: ErrorDto, description: 'ORGANISATION_NOT_FOUND: the caller belongs to none' })
@Roles('buyer')
@Controller('org/plans')
export class OrgPlansController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  @ApiOkResponse({ type: PlanListDto })
  list(@CurrentUser() user: AuthUser): Promise<PlanListDto> {
    return this.plans.mine(user);
  }

  @Put(':year')
  @ApiOkResponse({ type: PlanDto, description: 'Set or changed; audited with what it was before' })
  set(@ActingUser() user: Acting, @Param('year', yearParam()) year: number, @Body() dto: PlanInputDto): Promise<PlanDto> {
    return this.plans.saveMine(user, year, dto);
  }
}

/** Officials and admins read and correct any organisation's plans (audited, with before and after). */
@ApiTags('impact')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: officials and admins only' })
@ApiResponse({ status: 404, type: ErrorDto, description: 'ORGANISATION_NOT_FOUND' })
@Roles('official', 'admin')
@Controller('impact/organisations')
export class OfficialPlansController {
  constructor(private readonly plans: PlansService) {}

  @Get(':id/plans')
  @ApiOkResponse({ type: PlanListDto })
  list(@Param('id', organisationId()) id: string): Promise<PlanListDto> {
    return this.plans.of(id);
  }

  @Put(':id/plans/:year')
  @ApiOkResponse({ type: PlanDto, description: 'Corrected; audited with what it was before' })
  correct(
    @ActingUser() user: Acting,
    @Param('id', organisationId()) id: string,
    @Param('year', yearParam()) year: number,
    @Body() dto: PlanInputDto,
  ): Promise<PlanDto> {
    return this.plans.correct(user, id, year, dto);
  }
}

/** The share each district sets for its budget units when a plan names none (admins). */
@ApiTags('admin: organisations')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: admins only' })
@Roles('admin')
@Controller('admin/reserved-shares')
export class DistrictSharesController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  @ApiOkResponse({ type: DistrictShareListDto })
  list(): Promise<DistrictShareListDto> {
    return this.plans.districtShares();
  }

  @Put(':districtCode')
  @ApiOkResponse({ type: DistrictShareListDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'NOT_FOUND: no such district' })
  set(
    @ActingUser() admin: Acting,
    @Param('districtCode') districtCode: string,
    @Body() dto: DistrictShareInputDto,
  ): Promise<DistrictShareListDto> {
    return this.plans.setDistrictShare(admin, districtCode, dto.shareBp);
  }
}
