import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@qh/domain';
import { DataSource, EntityManager } from 'typeorm';
import { row, rows } from '../database/sql';
import { Account } from './account.entity';
import { RefreshToken } from './refresh-token.entity';

/** The first key of the advisory locks that sign-ins and registrations take turns on while they count. */
const ATTEMPT_LOCK_SPACE = 5205_2545;

@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findActiveAccountByEmail(email: string): Promise<Account | null> {
    return this.dataSource
      .getRepository(Account)
      .createQueryBuilder('a')
      .where('lower(a.email) = lower(:email)', { email })
      .andWhere('a.disabledAt IS NULL')
      .getOne();
  }

  findActiveAccount(id: string): Promise<Account | null> {
    return this.dataSource
      .getRepository(Account)
      .createQueryBuilder('a')
      .where('a.id = :id', { id })
      .andWhere('a.disabledAt IS NULL')
      .getOne();
  }

  /** Returns null when the email is taken (the unique index on lower(email) decides, race-free). */
  async createAccount(input: {
    email: string;
    passwordHash: string;
    role: Role;
    displayName: string | null;
    townships?: string[] | null;
  }): Promise<Account | null> {
    const rows: Account[] = await this.dataSource.query(
      `INSERT INTO account (email, password_hash, role, display_name, townships) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ((lower(email))) DO NOTHING
       RETURNING id, email, role, cooperative_id AS "cooperativeId", display_name AS "displayName", townships`,
      [input.email, input.passwordHash, input.role, input.displayName, input.townships ?? null],
    );
    return rows[0] ?? null;
  }

  /**
   * Admits a sign-in attempt, or refuses it when the email (since its last success) or the address
   * already has `maxPerEmail` / `maxPerIp` failures within the window. An admitted attempt is recorded
   * as failed before its password is checked, and marked succeeded after; attempts for one email and
   * from one address take turns on locks while they count, so that N attempts at once count N.
   */
  async admitAttempt(
    emailKey: string,
    ipKey: string,
    limits: { windowSeconds: number; maxPerEmail: number; maxPerIp: number },
  ): Promise<{ admitted: true; id: string } | { admitted: false; emailLimited: boolean; oldestAt: Date | null }> {
    return this.dataSource.transaction(async (manager) => {
      // Always the email first, then the address: two attempts never wait on each other in opposite orders.
      await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [ATTEMPT_LOCK_SPACE, `email:${emailKey}`]);
      await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [ATTEMPT_LOCK_SPACE, `address:${ipKey}`]);
      const [counts] = await manager.query(
        `WITH since AS (SELECT qh_now() - make_interval(secs => $3) AS at),
              last_success AS (SELECT coalesce(max(at), '-infinity') AS at FROM login_attempt WHERE email_key = $1 AND succeeded)
         SELECT (SELECT count(*)::int FROM login_attempt a, since, last_success
                  WHERE a.email_key = $1 AND NOT a.succeeded AND a.at > greatest(since.at, last_success.at)) AS "emailFailures",
                (SELECT min(a.at) FROM login_attempt a, since, last_success
                  WHERE a.email_key = $1 AND NOT a.succeeded AND a.at > greatest(since.at, last_success.at)) AS "oldestAt",
                (SELECT count(*)::int FROM login_attempt a, since WHERE a.ip_key = $2 AND NOT a.succeeded AND a.at > since.at) AS "ipFailures"`,
        [emailKey, ipKey, limits.windowSeconds],
      );
      const emailLimited = counts.emailFailures >= limits.maxPerEmail;
      if (emailLimited || counts.ipFailures >= limits.maxPerIp) return { admitted: false, emailLimited, oldestAt: counts.oldestAt };
      const [{ id }] = await manager.query(
        `INSERT INTO login_attempt (email_key, ip_key, succeeded) VALUES ($1, $2, false) RETURNING id::text`,
        [emailKey, ipKey],
      );
      return { admitted: true, id };
    });
  }

  async markAttemptSucceeded(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE login_attempt SET succeeded = true WHERE id = $1`, [id]);
  }

  /** Records a registration from the address unless it already has `max` within the window (taking turns, as above). */
  async admitRegistration(ipKey: string, windowSeconds: number, max: number): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [ATTEMPT_LOCK_SPACE, `registration:${ipKey}`]);
      const [{ count }] = await manager.query(
        `SELECT count(*)::int AS count FROM registration_attempt WHERE ip_key = $1 AND at > qh_now() - make_interval(secs => $2)`,
        [ipKey, windowSeconds],
      );
      if (count >= max) return false;
      await manager.query(`INSERT INTO registration_attempt (ip_key) VALUES ($1)`, [ipKey]);
      return true;
    });
  }

  /** Deletes attempts older than any window: they count for nothing any more. Returns how many. */
  async purgeAttempts(olderThanSeconds: number): Promise<number> {
    const [, logins] = await this.dataSource.query(`DELETE FROM login_attempt WHERE at < qh_now() - make_interval(secs => $1)`, [
      olderThanSeconds,
    ]);
    const [, registrations] = await this.dataSource.query(
      `DELETE FROM registration_attempt WHERE at < qh_now() - make_interval(secs => $1)`,
      [olderThanSeconds],
    );
    return logins + registrations;
  }

  async insertRefreshToken(token: Pick<RefreshToken, 'accountId' | 'familyId' | 'tokenHash' | 'expiresAt'>): Promise<string> {
    const result = await this.dataSource.getRepository(RefreshToken).insert(token);
    return result.identifiers[0].id as string;
  }

  /**
   * Marks a live token used and returns it; null when it is unknown, expired or already used.
   * The conditional update makes two concurrent refreshes with one token yield one winner.
   */
  async consumeRefreshToken(tokenHash: Buffer): Promise<RefreshToken | null> {
    const [rows] = await this.dataSource.query(
      `UPDATE refresh_token SET revoked_at = qh_now()
        WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > qh_now()
        RETURNING id, account_id AS "accountId", family_id AS "familyId"`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  findRefreshToken(tokenHash: Buffer): Promise<RefreshToken | null> {
    return this.dataSource.getRepository(RefreshToken).findOne({ where: { tokenHash } });
  }

  async linkReplacement(id: string, replacedById: string): Promise<void> {
    await this.dataSource.getRepository(RefreshToken).update({ id }, { replacedById });
  }

  /** Reset links sent to the account in the last `seconds`. */
  async resetsSince(manager: EntityManager, accountId: string, seconds: number): Promise<number> {
    // Takes turns per account, so that requests at once cannot both pass the limit.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('password_reset'), hashtext($1))`, [accountId]);
    const [sent] = await rows<{ count: number }>(
      manager,
      `SELECT count(*) AS count FROM password_reset WHERE account_id = $1 AND created_at > qh_now() - make_interval(secs => $2)`,
      [accountId, seconds],
    );
    return sent.count;
  }

  async insertPasswordReset(manager: EntityManager, reset: { accountId: string; tokenHash: Buffer; validMinutes: number }): Promise<void> {
    await manager.query(
      `INSERT INTO password_reset (token_hash, account_id, expires_at) VALUES ($1, $2, qh_now() + make_interval(mins => $3))`,
      [reset.tokenHash, reset.accountId, reset.validMinutes],
    );
  }

  /** Uses a live reset token, and with it every other of the account: returns the account, or undefined. */
  async consumePasswordReset(manager: EntityManager, tokenHash: Buffer): Promise<string | undefined> {
    const used = await row<{ accountId: string }>(
      manager,
      `UPDATE password_reset SET used_at = qh_now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > qh_now()
          AND account_id IN (SELECT id FROM account WHERE disabled_at IS NULL)
        RETURNING account_id AS "accountId"`,
      [tokenHash],
    );
    if (!used) return undefined;
    await manager.query(`UPDATE password_reset SET used_at = qh_now() WHERE account_id = $1 AND used_at IS NULL`, [used.accountId]);
    return used.accountId;
  }

  /** The new password, and every session of the account ended: whoever knew the old one is out. */
  async setPassword(manager: EntityManager, accountId: string, passwordHash: string): Promise<void> {
    await manager.query(`UPDATE account SET password_hash = $2 WHERE id = $1`, [accountId, passwordHash]);
    await manager.query(`UPDATE refresh_token SET revoked_at = qh_now() WHERE account_id = $1 AND revoked_at IS NULL`, [accountId]);
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.dataSource.query(`UPDATE refresh_token SET revoked_at = qh_now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
  }
}
