import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ActingUser, type Acting } from '../auth/current-user';
import { Public, Roles } from '../auth/roles.decorator';
import { ErrorDto } from '../common/error.dto';
import { uuidParam } from '../common/uuid-param';
import {
  DeliverySiteDto,
  DeliverySiteInputDto,
  DeliverySiteListDto,
  InvitationDto,
  InvitationListDto,
  InvitationPreviewDto,
  InvitationTokenDto,
  InviteMemberDto,
  MemberDto,
  MemberListDto,
  MemberRolesDto,
  MyOrganisationDto,
  RegisterOrganisationDto,
  UpdateDeliverySiteDto,
  UpdateOrganisationDto,
} from './dto/organisation.dto';
import { MembersService } from './members.service';
import { OrganisationsService } from './organisations.service';
import { SitesService } from './sites.service';

const memberId = () => uuidParam('MEMBER_NOT_FOUND', 'No such member of your organisation.');
const invitationId = () => uuidParam('INVITATION_NOT_FOUND', 'No such open invitation.');
const siteId = () => uuidParam('DELIVERY_SITE_NOT_FOUND', 'No such delivery site.');

/**
 * The caller's organisation (单位): its profile, members, invitations and delivery sites. Every route
 * acts on the caller's own organisation only; what a member may do is their roles in it.
 */
@ApiTags('organisation')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED' })
@ApiResponse({ status: 404, type: ErrorDto, description: 'ORGANISATION_NOT_FOUND: the caller belongs to none' })
@Roles('buyer')
@Controller('org')
export class OrganisationController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly members: MembersService,
    private readonly sites: SitesService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: MyOrganisationDto, description: 'PENDING until an admin verifies it; the caller is its manager' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'ALREADY_IN_ORGANISATION, CREDIT_CODE_TAKEN' })
  register(@ActingUser() buyer: Acting, @Body() dto: RegisterOrganisationDto): Promise<MyOrganisationDto> {
    return this.organisations.register(buyer, dto);
  }

  @Get()
  @ApiOkResponse({ type: MyOrganisationDto })
  mine(@ActingUser() buyer: Acting): Promise<MyOrganisationDto> {
    return this.organisations.mine(buyer);
  }

  @Patch()
  @ApiOkResponse({ type: MyOrganisationDto, description: 'Managers only. A rejected organisation goes back to the queue' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'ORGANISATION_STATUS_CONFLICT: verified details are fixed' })
  update(@ActingUser() buyer: Acting, @Body() dto: UpdateOrganisationDto): Promise<MyOrganisationDto> {
    return this.organisations.update(buyer, dto);
  }

  @Get('members')
  @ApiOkResponse({ type: MemberListDto, description: 'In the order they joined' })
  listMembers(@ActingUser() buyer: Acting): Promise<MemberListDto> {
    return this.members.list(buyer);
  }

  @Patch('members/:accountId')
  @ApiOkResponse({ type: MemberDto, description: 'Managers only' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'LAST_MANAGER' })
  setRoles(
    @ActingUser() buyer: Acting,
    @Param('accountId', memberId()) accountId: string,
    @Body() dto: MemberRolesDto,
  ): Promise<MemberDto> {
    return this.members.setRoles(buyer, accountId, dto.roles);
  }

  @Delete('members/:accountId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'A manager removes a member, or a member leaves (their own id)' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'LAST_MANAGER' })
  async removeMember(@ActingUser() buyer: Acting, @Param('accountId', memberId()) accountId: string): Promise<void> {
    await this.members.remove(buyer, accountId);
  }

  @Get('invitations')
  @ApiOkResponse({ type: InvitationListDto, description: 'Managers only' })
  invitations(@ActingUser() buyer: Acting): Promise<InvitationListDto> {
    return this.members.invitations(buyer);
  }

  @Post('invitations')
  @ApiCreatedResponse({ type: InvitationDto, description: 'Managers only. The link goes by e-mail and works once, for 7 days' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'ALREADY_IN_ORGANISATION, TOO_MANY_INVITATIONS' })
  invite(@ActingUser() buyer: Acting, @Body() dto: InviteMemberDto): Promise<InvitationDto> {
    return this.members.invite(buyer, dto);
  }

  @Delete('invitations/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Managers only; the link stops working' })
  async revoke(@ActingUser() buyer: Acting, @Param('id', invitationId()) id: string): Promise<void> {
    await this.members.revoke(buyer, id);
  }

  @Post('invitations/preview')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: InvitationPreviewDto, description: 'What an invitation link is for, before signing in' })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'INVITATION_INVALID' })
  preview(@Body() dto: InvitationTokenDto): Promise<InvitationPreviewDto> {
    return this.members.preview(dto.token);
  }

  @Post('invitations/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: MyOrganisationDto, description: 'The caller joins, signed in with the address the invitation went to' })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'INVITATION_INVALID' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'ALREADY_IN_ORGANISATION' })
  accept(@ActingUser() buyer: Acting, @Body() dto: InvitationTokenDto): Promise<MyOrganisationDto> {
    return this.members.accept(buyer, dto.token);
  }

  @Get('sites')
  @ApiOkResponse({ type: DeliverySiteListDto })
  listSites(@ActingUser() buyer: Acting): Promise<DeliverySiteListDto> {
    return this.sites.list(buyer);
  }

  @Post('sites')
  @ApiCreatedResponse({ type: DeliverySiteDto, description: 'Managers only' })
  createSite(@ActingUser() buyer: Acting, @Body() dto: DeliverySiteInputDto): Promise<DeliverySiteDto> {
    return this.sites.create(buyer, dto);
  }

  @Patch('sites/:id')
  @ApiOkResponse({ type: DeliverySiteDto, description: 'Managers only' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'DELIVERY_SITE_NOT_FOUND' })
  updateSite(@ActingUser() buyer: Acting, @Param('id', siteId()) id: string, @Body() dto: UpdateDeliverySiteDto): Promise<DeliverySiteDto> {
    return this.sites.update(buyer, id, dto);
  }

  @Delete('sites/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Managers only; orders delivered there keep it' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'DELIVERY_SITE_NOT_FOUND' })
  async removeSite(@ActingUser() buyer: Acting, @Param('id', siteId()) id: string): Promise<void> {
    await this.sites.remove(buyer, id);
  }
}
