import { Injectable } from '@nestjs/common';
import { keepsAManager, normaliseRoles, type OrganisationRole } from '@qh/domain';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Acting, AuthUser } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { UnitOfWork } from '../database/unit-of-work';
import { Outbox } from '../notifications/outbox';
import type {
  InvitationDto,
  InvitationListDto,
  InvitationPreviewDto,
  InviteMemberDto,
  MemberDto,
  MemberListDto,
  MyOrganisationDto,
} from './dto/organisation.dto';
import { MembersRepository, type InvitationRow } from './members.repository';
import { Memberships } from './memberships.service';
import { OrganisationsRepository } from './organisations.repository';
import { OrganisationsService, toMember } from './organisations.service';

/** An invitation link works this long, once. */
export const INVITATION_VALID_DAYS = 7;
/** Open invitations one organisation may have at a time: a manager's mistakes, not a mailing list. */
const MAX_OPEN_INVITATIONS = 50;
const LISTED_INVITATIONS = 100;

const hashToken = (token: string) => createHash('sha256').update(token).digest();

/** `c***@demo.cn`: enough for the invitee to recognise the address, not enough to read it off a forwarded link. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, Math.min(1, at))}***${email.slice(at)}`;
}

function toInvitation(row: InvitationRow): InvitationDto {
  const status = row.acceptedAt ? 'ACCEPTED' : row.revokedAt ? 'REVOKED' : row.expired ? 'EXPIRED' : 'PENDING';
  return {
    id: row.id,
    email: row.email,
    roles: row.roles,
    status,
    invitedAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

/**
 * Members and their roles. A manager invites by e-mail (a single-use link that expires); the invitee
 * accepts while signed in with that address, with an account old or new. Every change is audited.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly members: MembersRepository,
    private readonly memberships: Memberships,
    private readonly organisations: OrganisationsRepository,
    private readonly profile: OrganisationsService,
    private readonly outbox: Outbox,
  ) {}

  async list(user: AuthUser): Promise<MemberListDto> {
    const { organisationId } = await this.memberships.require(user);
    return { items: (await this.members.members(organisationId)).map(toMember) };
  }

  async invite(user: Acting, dto: InviteMemberDto): Promise<InvitationDto> {
    const token = randomBytes(32).toString('base64url');
    return this.unitOfWork.run(async ({ manager, audit }) => {
      const { organisationId, organisationName } = await this.lockAsManager(manager, user);
      const roles = normaliseRoles(dto.roles);
      const team = await this.members.members(organisationId, manager);
      if (team.some((member) => member.email.toLowerCase() === dto.email)) {
        throw new AppError('ALREADY_IN_ORGANISATION', `${dto.email} is already a member; change their roles instead.`);
      }
      const open = await this.members.openInvitations(manager, organisationId);
      // A new invitation to the same address replaces the one before: only the latest link works.
      for (const earlier of open.filter((invitation) => invitation.email === dto.email)) {
        await this.members.revoke(manager, organisationId, earlier.id);
      }
      if (open.filter((invitation) => invitation.email !== dto.email).length >= MAX_OPEN_INVITATIONS) {
        throw new AppError('TOO_MANY_INVITATIONS', `An organisation may have ${MAX_OPEN_INVITATIONS} open invitations; revoke some first.`);
      }
      const tokenHash = hashToken(token);
      const invitation = await this.members.insertInvitation(manager, {
        organisationId,
        email: dto.email,
        roles,
        tokenHash,
        invitedBy: user.id,
        validDays: INVITATION_VALID_DAYS,
      });
      await this.outbox.write(manager, {
        topic: 'ORGANISATION_INVITATION',
        dedupeKey: `ORGANISATION_INVITATION:${invitation.id}`,
        email: dto.email,
        orderId: null,
        payload: { organisationName, invitePath: `/org/join?token=${token}`, validDays: INVITATION_VALID_DAYS },
      });
      await audit({
        actor: user,
        action: 'organisation.member_invited',
        entityType: 'organisation',
        entityId: organisationId,
        after: { invitationId: invitation.id, email: maskEmail(dto.email), roles },
      });
      return toInvitation(invitation);
    });
  }

  async invitations(user: Acting): Promise<InvitationListDto> {
    const { organisationId } = await this.memberships.require(user, ['MANAGER']);
    return { items: (await this.members.invitations(organisationId, LISTED_INVITATIONS)).map(toInvitation) };
  }

  async revoke(user: Acting, id: string): Promise<void> {
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const { organisationId } = await this.lockAsManager(manager, user);
      const revoked = await this.members.revoke(manager, organisationId, id);
      if (!revoked) throw new AppError('INVITATION_NOT_FOUND', 'No such open invitation.');
      await audit({
        actor: user,
        action: 'organisation.invitation_revoked',
        entityType: 'organisation',
        entityId: organisationId,
        before: { invitationId: id, email: maskEmail(revoked.email), roles: revoked.roles },
      });
    });
  }

  /** What the link is for, shown before signing in; the same answer for every link that does not work. */
  async preview(token: string): Promise<InvitationPreviewDto> {
    const invitation = await this.unitOfWork.run(({ manager }) => this.members.invitationByToken(manager, hashToken(token), false));
    if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expired) throw invalidInvitation();
    return {
      organisationName: invitation.organisationName,
      organisationNameEn: invitation.organisationNameEn,
      emailMasked: maskEmail(invitation.email),
      roles: invitation.roles,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /** The signed-in buyer joins with the roles the invitation gives, if it was sent to their address. */
  async accept(user: Acting, token: string): Promise<MyOrganisationDto> {
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const invitation = await this.members.invitationByToken(manager, hashToken(token), true);
      if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expired) throw invalidInvitation();
      const account = await this.members.accountByEmail(manager, invitation.email);
      if (account?.id !== user.id) {
        throw new AppError(
          'INVITATION_FOR_ANOTHER_EMAIL',
          `This invitation was sent to ${maskEmail(invitation.email)}; sign in with that address to accept it.`,
        );
      }
      if (await this.memberships.of(user.id, manager)) {
        throw new AppError('ALREADY_IN_ORGANISATION', 'You already belong to an organisation; leave it before joining another.');
      }
      await this.organisations.lock(manager, invitation.organisationId);
      await this.members.add(manager, invitation.organisationId, user.id, invitation.roles);
      await this.members.markAccepted(manager, invitation.id, user.id);
      await audit({
        actor: user,
        action: 'organisation.member_joined',
        entityType: 'organisation',
        entityId: invitation.organisationId,
        after: { accountId: user.id, roles: invitation.roles, invitationId: invitation.id },
      });
    });
    return this.profile.mine(user);
  }

  /** A manager changes a member's roles; the organisation always keeps a manager. */
  async setRoles(user: Acting, accountId: string, roles: OrganisationRole[]): Promise<MemberDto> {
    return this.unitOfWork.run(async ({ manager, audit }) => {
      const { organisationId } = await this.lockAsManager(manager, user);
      const team = await this.members.members(organisationId, manager);
      const member = team.find((candidate) => candidate.accountId === accountId);
      if (!member) throw new AppError('MEMBER_NOT_FOUND', 'No such member of your organisation.');
      const next = normaliseRoles(roles);
      if (!keepsAManager(team, { accountId, roles: next })) {
        throw new AppError('LAST_MANAGER', 'The organisation needs a manager: make someone else a manager first.');
      }
      await this.members.setRoles(manager, organisationId, accountId, next);
      await audit({
        actor: user,
        action: 'organisation.member_roles_changed',
        entityType: 'organisation',
        entityId: organisationId,
        before: { accountId, roles: member.roles },
        after: { accountId, roles: next },
      });
      return toMember({ ...member, roles: next });
    });
  }

  /** A manager removes a member, or a member leaves; the organisation always keeps a manager. */
  async remove(user: Acting, accountId: string): Promise<void> {
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const own = await this.memberships.require(user, accountId === user.id ? [] : ['MANAGER'], manager);
      await this.organisations.lock(manager, own.organisationId);
      const team = await this.members.members(own.organisationId, manager);
      const member = team.find((candidate) => candidate.accountId === accountId);
      if (!member) throw new AppError('MEMBER_NOT_FOUND', 'No such member of your organisation.');
      if (!keepsAManager(team, { accountId, roles: null })) {
        throw new AppError('LAST_MANAGER', 'The organisation needs a manager: make someone else a manager first.');
      }
      await this.members.remove(manager, own.organisationId, accountId);
      await audit({
        actor: user,
        action: accountId === user.id ? 'organisation.member_left' : 'organisation.member_removed',
        entityType: 'organisation',
        entityId: own.organisationId,
        before: { accountId, roles: member.roles },
      });
    });
  }

  /** The caller's organisation, locked so that membership changes take turns, if the caller manages it. */
  private async lockAsManager(manager: EntityManager, user: AuthUser): Promise<{ organisationId: string; organisationName: string }> {
    const { organisationId } = await this.memberships.require(user, ['MANAGER'], manager);
    const organisation = await this.organisations.lock(manager, organisationId);
    // Roles may have changed while waiting for the lock.
    await this.memberships.require(user, ['MANAGER'], manager);
    return { organisationId, organisationName: organisation!.name };
  }
}

function invalidInvitation(): AppError {
  return new AppError('INVITATION_INVALID', 'This invitation link is not valid: it was used, revoked or has expired. Ask for a new one.');
}
