import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ActingUser, type Acting } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { ReasonDto } from '../catalog/dto/admin-catalog.dto';
import { ErrorDto } from '../common/error.dto';
import { uuidParam } from '../common/uuid-param';
import { AdminOrganisationDetailDto, AdminOrganisationPageDto, AdminOrganisationQueryDto } from './dto/organisation.dto';
import { OrganisationsService } from './organisations.service';

const organisationId = () => uuidParam('ORGANISATION_NOT_FOUND', 'No such organisation.');

/** The verification queue of institutional buyers: every decision is audited and told to whoever registered. */
@ApiTags('admin: organisations')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: admins only' })
@Roles('admin')
@Controller('admin/organisations')
export class AdminOrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @ApiOkResponse({ type: AdminOrganisationPageDto, description: 'Oldest registration first; status=PENDING is the queue' })
  list(@Query() query: AdminOrganisationQueryDto): Promise<AdminOrganisationPageDto> {
    return this.organisations.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: AdminOrganisationDetailDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'ORGANISATION_NOT_FOUND' })
  detail(@Param('id', organisationId()) id: string): Promise<AdminOrganisationDetailDto> {
    return this.organisations.detail(id);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @ApiOkResponse({ type: AdminOrganisationDetailDto, description: 'PENDING → VERIFIED' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'ORGANISATION_STATUS_CONFLICT' })
  verify(@ActingUser() admin: Acting, @Param('id', organisationId()) id: string): Promise<AdminOrganisationDetailDto> {
    return this.organisations.verify(admin, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOkResponse({
    type: AdminOrganisationDetailDto,
    description: 'PENDING → REJECTED with the reason; it may correct itself and come back',
  })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'ORGANISATION_STATUS_CONFLICT' })
  reject(
    @ActingUser() admin: Acting,
    @Param('id', organisationId()) id: string,
    @Body() dto: ReasonDto,
  ): Promise<AdminOrganisationDetailDto> {
    return this.organisations.reject(admin, id, dto.reason);
  }
}
