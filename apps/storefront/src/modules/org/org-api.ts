import type { components } from '@qh/api-client';
import { api, unwrap } from '../../api';
import { saveInvoiceFile, type InvoiceFileRef, type InvoiceRequest } from '../shop/invoices';

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
export type OrgOrder = components['schemas']['OrgOrderDto'];
export type OrgOrderStatus = OrgOrder['status'];
export type OrgOrderRequest = components['schemas']['OrgOrderRequestDto'];
export type OrgQuote = components['schemas']['OrgQuoteDto'];
export type OrgQuoteLine = components['schemas']['OrgQuoteLineDto'];
export type OrgQuotePart = components['schemas']['OrgQuotePartDto'];
export type OrgQuoteRequest = components['schemas']['OrgQuoteRequestDto'];
export type DeliveryProblem = OrgQuote['deliveryProblems'][number];
export type PriceBreak = components['schemas']['PriceBreakDto'];
export type Acceptance = components['schemas']['AcceptanceDto'];
export type AcceptanceInput = components['schemas']['AcceptanceInputDto'];
export type ShortfallClaimStatus = components['schemas']['ShortfallClaimRefDto']['status'];
export type Progress = components['schemas']['ProgressDto'];
export type ProgressPlan = components['schemas']['ProgressPlanDto'];
export type ProgressMonth = components['schemas']['ProgressMonthDto'];
export type PlanList = components['schemas']['PlanListDto'];
export type Plan = components['schemas']['PlanDto'];
export type PlanInput = components['schemas']['PlanInputDto'];

/** The invoices of one of the organisation's orders, for its finance members (others: ORGANISATION_ROLE_REQUIRED). */
export async function listOrgOrderInvoices(number: string): Promise<InvoiceRequest[]> {
  return (await unwrap(api.GET('/api/org/orders/{number}/invoices', { params: { path: { number } } }))).items;
}

/** Saves an issued invoice of one of the organisation's orders, for its finance members. */
export function downloadOrgInvoice(invoice: InvoiceFileRef & { id: string }): Promise<void> {
  return saveInvoiceFile(
    api.GET('/api/org/orders/{number}/invoices/{id}/file', {
      params: { path: { number: invoice.orderNumber, id: invoice.id } },
      parseAs: 'blob',
    }),
    invoice,
  );
}
