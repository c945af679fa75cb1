import { Injectable } from '@nestjs/common';
import type { OrganisationRole } from '@qh/domain';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { MembersRepository, type MembershipRow } from './members.repository';

/**
 * Who may act for which organisation. Roles are read from the database on every request, not from
 * the access token: a member whose roles a manager just took away loses them at once.
 */
@Injectable()
export class Memberships {
  constructor(private readonly members: MembersRepository) {}

  /** The account's organisation and roles, or undefined when it belongs to none. */
  of(accountId: string, manager?: EntityManager): Promise<MembershipRow | undefined> {
    return this.members.membershipOf(accountId, manager);
  }

  /** The accounts of the organisation with this role. */
  withRole(manager: EntityManager, organisationId: string, role: OrganisationRole): Promise<string[]> {
    return this.members.withRole(manager, organisationId, role);
  }

  /** The caller's membership, holding at least one of `roles` (any role when none are named). */
  async require(user: AuthUser, roles: readonly OrganisationRole[] = [], manager?: EntityManager): Promise<MembershipRow> {
    const membership = await this.of(user.id, manager);
    if (!membership) throw new AppError('ORGANISATION_NOT_FOUND', 'You do not belong to an organisation.');
    if (roles.length && !roles.some((role) => membership.roles.includes(role))) {
      throw new AppError('ORGANISATION_ROLE_REQUIRED', `Only a member with the role ${roles.join(' or ')} may do this.`);
    }
    return membership;
  }
}
