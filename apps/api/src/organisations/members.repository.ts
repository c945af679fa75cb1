import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganisationRole, OrganisationStatus } from '@qh/domain';
import { DataSource, EntityManager } from 'typeorm';
import { row, rows } from '../database/sql';

/** An account's place in its organisation. */
export interface MembershipRow {
  organisationId: string;
  organisationName: string;
  organisationNameEn: string;
  status: OrganisationStatus;
  roles: OrganisationRole[];
  approvalThresholdFen: number;
  approvalHoldHours: number;
}

export interface MemberRow {
  accountId: string;
  email: string;
  displayName: string | null;
  roles: OrganisationRole[];
  joinedAt: Date;
}

export interface InvitationRow {
  id: string;
  organisationId: string;
  email: string;
  roles: OrganisationRole[];
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  /** Whether it is past its expiry by the database's clock. */
  expired: boolean;
}

const INVITATION_COLUMNS = `i.id, i.organisation_id AS "organisationId", i.email, i.roles, i.created_at AS "createdAt", i.expires_at AS "expiresAt",
  i.accepted_at AS "acceptedAt", i.revoked_at AS "revokedAt", i.expires_at <= qh_now() AS expired`;

/** Who belongs to which organisation with which roles, and the invitations that bring them in. */
@Injectable()
export class MembersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  membershipOf(accountId: string, manager: EntityManager = this.dataSource.manager): Promise<MembershipRow | undefined> {
    return row(
      manager,
      `SELECT m.organisation_id AS "organisationId", o.name AS "organisationName", o.name_en AS "organisationNameEn", o.status, m.roles,
              o.approval_threshold_fen AS "approvalThresholdFen", o.approval_hold_hours AS "approvalHoldHours"
         FROM organisation_member m JOIN organisation o ON o.id = m.organisation_id
        WHERE m.account_id = $1`,
      [accountId],
    );
  }

  members(organisationId: string, manager: EntityManager = this.dataSource.manager): Promise<MemberRow[]> {
    return rows(
      manager,
      `SELECT m.account_id AS "accountId", a.email, a.display_name AS "displayName", m.roles, m.joined_at AS "joinedAt"
         FROM organisation_member m JOIN account a ON a.id = m.account_id
        WHERE m.organisation_id = $1 ORDER BY m.joined_at, m.account_id`,
      [organisationId],
    );
  }

  /** The members holding `role`, e.g. the approvers to tell of an order waiting for them. */
  async withRole(manager: EntityManager, organisationId: string, role: OrganisationRole): Promise<string[]> {
    const found = await rows<{ accountId: string }>(
      manager,
      `SELECT account_id AS "accountId" FROM organisation_member WHERE organisation_id = $1 AND $2 = ANY(roles) ORDER BY joined_at`,
      [organisationId, role],
    );
    return found.map((member) => member.accountId);
  }

  async add(manager: EntityManager, organisationId: string, accountId: string, roles: OrganisationRole[]): Promise<void> {
    await manager.query(`INSERT INTO organisation_member (organisation_id, account_id, roles) VALUES ($1, $2, $3)`, [
      organisationId,
      accountId,
      roles,
    ]);
  }

  async setRoles(manager: EntityManager, organisationId: string, accountId: string, roles: OrganisationRole[]): Promise<void> {
    await manager.query(`UPDATE organisation_member SET roles = $3 WHERE organisation_id = $1 AND account_id = $2`, [
      organisationId,
      accountId,
      roles,
    ]);
  }

  async remove(manager: EntityManager, organisationId: string, accountId: string): Promise<void> {
    await manager.query(`DELETE FROM organisation_member WHERE organisation_id = $1 AND account_id = $2`, [organisationId, accountId]);
  }

  /** The buyer account with this e-mail, if there is one. */
  accountByEmail(manager: EntityManager, email: string): Promise<{ id: string } | undefined> {
    return row(manager, `SELECT id FROM account WHERE lower(email) = lower($1)`, [email]);
  }

  async insertInvitation(
    manager: EntityManager,
    invitation: {
      organisationId: string;
      email: string;
      roles: OrganisationRole[];
      tokenHash: Buffer;
      invitedBy: string;
      validDays: number;
    },
  ): Promise<InvitationRow> {
    const [created] = await rows<InvitationRow>(
      manager,
      `INSERT INTO organisation_invitation AS i (organisation_id, email, roles, token_hash, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, qh_now() + make_interval(days => $6)) RETURNING ${INVITATION_COLUMNS}`,
      [invitation.organisationId, invitation.email, invitation.roles, invitation.tokenHash, invitation.invitedBy, invitation.validDays],
    );
    return created;
  }

  /** The organisation's invitations still open (not accepted, revoked or expired). */
  async openInvitations(manager: EntityManager, organisationId: string): Promise<InvitationRow[]> {
    return rows(
      manager,
      `SELECT ${INVITATION_COLUMNS} FROM organisation_invitation i
        WHERE i.organisation_id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > qh_now()`,
      [organisationId],
    );
  }

  invitations(organisationId: string, limit: number): Promise<InvitationRow[]> {
    return rows(
      this.dataSource,
      `SELECT ${INVITATION_COLUMNS} FROM organisation_invitation i WHERE i.organisation_id = $1 ORDER BY i.created_at DESC, i.id LIMIT $2`,
      [organisationId, limit],
    );
  }

  /** Revokes an open invitation of the organisation; undefined when there is no such open invitation. */
  revoke(manager: EntityManager, organisationId: string, id: string): Promise<InvitationRow | undefined> {
    return row(
      manager,
      `UPDATE organisation_invitation i SET revoked_at = qh_now()
        WHERE i.id = $1 AND i.organisation_id = $2 AND i.accepted_at IS NULL AND i.revoked_at IS NULL
        RETURNING ${INVITATION_COLUMNS}`,
      [id, organisationId],
    );
  }

  /** The invitation behind a link's token, locked when a manager is given. */
  invitationByToken(
    manager: EntityManager,
    tokenHash: Buffer,
    lock: boolean,
  ): Promise<(InvitationRow & { organisationName: string; organisationNameEn: string }) | undefined> {
    return row(
      manager,
      `SELECT ${INVITATION_COLUMNS}, o.name AS "organisationName", o.name_en AS "organisationNameEn"
         FROM organisation_invitation i JOIN organisation o ON o.id = i.organisation_id
        WHERE i.token_hash = $1 ${lock ? 'FOR UPDATE OF i' : ''}`,
      [tokenHash],
    );
  }

  async markAccepted(manager: EntityManager, id: string, accountId: string): Promise<void> {
    await manager.query(`UPDATE organisation_invitation SET accepted_at = qh_now(), accepted_by = $2 WHERE id = $1`, [id, accountId]);
  }
}
