import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { AppError } from '../common/app-error';
import type { Account } from './account.entity';
import { AuthRepository } from './auth.repository';
import type { AuthResponseDto, LoginDto, RegisterDto, UserDto } from './dto/auth.dto';
import { hashPassword, verifyPassword } from './password';
import { Clock } from '../config/clock';
import { UnitOfWork } from '../database/unit-of-work';
import { Outbox } from '../notifications/outbox';
import { Memberships } from '../organisations/memberships.service';

/** A reset link works this long, once. */
const RESET_VALID_MINUTES = 30;
/** Links sent per account per hour at most; more requests are answered alike and send nothing. */
const RESETS_PER_HOUR = 3;

export interface IssuedSession {
  response: AuthResponseDto;
  refreshToken: string;
  refreshTokenId: string;
  refreshExpiresAt: Date;
}

/** Verified against when the email is unknown, so both answers take the same time; made on first need, not at start. */
let dummyHash: Promise<string> | undefined;
const dummyPasswordHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly accounts: AuthRepository,
    private readonly jwt: JwtService,
    @InjectConfig() private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: Outbox,
    private readonly memberships: Memberships,
  ) {}

  /** `ip` is the caller's address as the configured proxies report it. */
  async login(dto: LoginDto, ip: string): Promise<IssuedSession> {
    // Attempts are keyed by hashes, so the table holds no email addresses and no IP addresses.
    const emailKey = createHash('sha256').update(dto.email.toLowerCase()).digest('hex');
    const window = this.config.loginWindowSeconds;
    const attempt = await this.accounts.admitAttempt(emailKey, this.addressKey(ip), {
      windowSeconds: window,
      maxPerEmail: this.config.loginMaxFailures,
      maxPerIp: this.config.loginMaxFailuresPerIp,
    });
    if (!attempt.admitted) {
      const retryAfter =
        attempt.emailLimited && attempt.oldestAt
          ? Math.max(1, Math.ceil((attempt.oldestAt.getTime() + window * 1000 - this.clock.now().getTime()) / 1000))
          : window;
      throw new AppError('TOO_MANY_ATTEMPTS', 'Too many failed sign-ins; wait a minute and try again.', undefined, {
        'Retry-After': String(retryAfter),
      });
    }
    const account = await this.accounts.findActiveAccountByEmail(dto.email);
    const valid = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), dto.password);
    if (!account || !valid) {
      this.logger.warn('sign-in refused');
      throw new AppError('INVALID_CREDENTIALS', 'The email or password is wrong.');
    }
    await this.accounts.markAttemptSucceeded(attempt.id);
    return this.issue(account, randomUUID());
  }

  async register(dto: RegisterDto, ip: string): Promise<IssuedSession> {
    const admitted = await this.accounts.admitRegistration(
      this.addressKey(ip),
      this.config.registerWindowSeconds,
      this.config.registerMaxPerIp,
    );
    if (!admitted) {
      throw new AppError('TOO_MANY_ATTEMPTS', 'Too many accounts were opened from your network just now; try again later.', undefined, {
        'Retry-After': String(this.config.registerWindowSeconds),
      });
    }
    const account = await this.accounts.createAccount({
      email: dto.email,
      passwordHash: await hashPassword(dto.password),
      role: 'buyer',
      displayName: dto.displayName?.trim() || null,
    });
    if (!account) throw new AppError('EMAIL_TAKEN', 'An account with this email already exists.');
    return this.issue(account, randomUUID());
  }

  /**
   * Sends a single-use link to set a new password, if `email` has an active account; says nothing
   * either way. At most RESETS_PER_HOUR links per account, so the mailbox is not flooded.
   */
  async requestPasswordReset(email: string): Promise<void> {
    const account = await this.accounts.findActiveAccountByEmail(email);
    if (!account) return;
    const token = randomBytes(32).toString('base64url');
    await this.unitOfWork.run(async ({ manager, audit }) => {
      if ((await this.accounts.resetsSince(manager, account.id, 3600)) >= RESETS_PER_HOUR) return;
      const tokenHash = this.hashToken(token);
      await this.accounts.insertPasswordReset(manager, { accountId: account.id, tokenHash, validMinutes: RESET_VALID_MINUTES });
      await this.outbox.write(manager, {
        topic: 'PASSWORD_RESET',
        dedupeKey: `PASSWORD_RESET:${tokenHash.toString('hex')}`,
        accountId: account.id,
        orderId: null,
        payload: { resetPath: `/reset-password?token=${token}`, validMinutes: RESET_VALID_MINUTES },
      });
      await audit({ actor: null, action: 'account.password_reset_requested', entityType: 'account', entityId: account.id });
    });
  }

  /** Sets the new password with a link's token (once, before it expires) and ends every session of the account. */
  async resetPassword(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const accountId = await this.accounts.consumePasswordReset(manager, this.hashToken(token));
      if (!accountId) throw new AppError('RESET_TOKEN_INVALID', 'This link has expired or was used already; ask for a new one.');
      await this.accounts.setPassword(manager, accountId, passwordHash);
      await audit({ actor: null, action: 'account.password_reset', entityType: 'account', entityId: accountId });
    });
  }

  /** The daily purge: attempts older than a day (and than every window) count for nothing. Returns how many went. */
  purgeOldAttempts(): Promise<number> {
    return this.accounts.purgeAttempts(Math.max(86_400, this.config.loginWindowSeconds, this.config.registerWindowSeconds));
  }

  async refresh(rawToken: string | undefined): Promise<IssuedSession> {
    if (!rawToken) throw new AppError('REFRESH_TOKEN_INVALID', 'Sign in again.');
    const tokenHash = this.hashToken(rawToken);
    const consumed = await this.accounts.consumeRefreshToken(tokenHash);
    if (!consumed) {
      const known = await this.accounts.findRefreshToken(tokenHash);
      if (known?.revokedAt) {
        // A used token came back: someone holds a copy. End every session of that login.
        await this.accounts.revokeFamily(known.familyId);
        this.logger.warn({ familyId: known.familyId }, 'refresh token reused; family revoked');
        throw new AppError('REFRESH_TOKEN_REUSED', 'This session was ended for your safety; sign in again.');
      }
      throw new AppError('REFRESH_TOKEN_INVALID', 'Sign in again.');
    }
    const account = await this.accounts.findActiveAccount(consumed.accountId);
    if (!account) {
      await this.accounts.revokeFamily(consumed.familyId);
      throw new AppError('REFRESH_TOKEN_INVALID', 'Sign in again.');
    }
    const session = await this.issue(account, consumed.familyId);
    await this.accounts.linkReplacement(consumed.id, session.refreshTokenId);
    return session;
  }

  async logout(rawToken: string | undefined): Promise<void> {
    if (!rawToken) return;
    const known = await this.accounts.findRefreshToken(this.hashToken(rawToken));
    if (known) await this.accounts.revokeFamily(known.familyId);
  }

  async me(accountId: string): Promise<UserDto> {
    const account = await this.accounts.findActiveAccount(accountId);
    if (!account) throw new AppError('UNAUTHORIZED', 'Sign in to continue.');
    return this.userOf(account);
  }

  /** The account as clients see it, with the organisation it belongs to. */
  private async userOf(account: Pick<Account, 'id' | 'email' | 'role' | 'cooperativeId' | 'displayName' | 'townships'>): Promise<UserDto> {
    const membership = account.role === 'buyer' ? await this.memberships.of(account.id) : undefined;
    return {
      ...toUserDto(account),
      organisation: membership
        ? {
            id: membership.organisationId,
            name: membership.organisationName,
            nameEn: membership.organisationNameEn,
            status: membership.status,
            roles: membership.roles,
          }
        : null,
    };
  }

  private async issue(
    account: Pick<Account, 'id' | 'email' | 'role' | 'cooperativeId' | 'displayName' | 'townships'>,
    familyId: string,
  ): Promise<IssuedSession> {
    const accessToken = await this.jwt.signAsync(
      {
        sub: account.id,
        role: account.role,
        ...(account.cooperativeId ? { coop: account.cooperativeId } : {}),
        ...(account.townships ? { towns: account.townships } : {}),
      },
      { expiresIn: this.config.accessTokenTtlSeconds, algorithm: 'HS256' },
    );
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(this.clock.now().getTime() + this.config.refreshTokenTtlDays * 86_400_000);
    const refreshTokenId = await this.accounts.insertRefreshToken({
      accountId: account.id,
      familyId,
      tokenHash: this.hashToken(refreshToken),
      expiresAt: refreshExpiresAt,
    });
    return {
      response: { accessToken, expiresIn: this.config.accessTokenTtlSeconds, user: await this.userOf(account) },
      refreshToken,
      refreshTokenId,
      refreshExpiresAt,
    };
  }

  /** The caller's address as a keyed hash: counted, never stored in the clear. */
  private addressKey(ip: string): string {
    return createHmac('sha256', this.config.jwtRefreshSecret).update(`address:${ip}`).digest('hex');
  }

  private hashToken(rawToken: string): Buffer {
    return createHmac('sha256', this.config.jwtRefreshSecret).update(rawToken).digest();
  }
}

function toUserDto(
  account: Pick<Account, 'id' | 'email' | 'role' | 'cooperativeId' | 'displayName' | 'townships'>,
): Omit<UserDto, 'organisation'> {
  return {
    id: account.id,
    email: account.email,
    role: account.role,
    cooperativeId: account.cooperativeId ?? null,
    townships: account.townships ?? null,
    displayName: account.displayName ?? null,
  };
}
