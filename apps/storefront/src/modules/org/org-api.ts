import type { components } from '@qh/api-client';

export type MyOrganisation = components['schemas']['MyOrganisationDto'];
export type OrganisationStatus = MyOrganisation['status'];
export type RegisterOrganisationBody = components['schemas']['RegisterOrganisationDto'];
export type UpdateOrganisationBody = components['schemas']['UpdateOrganisationDto'];
export type Member = components['schemas']['MemberDto'];
export type InviteBody = components['schemas']['InviteMemberDto'];
export type Invitation = components['schemas']['InvitationDto'];
export type InvitationStatus = Invitation['status'];
export type InvitationPreview = components['schemas']['InvitationPreviewDto'];
export type DeliverySite = components['schemas']['DeliverySiteDto'];
export type DeliverySiteInput = components['schemas']['DeliverySiteInputDto'];
export type ReceivingWindow = components['schemas']['ReceivingWindowDto'];
