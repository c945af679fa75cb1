import { Body, Controller, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ActingUser, type Acting } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { AppError } from '../common/app-error';
import { ErrorDto } from '../common/error.dto';
import { readUploadedFile } from '../common/uploads';
import { uuidParam } from '../common/uuid-param';
import {
  CreateHouseholdDto,
  CreateLinkDto,
  HouseholdDto,
  HouseholdNameDto,
  HouseholdPageDto,
  HouseholdQueryDto,
  ImportQueryDto,
  ImportReportDto,
  UpdateHouseholdDto,
  UpdateLinkDto,
} from './dto/household.dto';
import { HouseholdImportService, IMPORT_COLUMNS } from './household-import.service';
import { HouseholdsService } from './households.service';

const householdId = () => uuidParam('HOUSEHOLD_NOT_FOUND', 'No such household.');
/** 5 MB of CSV is some 40,000 households: more than a county registers. */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

@ApiTags('admin: households')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: admins only' })
@Roles('admin')
@Controller('admin/households')
export class AdminHouseholdsController {
  constructor(
    private readonly households: HouseholdsService,
    private readonly imports: HouseholdImportService,
  ) {}

  @Get()
  @ApiOkResponse({ type: HouseholdPageDto, description: 'By platform code; names are never listed' })
  list(@Query() query: HouseholdQueryDto): Promise<HouseholdPageDto> {
    return this.households.list(query);
  }

  @Post()
  @ApiCreatedResponse({ type: HouseholdDto })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'HOUSEHOLD_DUPLICATE: the ID number is registered already' })
  create(@ActingUser() admin: Acting, @Body() dto: CreateHouseholdDto): Promise<HouseholdDto> {
    return this.households.create(admin, dto);
  }

  @Post('import')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({
    type: ImportReportDto,
    description: `UTF-8 CSV with the columns ${IMPORT_COLUMNS.join(', ')}; valid rows go in, each refused row is reported`,
  })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'CSV_INVALID' })
  @ApiResponse({ status: 413, type: ErrorDto, description: 'PAYLOAD_TOO_LARGE' })
  async import(@ActingUser() admin: Acting, @Query() query: ImportQueryDto, @Req() request: FastifyRequest): Promise<ImportReportDto> {
    const bytes = await readUploadedFile(request, {
      field: 'file',
      what: 'the CSV',
      maxBytes: MAX_IMPORT_BYTES,
      tooLargeMessage: 'A household file may be at most 5 MB.',
    });
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new AppError('CSV_INVALID', 'The file is not UTF-8 text: save it from the spreadsheet as “CSV UTF-8”.');
    }
    return this.imports.import(admin, text, query.dryRun === 'true');
  }

  @Get(':id')
  @ApiOkResponse({ type: HouseholdDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'HOUSEHOLD_NOT_FOUND' })
  get(@Param('id', householdId()) id: string): Promise<HouseholdDto> {
    return this.households.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: HouseholdDto })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'HOUSEHOLD_DUPLICATE' })
  update(@ActingUser() admin: Acting, @Param('id', householdId()) id: string, @Body() dto: UpdateHouseholdDto): Promise<HouseholdDto> {
    return this.households.update(admin, id, dto);
  }

  @Get(':id/name')
  @ApiOkResponse({ type: HouseholdNameDto, description: 'The head’s name; every read is written to the audit log' })
  name(@ActingUser() admin: Acting, @Param('id', householdId()) id: string): Promise<HouseholdNameDto> {
    return this.households.revealName(admin, id);
  }

  @Post(':id/links')
  @ApiCreatedResponse({ type: HouseholdDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'HOUSEHOLD_NOT_FOUND, COOPERATIVE_NOT_FOUND' })
  addLink(@ActingUser() admin: Acting, @Param('id', householdId()) id: string, @Body() dto: CreateLinkDto): Promise<HouseholdDto> {
    return this.households.addLink(admin, id, dto);
  }

  @Patch(':id/links/:linkId')
  @ApiOkResponse({ type: HouseholdDto, description: 'Change the weight, or end the link (validTo)' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'LINK_NOT_FOUND' })
  updateLink(
    @ActingUser() admin: Acting,
    @Param('id', householdId()) id: string,
    @Param('linkId', uuidParam('LINK_NOT_FOUND', 'No such link of this household.')) link: string,
    @Body() dto: UpdateLinkDto,
  ): Promise<HouseholdDto> {
    return this.households.updateLink(admin, id, link, dto);
  }
}
