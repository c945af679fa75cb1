import { Injectable } from '@nestjs/common';
import { creditProblem, formatFen, overdueFen, type AccountStanding, type CreditTerms } from '@qh/domain';
import type { EntityManager } from 'typeorm';
import type { Acting, AuthUser } from '../auth/current-user';
import { AppError } from '../common/app-error';
import type { Queryable } from '../database/sql';
import { UnitOfWork } from '../database/unit-of-work';
import { Memberships } from '../organisations/memberships.service';
import { BillingRepository, type StatementRow } from './billing.repository';
import type { AccountDto, AdminAccountDto, StatementSummaryDto } from './dto/billing.dto';

/** Statements an admin's view of an account lists. */
const ADMIN_STATEMENTS = 24;

export function toStatementSummary(row: StatementRow): StatementSummaryDto {
  return {
    number: row.number,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    dueOn: row.dueOn,
    openingFen: row.openingFen,
    chargesFen: row.chargesFen,
    creditsFen: row.creditsFen,
    paymentsFen: row.paymentsFen,
    closingFen: row.closingFen,
    issuedAt: row.issuedAt.toISOString(),
  };
}

/**
 * Credit terms (账期): which organisations may order on account, and whether one may place another
 * order on account now (nothing past its due date, and within its limit).
 */
@Injectable()
export class CreditService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly billing: BillingRepository,
    private readonly memberships: Memberships,
  ) {}

  /**
   * Whether the organisation's new order of `totalFen` goes on account: false without terms (it pays
   * online); refused with 409 while anything is overdue or when it would go above the limit. The
   * caller holds the organisation's order lock, so two orders cannot both fit under the limit.
   */
  async allowOnAccount(manager: EntityManager, organisationId: string, totalFen: number): Promise<boolean> {
    const terms = await this.billing.terms(organisationId, manager);
    if (!terms) return false;
    const standing = await this.standing(organisationId, manager);
    const problem = creditProblem(terms, standing, totalFen);
    if (problem === 'CREDIT_OVERDUE') {
      throw new AppError(
        'CREDIT_OVERDUE',
        `Your organisation has ${formatFen(standing.overdueFen)} past its due date: once it is paid, orders on account can go on.`,
      );
    }
    if (problem === 'CREDIT_LIMIT_EXCEEDED') {
      throw new AppError(
        'CREDIT_LIMIT_EXCEEDED',
        `Your organisation owes ${formatFen(standing.owedFen)}; this order of ${formatFen(totalFen)} would take it above its credit limit of ${formatFen(terms.creditLimitFen)}.`,
      );
    }
    return true;
  }

  /** The caller's organisation's account: any member sees it (purchasers, to know what they may still order). */
  async account(user: AuthUser): Promise<AccountDto> {
    const { organisationId } = await this.memberships.require(user);
    return this.accountOf(organisationId);
  }

  async adminAccount(organisationId: string): Promise<AdminAccountDto> {
    const organisation = await this.billing.organisation(organisationId);
    if (!organisation) throw new AppError('ORGANISATION_NOT_FOUND', 'No such organisation.');
    return {
      organisationId,
      organisationName: organisation.name,
      ...(await this.accountOf(organisationId)),
      statements: (await this.billing.statements(organisationId, ADMIN_STATEMENTS)).map(toStatementSummary),
    };
  }

  /** An admin grants (or changes) a verified organisation's terms; audited. */
  async grant(admin: Acting, organisationId: string, terms: CreditTerms): Promise<AdminAccountDto> {
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const organisation = await this.billing.organisation(organisationId, manager);
      if (!organisation) throw new AppError('ORGANISATION_NOT_FOUND', 'No such organisation.');
      if (organisation.status !== 'VERIFIED') {
        throw new AppError('ORGANISATION_STATUS_CONFLICT', 'Only a verified organisation can be given credit terms.');
      }
      const before = await this.billing.terms(organisationId, manager);
      await this.billing.setTerms(manager, organisationId, terms, admin.id);
      await audit({
        actor: admin,
        action: 'organisation.credit_terms_granted',
        entityType: 'organisation',
        entityId: organisationId,
        before: before ? { paymentDays: before.paymentDays, creditLimitFen: before.creditLimitFen } : undefined,
        after: { paymentDays: terms.paymentDays, creditLimitFen: terms.creditLimitFen },
      });
    });
    return this.adminAccount(organisationId);
  }

  /** An admin withdraws the terms: new orders are paid online; what is on account stays there until paid. */
  async withdraw(admin: Acting, organisationId: string): Promise<AdminAccountDto> {
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const before = await this.billing.terms(organisationId, manager);
      if (!before || !(await this.billing.removeTerms(manager, organisationId))) {
        throw new AppError('NO_CREDIT_TERMS', 'This organisation has no credit terms to withdraw.');
      }
      await audit({
        actor: admin,
        action: 'organisation.credit_terms_withdrawn',
        entityType: 'organisation',
        entityId: organisationId,
        before: { paymentDays: before.paymentDays, creditLimitFen: before.creditLimitFen },
      });
    });
    return this.adminAccount(organisationId);
  }

  async standing(organisationId: string, db?: Queryable): Promise<AccountStanding & { unbilledFen: number }> {
    const figures = await this.billing.standingFigures(organisationId, db);
    return {
      owedFen: figures.orderedFen - figures.paidFen,
      overdueFen: overdueFen(figures.fallenDueFen, figures.paidFen),
      unbilledFen: figures.unbilledFen,
    };
  }

  private async accountOf(organisationId: string): Promise<AccountDto> {
    const [terms, standing, latest] = [
      await this.billing.terms(organisationId),
      await this.standing(organisationId),
      await this.billing.latestStatement(organisationId),
    ];
    return {
      terms: terms
        ? { paymentDays: terms.paymentDays, creditLimitFen: terms.creditLimitFen, grantedAt: terms.grantedAt.toISOString() }
        : null,
      owedFen: standing.owedFen,
      overdueFen: standing.overdueFen,
      availableFen: terms && standing.overdueFen === 0 ? Math.max(0, terms.creditLimitFen - standing.owedFen) : 0,
      unbilledFen: standing.unbilledFen,
      latestStatement: latest ? toStatementSummary(latest) : null,
    };
  }
}
