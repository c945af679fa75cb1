import { Injectable } from '@nestjs/common';
import type { Acting, AuthUser } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { decodeCursor, keysetPage } from '../common/keyset-cursor';
import { UnitOfWork } from '../database/unit-of-work';
import { Outbox } from '../notifications/outbox';
import type {
  AdminOrganisationDetailDto,
  AdminOrganisationDto,
  AdminOrganisationPageDto,
  AdminOrganisationQueryDto,
  MemberDto,
  MyOrganisationDto,
  OrganisationDto,
  RegisterOrganisationDto,
  UpdateOrganisationDto,
} from './dto/organisation.dto';
import { MembersRepository, type MemberRow } from './members.repository';
import { Memberships } from './memberships.service';
import {
  OrganisationsRepository,
  type AdminOrganisationRow,
  type OrganisationFields,
  type OrganisationRow,
} from './organisations.repository';

const DEFAULT_PAGE_SIZE = 20;
/** What an admin checked when verifying: changing any of these afterwards would need a new check. */
const VERIFIED_FIELDS = ['name', 'nameEn', 'creditCode', 'type', 'budgetUnit'] as const;

export function toOrganisation(row: OrganisationRow): OrganisationDto {
  return {
    id: row.id,
    name: row.name,
    nameEn: row.nameEn,
    creditCode: row.creditCode,
    type: row.type,
    districtCode: row.districtCode,
    budgetUnit: row.budgetUnit,
    hasCanteen: row.hasCanteen,
    contactName: row.contactName,
    contactMobile: row.contactMobile,
    approvalThresholdFen: row.approvalThresholdFen,
    approvalHoldHours: row.approvalHoldHours,
    status: row.status,
    rejectionReason: row.rejectionReason,
    createdAt: row.createdAt.toISOString(),
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
  };
}

export function toMember(row: MemberRow): MemberDto {
  return {
    accountId: row.accountId,
    email: row.email,
    displayName: row.displayName,
    roles: row.roles,
    joinedAt: row.joinedAt.toISOString(),
  };
}

function toAdminOrganisation(row: AdminOrganisationRow): AdminOrganisationDto {
  return { ...toOrganisation(row), memberCount: row.memberCount, registeredByEmail: row.registeredByEmail };
}

/** What the audit row keeps of an organisation: its details without the contact's mobile number. */
function audited(row: OrganisationRow): Record<string, unknown> {
  const { contactMobile: _mobile, createdAt: _created, verifiedAt: _verified, ...rest } = row;
  return rest;
}

/** Registration and profile of an organisation, and the admins' verification of it. */
@Injectable()
export class OrganisationsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly organisations: OrganisationsRepository,
    private readonly members: MembersRepository,
    private readonly memberships: Memberships,
    private readonly outbox: Outbox,
  ) {}

  /** The registering buyer becomes its manager; it waits for an admin's verification. */
  async register(buyer: Acting, dto: RegisterOrganisationDto): Promise<MyOrganisationDto> {
    await this.unitOfWork.run(async ({ manager, audit }) => {
      // Taken first, so that two registrations at once by one buyer meet at the member row.
      if (await this.memberships.of(buyer.id, manager)) {
        throw new AppError('ALREADY_IN_ORGANISATION', 'You already belong to an organisation; an account can belong to one only.');
      }
      const fields: OrganisationFields = { ...dto, nameEn: dto.nameEn ?? dto.name };
      const organisationId = await this.organisations.insert(manager, fields, buyer.id);
      await this.members.add(manager, organisationId, buyer.id, ['MANAGER']);
      await audit({
        actor: buyer,
        action: 'organisation.registered',
        entityType: 'organisation',
        entityId: organisationId,
        after: audited((await this.organisations.find(organisationId, manager))!),
      });
    });
    return this.mine(buyer);
  }

  /** The caller's organisation with the caller's roles. */
  async mine(user: AuthUser): Promise<MyOrganisationDto> {
    const membership = await this.memberships.require(user);
    const organisation = await this.organisations.find(membership.organisationId);
    return { ...toOrganisation(organisation!), roles: membership.roles };
  }

  /**
   * A manager corrects the details. Once verified, the name, credit code, type and budget-unit flag
   * are what the admin checked and stay; a rejected organisation that corrects anything is back in the queue.
   */
  async update(user: Acting, dto: UpdateOrganisationDto): Promise<MyOrganisationDto> {
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const membership = await this.memberships.require(user, ['MANAGER'], manager);
      const before = (await this.organisations.lock(manager, membership.organisationId))!;
      const changes = Object.fromEntries(
        Object.entries(dto).filter(([key, value]) => value !== undefined && value !== before[key as keyof OrganisationRow]),
      ) as Partial<OrganisationFields>;
      const locked = VERIFIED_FIELDS.filter((field) => field in changes);
      if (before.status === 'VERIFIED' && locked.length) {
        throw new AppError(
          'ORGANISATION_STATUS_CONFLICT',
          `A verified organisation keeps the ${locked.join(', ')} an admin checked; ask the platform to change them.`,
        );
      }
      if (Object.keys(changes).length === 0) return;
      await this.organisations.update(manager, before.id, changes, before.status === 'REJECTED');
      await audit({
        actor: user,
        action: before.status === 'REJECTED' ? 'organisation.resubmitted' : 'organisation.updated',
        entityType: 'organisation',
        entityId: before.id,
        before: audited(before),
        after: audited((await this.organisations.find(before.id, manager))!),
      });
    });
    return this.mine(user);
  }

  async list(query: AdminOrganisationQueryDto): Promise<AdminOrganisationPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.organisations.list({
      status: query.status,
      limit: limit + 1,
      after: query.cursor ? decodeCursor(query.cursor, 'created') : undefined,
    });
    return keysetPage(rows, limit, 'created', toAdminOrganisation);
  }

  async detail(id: string): Promise<AdminOrganisationDetailDto> {
    const row = await this.organisations.findForAdmin(id);
    if (!row) throw new AppError('ORGANISATION_NOT_FOUND', 'No such organisation.');
    return { ...toAdminOrganisation(row), members: (await this.members.members(id)).map(toMember) };
  }

  verify(admin: Acting, id: string): Promise<AdminOrganisationDetailDto> {
    return this.review(admin, id, 'VERIFIED', null);
  }

  reject(admin: Acting, id: string, reason: string): Promise<AdminOrganisationDetailDto> {
    return this.review(admin, id, 'REJECTED', reason.trim());
  }

  /** Only a waiting organisation is reviewed; the one who registered it hears the outcome. */
  private async review(
    admin: Acting,
    id: string,
    status: 'VERIFIED' | 'REJECTED',
    reason: string | null,
  ): Promise<AdminOrganisationDetailDto> {
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const before = await this.organisations.lock(manager, id);
      if (!before) throw new AppError('ORGANISATION_NOT_FOUND', 'No such organisation.');
      if (before.status !== 'PENDING') {
        throw new AppError('ORGANISATION_STATUS_CONFLICT', `The organisation is ${before.status.toLowerCase()}, not waiting for review.`);
      }
      await this.organisations.review(manager, id, status, reason);
      await audit({
        actor: admin,
        action: status === 'VERIFIED' ? 'organisation.verified' : 'organisation.rejected',
        entityType: 'organisation',
        entityId: id,
        before: { status: before.status },
        after: { status, ...(reason ? { reason } : {}) },
      });
      await this.outbox.write(manager, {
        topic: 'ORGANISATION_REVIEWED',
        // One message per review: a rejection, a correction and a verification are three.
        dedupeKey: `ORGANISATION_REVIEWED:${id}:${status}:${admin.requestId}`,
        accountId: before.registeredBy,
        orderId: null,
        payload: { organisationName: before.name, status, ...(reason ? { reason } : {}) },
      });
    });
    return this.detail(id);
  }
}
