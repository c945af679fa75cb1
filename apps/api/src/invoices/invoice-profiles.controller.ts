import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { ErrorDto } from '../common/error.dto';
import { uuidParam } from '../common/uuid-param';
import { InvoiceProfileDto, InvoiceProfileInputDto, InvoiceProfileListDto } from './dto/invoice-profile.dto';
import { InvoiceProfilesService } from './invoice-profiles.service';

const profileId = () => uuidParam('INVOICE_PROFILE_NOT_FOUND', 'No such invoice profile.');

/** The routes of one owner's profiles: a buyer's own (`organisation` false) or their organisation's. */
function profileRoutes(organisation: boolean) {
  @ApiBearerAuth()
  @ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
  @ApiResponse({
    status: 403,
    type: ErrorDto,
    description: organisation
      ? 'FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED: managers and finance keep them'
      : 'FORBIDDEN: buyers only',
  })
  @Roles('buyer')
  class ProfileRoutes {
    constructor(readonly profiles: InvoiceProfilesService) {}

    @Get()
    @ApiOkResponse({ type: InvoiceProfileListDto })
    async list(@CurrentUser() user: AuthUser): Promise<InvoiceProfileListDto> {
      return this.profiles.list(await this.profiles.ownerOf(user, organisation));
    }

    @Post()
    @ApiCreatedResponse({ type: InvoiceProfileDto })
    @ApiResponse({
      status: 400,
      type: ErrorDto,
      description: 'VALIDATION_FAILED: a special invoice needs every field; a tax number must check',
    })
    @ApiResponse({ status: 409, type: ErrorDto, description: 'TOO_MANY_INVOICE_PROFILES' })
    async create(@CurrentUser() user: AuthUser, @Body() dto: InvoiceProfileInputDto): Promise<InvoiceProfileDto> {
      return this.profiles.create(await this.profiles.ownerOf(user, organisation, true), user, dto);
    }

    @Put(':id')
    @ApiOkResponse({ type: InvoiceProfileDto, description: 'Replaced; orders placed with it keep what it said then' })
    @ApiResponse({ status: 404, type: ErrorDto, description: 'INVOICE_PROFILE_NOT_FOUND' })
    async update(
      @CurrentUser() user: AuthUser,
      @Param('id', profileId()) id: string,
      @Body() dto: InvoiceProfileInputDto,
    ): Promise<InvoiceProfileDto> {
      return this.profiles.update(await this.profiles.ownerOf(user, organisation, true), id, dto);
    }

    @Delete(':id')
    @HttpCode(204)
    @ApiNoContentResponse({ description: 'Removed from the list; orders placed with it keep their copy' })
    @ApiResponse({ status: 404, type: ErrorDto, description: 'INVOICE_PROFILE_NOT_FOUND' })
    async remove(@CurrentUser() user: AuthUser, @Param('id', profileId()) id: string): Promise<void> {
      await this.profiles.remove(await this.profiles.ownerOf(user, organisation, true), id);
    }
  }
  return ProfileRoutes;
}

/** A buyer's own invoice profiles (开票信息). */
@ApiTags('orders')
@Controller('invoice-profiles')
export class InvoiceProfilesController extends profileRoutes(false) {}

/** The organisation's invoice profiles: every member reads them, managers and finance keep them. */
@ApiTags('organisation')
@Controller('org/invoice-profiles')
export class OrgInvoiceProfilesController extends profileRoutes(true) {}
