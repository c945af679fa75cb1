import { Injectable, Logger } from '@nestjs/common';
import { addDays, formatStatementNumber, monthlyStatementDay, statementDueOn } from '@qh/domain';
import type { Acting, AuthUser } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { toCsvText, yuanCell as yuan } from '../common/csv';
import { Clock } from '../config/clock';
import { UnitOfWork } from '../database/unit-of-work';
import { Outbox } from '../notifications/outbox';
import { Memberships } from '../organisations/memberships.service';
import { BillingRepository } from './billing.repository';
import { toStatementSummary } from './credit.service';
import type { StatementDto, StatementListDto } from './dto/billing.dto';

/** Statements a member's list shows. */
const LISTED = 36;
/** Without terms (withdrawn since), what is still on account is due this many days after a statement. */
const DEFAULT_PAYMENT_DAYS = 30;

const ITEM_KIND_ZH = { CHARGE: '送货', CREDIT: '冲减', PAYMENT: '到账' } as const;

/**
 * Statements (对账单) of organisations paying on account: each lists what was delivered, credited and
 * paid since the one before, what is due and by when. The job issues one after each month's end; a
 * finance member may ask for one up to today at any time.
 */
@Injectable()
export class StatementsService {
  private readonly logger = new Logger(StatementsService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly billing: BillingRepository,
    private readonly memberships: Memberships,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser): Promise<StatementListDto> {
    const { organisationId } = await this.memberships.require(user, ['FINANCE', 'MANAGER']);
    return { items: (await this.billing.statements(organisationId, LISTED)).map(toStatementSummary) };
  }

  async get(user: AuthUser, number: string): Promise<StatementDto> {
    const { organisationId } = await this.memberships.require(user, ['FINANCE', 'MANAGER']);
    return this.view(organisationId, number);
  }

  /** An admin reads any organisation's statement. */
  async getForAdmin(number: string): Promise<StatementDto> {
    const statement = await this.billing.statement({ number });
    if (!statement) throw new AppError('STATEMENT_NOT_FOUND', 'No such statement.');
    return this.view(statement.organisationId, number);
  }

  /** The statement as a table for the organisation's bookkeeping: UTF-8 with a byte-order mark, a line per item, then the sums. */
  async csv(user: AuthUser, number: string): Promise<string> {
    const statement = await this.get(user, number);
    return toCsvText([
      ['日期 day', '类别 kind', '订单 order', '合作社 cooperative', '送货地点 site', '说明 note', '金额（元） amount (yuan)'],
      ...statement.items.map((item) => [
        item.day,
        `${ITEM_KIND_ZH[item.kind]} ${item.kind}`,
        item.orderNumber ?? '',
        item.cooperativeName ?? '',
        item.siteName ?? '',
        item.kind === 'PAYMENT' ? (item.reference ?? '') : (item.reason ?? ''),
        yuan(item.kind === 'CHARGE' ? item.amountFen : -item.amountFen),
      ]),
      ['', '上期结欠 opening', '', '', '', '', yuan(statement.openingFen)],
      ['', '本期应付 due', '', '', '', `${statement.dueOn} 前 by`, yuan(statement.closingFen)],
    ]);
  }

  /** A finance member (or a manager) asks for a statement up to today. */
  async issueNow(user: Acting): Promise<StatementDto> {
    const { organisationId } = await this.memberships.require(user, ['FINANCE', 'MANAGER']);
    const number = await this.issue(organisationId, this.clock.today(), user);
    if (!number) {
      throw new AppError(
        'STATEMENT_NOTHING_NEW',
        'Nothing was delivered, credited or paid since the last statement (today’s is issued already): there is nothing new to state.',
      );
    }
    return this.view(organisationId, number);
  }

  /** The job: after a month ends, each account gets its statement up to the month's last day (unless one reaches it already). */
  async issueMonthly(): Promise<number> {
    let issued = 0;
    for (const organisationId of await this.billing.organisationsOnAccount()) {
      const latest = await this.billing.latestStatement(organisationId);
      const day = monthlyStatementDay(this.clock.today(), latest?.periodTo ?? null);
      if (day && (await this.issue(organisationId, day, null))) issued += 1;
    }
    if (issued) this.logger.log({ issued }, 'issued month-end statements');
    return issued;
  }

  /** Issues the statement up to `periodTo`; its number, or null when there was nothing new to state. */
  private async issue(organisationId: string, periodTo: string, by: Acting | null): Promise<string | null> {
    const nothingNew = Symbol('nothing new');
    try {
      return await this.unitOfWork.run(async ({ manager, audit }) => {
        await this.billing.lockStatements(manager, organisationId);
        const latest = await this.billing.latestStatement(organisationId, manager);
        if (latest && latest.periodTo >= periodTo) return null;
        const terms = await this.billing.terms(organisationId, manager);
        const organisation = (await this.billing.organisation(organisationId, manager))!;
        const number = formatStatementNumber(periodTo, await this.billing.nextStatementSequence(manager));
        const dueOn = statementDueOn(periodTo, terms?.paymentDays ?? DEFAULT_PAYMENT_DAYS);
        const id = await this.billing.insertStatement(manager, {
          number,
          organisationId,
          periodFrom: latest ? addDays(latest.periodTo, 1) : null,
          periodTo,
          dueOn,
          openingFen: latest?.closingFen ?? 0,
          issuedBy: by?.id ?? null,
        });
        // Nothing to list: the statement row goes with the rolled-back transaction.
        if (!id) throw nothingNew;
        const statement = (await this.billing.statement({ id }, manager))!;
        for (const accountId of await this.memberships.withRole(manager, organisationId, 'FINANCE')) {
          await this.outbox.write(manager, {
            topic: 'STATEMENT_ISSUED',
            dedupeKey: `STATEMENT_ISSUED:${id}:${accountId}`,
            accountId,
            orderId: null,
            payload: { organisationName: organisation.name, statementNumber: number, amountFen: statement.closingFen, dueOn },
          });
        }
        await audit({
          actor: by,
          action: 'statement.issued',
          entityType: 'organisation',
          entityId: organisationId,
          after: { number, periodTo, dueOn, closingFen: statement.closingFen },
        });
        return number;
      });
    } catch (error) {
      if (error === nothingNew) return null;
      throw error;
    }
  }

  private async view(organisationId: string, number: string): Promise<StatementDto> {
    const statement = await this.billing.statement({ number });
    if (!statement || statement.organisationId !== organisationId) throw new AppError('STATEMENT_NOT_FOUND', 'No such statement.');
    const organisation = (await this.billing.organisation(organisationId))!;
    return {
      ...toStatementSummary(statement),
      organisation: { name: organisation.name, nameEn: organisation.nameEn, creditCode: organisation.creditCode },
      items: await this.billing.items(statement.id),
    };
  }
}
