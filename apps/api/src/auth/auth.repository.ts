import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@qh/domain';
import { DataSource } from 'typeorm';
import { Account } from './account.entity';
import { RefreshToken } from './refresh-token.entity';

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
  async createAccount(input: { email: string; passwordHash: string; role: Role; displayName: string | null }): Promise<Account | null> {
    const rows: Account[] = await this.dataSource.query(
      `INSERT INTO account (email, password_hash, role, display_name) VALUES ($1, $2, $3, $4)
       ON CONFLICT ((lower(email))) DO NOTHING
       RETURNING id, email, role, cooperative_id AS "cooperativeId", display_name AS "displayName"`,
      [input.email, input.passwordHash, input.role, input.displayName],
    );
    return rows[0] ?? null;
  }

  /** Failed attempts for this email inside the window, not counting those before its last success. */
  async recentFailures(emailKey: string, windowSeconds: number): Promise<{ failures: number; oldestAt: Date | null }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS failures, min(at) AS "oldestAt" FROM login_attempt
        WHERE email_key = $1 AND NOT succeeded
          AND at > greatest(qh_now() - make_interval(secs => $2),
                            coalesce((SELECT max(at) FROM login_attempt WHERE email_key = $1 AND succeeded), '-infinity'))`,
      [emailKey, windowSeconds],
    );
    return row;
  }

  async recordAttempt(emailKey: string, succeeded: boolean): Promise<void> {
    await this.dataSource.query(`INSERT INTO login_attempt (email_key, succeeded) VALUES ($1, $2)`, [emailKey, succeeded]);
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

  async revokeFamily(familyId: string): Promise<void> {
    await this.dataSource.query(`UPDATE refresh_token SET revoked_at = qh_now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
  }
}
