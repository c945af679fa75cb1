import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { monthStart, parseYuan } from '@qh/domain';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { seesTownship, type Acting, type AuthUser } from '../auth/current-user';
import { AppError, type FieldProblem } from '../common/app-error';
import { validationDetails } from '../common/validation';
import type { AppConfig } from '../config/config';
import { Clock } from '../config/clock';
import { InjectConfig } from '../config/config.module';
import { UnitOfWork } from '../database/unit-of-work';
import { readCsvTable } from '../households/csv';
import { HouseholdsService } from '../households/households.service';
import {
  AcknowledgeDto,
  CoopHouseholdDto,
  HouseholdPayoutDto,
  HouseholdStatementDto,
  PayoutImportReportDto,
  RecordHouseholdPayoutDto,
  TownshipPayoutQueryDto,
} from './dto/trail.dto';
import { ReceiptStore, type ReceiptType } from './payout-receipts';
import { countPayouts, type CountedPayout } from './trail-rollups';

export const PAYOUT_IMPORT_COLUMNS = ['household_code', 'period', 'amount_yuan', 'method', 'reference', 'paid_on', 'receipt_id'] as const;
export const MAX_PAYOUT_IMPORT_ROWS = 5_000;
/** The file's columns, by the API's field they fill, so that a refused row's problems name what the cooperative fixes. */
const COLUMN_OF_FIELD: Record<string, string> = {
  householdId: 'household_code',
  period: 'period',
  amountFen: 'amount_yuan',
  method: 'method',
  reference: 'reference',
  paidOn: 'paid_on',
  receiptId: 'receipt_id',
};

/** What a spreadsheet may say for the method, in Chinese. */
const METHOD_WORDS: Record<string, string> = { 银行转账: 'BANK', 银行: 'BANK', 转账: 'BANK', 现金: 'CASH' };

const ISO_INSTANT = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** A payout as everyone sees it but for the household's name, which is added masked. `$1`: the days after which it is overdue. */
const PAYOUT_SELECT = `SELECT p.id, json_build_object('id', h.id, 'code', h.code, 'village', h.village, 'townshipCode', h.township_code) AS household,
    json_build_object('id', c.id, 'name', c.name_zh) AS cooperative, to_char(p.period, 'YYYY-MM') AS period, p.amount_fen AS "amountFen",
    p.method, p.reference, p.receipt_sha256 IS NOT NULL AS "hasReceipt", to_char(p.paid_on, 'YYYY-MM-DD') AS "paidOn",
    ${ISO_INSTANT('p.created_at')} AS "recordedAt", p.reverses_id AS "reversesId", x.id IS NOT NULL AS reversed,
    CASE WHEN a.payout_id IS NULL THEN NULL
         ELSE json_build_object('visitedOn', to_char(a.visited_on, 'YYYY-MM-DD'), 'note', a.note, 'acknowledgedAt', ${ISO_INSTANT('a.created_at')}) END
      AS acknowledgement,
    (a.payout_id IS NULL AND p.reverses_id IS NULL AND x.id IS NULL AND p.paid_on < qh_today() - $1::int) AS overdue,
    p.township_code AS "townshipCode", p.household_status AS "householdStatus"
  FROM household_payout p JOIN household h ON h.id = p.household_id JOIN cooperative c ON c.id = p.cooperative_id
  LEFT JOIN household_payout x ON x.reverses_id = p.id LEFT JOIN payout_ack a ON a.payout_id = p.id`;

type PayoutRow = Omit<HouseholdPayoutDto, 'household'> & {
  household: Omit<HouseholdPayoutDto['household'], 'maskedName'>;
  townshipCode: string;
  householdStatus: string;
};

/** One payout to record, checked for its shape already. */
interface NewPayout {
  householdId: string;
  period: string;
  amountFen: number;
  method: 'BANK' | 'CASH';
  reference: string;
  paidOn: string;
  receipt: { sha256: string; type: ReceiptType } | null;
}

/**
 * 到户: what each cooperative paid the households linked to it, against what its settlements
 * allocated them, and the acknowledgements of those who visited. Rows are only ever added: a
 * payout recorded in error is reversed by a row of the opposite sign. The only writer of
 * household_payout and payout_ack; their rollups change in the same transaction.
 */
@Injectable()
export class HouseholdPayouts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly householdNames: HouseholdsService,
    private readonly receipts: ReceiptStore,
  ) {}

  /** The households a cooperative is or was linked to: code, masked name, village, and what it allocated, paid and still owes each. */
  async householdsOf(cooperativeId: string): Promise<CoopHouseholdDto[]> {
    const rows: Omit<CoopHouseholdDto, 'maskedName'>[] = await this.dataSource.query(
      `SELECT h.id, h.code, h.village, h.township_code AS "townshipCode", h.status,
              coalesce(m.allocated, 0) AS "allocatedFen", coalesce(m.paid, 0) AS "paidFen", coalesce(m.allocated - m.paid, 0) AS "outstandingFen"
         FROM household h
         LEFT JOIN LATERAL (SELECT sum(allocated_fen) AS allocated, sum(paid_fen) AS paid FROM household_month
                             WHERE cooperative_id = $1 AND household_id = h.id) m ON true
        WHERE EXISTS (SELECT 1 FROM household_link l WHERE l.household_id = h.id AND l.cooperative_id = $1)
        ORDER BY h.code`,
      [cooperativeId],
    );
    const names = await this.householdNames.maskedNames(rows.map((row) => row.id));
    return rows.map((row) => ({ ...row, maskedName: names.get(row.id) ?? '' }));
  }

  async ofCooperative(cooperativeId: string, filter: { period?: string; householdId?: string }): Promise<HouseholdPayoutDto[]> {
    return this.list(`p.cooperative_id = $2 AND ($3::date IS NULL OR p.period = $3) AND ($4::uuid IS NULL OR p.household_id = $4)`, [
      cooperativeId,
      filter.period ? monthStart(filter.period) : null,
      filter.householdId ?? null,
    ]);
  }

  /** Payouts to the households of the caller's townships (all of them for admins and county officials). */
  async inTownships(user: AuthUser, query: TownshipPayoutQueryDto): Promise<HouseholdPayoutDto[]> {
    if (query.townshipCode && !seesTownship(user, query.townshipCode)) {
      throw new AppError('OUTSIDE_YOUR_TOWNSHIPS', 'This township is not one of yours.');
    }
    const status = query.status ?? 'ALL';
    return this.list(
      `($2::text[] IS NULL OR p.township_code = ANY($2)) AND ($3::text IS NULL OR p.township_code = $3)
       AND ($4 = 'ALL' OR ($4 = 'ACKNOWLEDGED') = (a.payout_id IS NOT NULL))
       AND ($5 = false OR (a.payout_id IS NULL AND p.reverses_id IS NULL AND x.id IS NULL AND p.paid_on < qh_today() - $1::int))`,
      [user.townships, query.townshipCode ?? null, status, query.overdue === 'true'],
    );
  }

  /** A cooperative records one payout to a household it is linked to. */
  async record(staff: Acting, cooperativeId: string, dto: RecordHouseholdPayoutDto): Promise<HouseholdPayoutDto> {
    const payout = await this.prepare(dto);
    const [id] = await this.unitOfWork.run(async ({ manager, audit }) => {
      const outcome = await this.check(manager, cooperativeId, [payout]);
      if (outcome[0].problems.length) throw outcome[0].error!;
      const ids = await this.insert(manager, cooperativeId, staff.id, [payout]);
      await audit({
        actor: staff,
        action: 'household_payout.recorded',
        entityType: 'household_payout',
        entityId: ids[0],
        after: { householdId: payout.householdId, period: payout.period, amountFen: payout.amountFen, method: payout.method },
      });
      return ids;
    });
    return this.one(id);
  }

  /** A payout recorded in error: a row of the opposite sign reverses it, unless someone already acknowledged it. */
  async reverse(staff: Acting, cooperativeId: string, payoutId: string, reason: string): Promise<HouseholdPayoutDto> {
    const id = await this.unitOfWork.run(async ({ manager, audit }) => {
      const payout = await this.lock(manager, payoutId);
      if (!payout || payout.cooperative.id !== cooperativeId) throw new AppError('PAYOUT_NOT_FOUND', 'No such payout.');
      if (payout.reversesId || payout.reversed)
        throw new AppError('PAYOUT_STATUS_CONFLICT', 'This payout is reversed already, or is itself a reversal.');
      if (payout.acknowledgement)
        throw new AppError('PAYOUT_STATUS_CONFLICT', 'An acknowledged payout cannot be reversed: the household was seen to receive it.');
      const [reversal] = await manager.query(
        `INSERT INTO household_payout (cooperative_id, household_id, period, amount_fen, method, reference, paid_on, reverses_id,
                                       township_code, household_status, recorded_by)
         SELECT cooperative_id, household_id, period, -amount_fen, method, reference, qh_today(), id, township_code, household_status, $2
           FROM household_payout WHERE id = $1
         RETURNING id, cooperative_id AS "cooperativeId", household_id AS "householdId", to_char(period, 'YYYY-MM-DD') AS period,
                   amount_fen AS "amountFen", township_code AS "townshipCode", household_status AS "householdStatus"`,
        [payoutId, staff.id],
      );
      await countPayouts(manager, 'paid_fen', [reversal]);
      await audit({
        actor: staff,
        action: 'household_payout.reversed',
        entityType: 'household_payout',
        entityId: payoutId,
        after: { reversalId: reversal.id, reason },
      });
      return reversal.id as string;
    });
    return this.one(id);
  }

  /**
   * A month of payouts from a CSV (see PAYOUT_IMPORT_COLUMNS): every row checked as a single entry
   * would be, in the file's order (a row may use what earlier rows left), and the valid rows
   * recorded together; each refused row is reported with its line and why.
   */
  async import(staff: Acting, cooperativeId: string, text: string, dryRun: boolean): Promise<PayoutImportReportDto> {
    const records = readCsvTable(text, {
      columns: PAYOUT_IMPORT_COLUMNS,
      optional: ['receipt_id'],
      optionalNote: 'receipt_id only for cash',
      maxRows: MAX_PAYOUT_IMPORT_ROWS,
      rowsAre: 'payouts',
    });
    const ids = await this.linkedHouseholdIds(
      cooperativeId,
      records.map(({ record }) => record.household_code),
    );

    const refused: PayoutImportReportDto['refused'] = [];
    const candidates: { line: number; code: string; payout: NewPayout }[] = [];
    for (const { line, record } of records) {
      let amountFen: number | string = record.amount_yuan;
      try {
        amountFen = parseYuan(record.amount_yuan);
      } catch {
        // Left as typed: the DTO's check says what is wrong with it.
      }
      const plain = {
        householdId: ids.get(record.household_code) ?? '00000000-0000-0000-0000-000000000000',
        period: record.period,
        amountFen,
        method: METHOD_WORDS[record.method] ?? record.method.toUpperCase(),
        reference: record.reference,
        paidOn: record.paid_on,
        ...(record.receipt_id ? { receiptId: record.receipt_id } : {}),
      };
      const problems: FieldProblem[] = [];
      if (!ids.has(record.household_code))
        problems.push({ field: 'household_code', problems: ['not a household linked to your cooperative'] });
      const dto = plainToInstance(RecordHouseholdPayoutDto, plain);
      const shape = validationDetails(await validate(dto, { whitelist: true })).map((problem) => ({
        field: COLUMN_OF_FIELD[problem.field] ?? problem.field,
        problems: problem.problems,
      }));
      problems.push(...shape.filter((problem) => problem.field !== 'household_code'));
      if (!problems.length) {
        try {
          candidates.push({ line, code: record.household_code, payout: await this.prepare(dto) });
          continue;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          problems.push(
            ...(error.details ?? [{ field: 'row', problems: [error.message] }]).map((p) => ({
              ...p,
              field: COLUMN_OF_FIELD[p.field] ?? p.field,
            })),
          );
        }
      }
      refused.push({ line, householdCode: record.household_code, problems });
    }

    return this.unitOfWork.run(async ({ manager, audit }) => {
      const outcomes = await this.check(
        manager,
        cooperativeId,
        candidates.map((candidate) => candidate.payout),
      );
      const accepted = candidates.filter((candidate, index) => {
        const { problems } = outcomes[index];
        if (problems.length) {
          refused.push({
            line: candidate.line,
            householdCode: candidate.code,
            problems: problems.map((p) => ({ field: COLUMN_OF_FIELD[p.field] ?? p.field, problems: p.problems })),
          });
        }
        return problems.length === 0;
      });
      refused.sort((a, b) => a.line - b.line);
      if (!dryRun && accepted.length) {
        await this.insert(
          manager,
          cooperativeId,
          staff.id,
          accepted.map((candidate) => candidate.payout),
        );
      }
      const importedFen = accepted.reduce((sum, candidate) => sum + candidate.payout.amountFen, 0);
      await audit({
        actor: staff,
        action: dryRun ? 'household_payout.import_checked' : 'household_payout.imported',
        entityType: 'household_payout',
        after: { rows: records.length, imported: accepted.length, importedFen, refused: refused.length },
      });
      return { dryRun, imported: accepted.length, importedFen, refused };
    });
  }

  /** Someone who visited the household (a township official or village cadre of its township) saw that it received the payout. */
  async acknowledge(official: Acting, payoutId: string, dto: AcknowledgeDto): Promise<HouseholdPayoutDto> {
    if (!official.townships) {
      throw new AppError('FORBIDDEN', 'Payouts are acknowledged by the township official or village cadre who visits the household.');
    }
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const payout = await this.lock(manager, payoutId);
      if (!payout || !seesTownship(official, payout.townshipCode)) throw new AppError('PAYOUT_NOT_FOUND', 'No such payout.');
      if (payout.reversesId || payout.reversed)
        throw new AppError('PAYOUT_STATUS_CONFLICT', 'A reversed payout, or a reversal, is not acknowledged.');
      if (payout.acknowledgement) throw new AppError('PAYOUT_ALREADY_ACKNOWLEDGED', 'This payout has been acknowledged already.');
      if (dto.visitedOn < payout.paidOn || dto.visitedOn > this.clock.today()) {
        throw new AppError('VALIDATION_FAILED', 'The visit is on or after the payout, and not in the future.', [
          { field: 'visitedOn', problems: [`from ${payout.paidOn} to today`] },
        ]);
      }
      await manager.query(`INSERT INTO payout_ack (payout_id, acknowledged_by, visited_on, note) VALUES ($1, $2, $3, $4)`, [
        payoutId,
        official.id,
        dto.visitedOn,
        dto.note?.trim() || null,
      ]);
      await countPayouts(manager, 'acknowledged_fen', [
        {
          cooperativeId: payout.cooperative.id,
          householdId: payout.household.id,
          period: monthStart(payout.period),
          amountFen: payout.amountFen,
          townshipCode: payout.townshipCode,
          householdStatus: payout.householdStatus,
        },
      ]);
      await audit({
        actor: official,
        action: 'household_payout.acknowledged',
        entityType: 'household_payout',
        entityId: payoutId,
        after: { visitedOn: dto.visitedOn },
      });
    });
    return this.one(payoutId);
  }

  /**
   * A household's statement: allocations by month and mechanism, payouts, acknowledgements and
   * balance. Only admins and the township officials of its township read it, and each read is audited.
   */
  async statement(reader: Acting, householdId: string): Promise<HouseholdStatementDto> {
    if (reader.role === 'official' && !reader.townships) {
      throw new AppError('FORBIDDEN', 'A household’s statement is read by admins and the officials of its township only.');
    }
    return this.unitOfWork.run(async ({ manager, audit }) => {
      const [household] = await manager.query(
        `SELECT id, code, village, township_code AS "townshipCode", status, members, exit_year AS "exitYear" FROM household WHERE id = $1`,
        [householdId],
      );
      if (!household || !seesTownship(reader, household.townshipCode)) throw new AppError('HOUSEHOLD_NOT_FOUND', 'No such household.');
      const allocations = await manager.query(
        `SELECT to_char(date_trunc('month', a.day), 'YYYY-MM') AS month, json_build_object('id', c.id, 'name', c.name_zh) AS cooperative,
                coalesce(l.mechanism, '') AS mechanism, sum(a.amount_fen) AS "amountFen"
           FROM household_allocation a JOIN cooperative c ON c.id = a.cooperative_id
           LEFT JOIN LATERAL (SELECT string_agg(DISTINCT k.mechanism, '+' ORDER BY k.mechanism) AS mechanism FROM household_link k
                               WHERE k.household_id = a.household_id AND k.cooperative_id = a.cooperative_id
                                 AND k.valid_from <= a.day AND (k.valid_to IS NULL OR k.valid_to >= a.day)) l ON true
          WHERE a.household_id = $1
          GROUP BY 1, c.id, c.name_zh, 3 ORDER BY 1 DESC, c.name_zh`,
        [householdId],
      );
      const [balance] = await manager.query(
        `SELECT coalesce(sum(allocated_fen), 0) AS "allocatedFen", coalesce(sum(paid_fen), 0) AS "paidFen",
                coalesce(sum(acknowledged_fen), 0) AS "acknowledgedFen", coalesce(sum(allocated_fen - paid_fen), 0) AS "outstandingFen"
           FROM household_month WHERE household_id = $1`,
        [householdId],
      );
      const payouts = await this.list(`p.household_id = $2`, [householdId], manager);
      await audit({ actor: reader, action: 'household.statement_read', entityType: 'household', entityId: householdId });
      return { household, allocations, payouts, balance };
    });
  }

  /** The receipt of a cash payout, for the cooperative that recorded it, admins, and the officials of its township. */
  async receipt(user: AuthUser, payoutId: string): Promise<{ bytes: Buffer; type: ReceiptType }> {
    const [payout] = await this.dataSource.query(
      `SELECT cooperative_id AS "cooperativeId", township_code AS "townshipCode", receipt_sha256 AS sha256 FROM household_payout WHERE id = $1`,
      [payoutId],
    );
    const allowed =
      payout &&
      (user.role === 'admin' ||
        (user.role === 'cooperative' && payout.cooperativeId === user.cooperativeId) ||
        (user.role === 'official' && seesTownship(user, payout.townshipCode)));
    if (!allowed) throw new AppError('PAYOUT_NOT_FOUND', 'No such payout.');
    const file = payout.sha256 ? await this.receipts.read(payout.sha256) : null;
    if (!file) throw new AppError('RECEIPT_NOT_FOUND', 'This payout has no receipt.');
    return file;
  }

  /** A checked DTO as a payout to record: a cash payout names a receipt that was uploaded. */
  private async prepare(dto: RecordHouseholdPayoutDto): Promise<NewPayout> {
    const problems: FieldProblem[] = [];
    if (dto.paidOn > this.clock.today()) problems.push({ field: 'paidOn', problems: ['paidOn cannot be in the future'] });
    if (dto.paidOn < monthStart(dto.period))
      problems.push({ field: 'paidOn', problems: [`paidOn cannot be before the period it pays (${dto.period})`] });
    if (dto.period > this.clock.today().slice(0, 7))
      problems.push({ field: 'period', problems: ['no allocations exist yet for a future month'] });
    if (dto.method === 'CASH' && !dto.receiptId)
      problems.push({ field: 'receiptId', problems: ['a cash payout needs its receipt (a photo or scan)'] });
    const receipt = dto.receiptId ? await this.receipts.read(dto.receiptId) : null;
    if (dto.receiptId && !receipt) problems.push({ field: 'receiptId', problems: ['no receipt with this id was uploaded'] });
    if (problems.length) throw new AppError('VALIDATION_FAILED', problems.map((p) => p.problems.join('; ')).join('; '), problems);
    return {
      householdId: dto.householdId,
      period: monthStart(dto.period),
      amountFen: dto.amountFen,
      method: dto.method,
      reference: dto.reference.trim(),
      paidOn: dto.paidOn,
      receipt: receipt && dto.receiptId ? { sha256: dto.receiptId, type: receipt.type } : null,
    };
  }

  /**
   * Whether each payout fits, in order: the household is linked to the cooperative, and what is paid
   * up to any month from the payout's period on never passes what was allocated up to that month
   * (a payout may use what earlier months left: carried over). Each household's payouts are checked
   * and recorded one transaction at a time (an advisory lock), so two clerks cannot both pay its rest.
   */
  private async check(
    manager: EntityManager,
    cooperativeId: string,
    payouts: NewPayout[],
  ): Promise<{ problems: FieldProblem[]; error?: AppError }[]> {
    const householdIds = [...new Set(payouts.map((payout) => payout.householdId))].sort();
    for (const householdId of householdIds) {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('household_payout'), hashtext($1))`, [`${cooperativeId}:${householdId}`]);
    }
    const linked = new Set<string>(
      (
        await manager.query(
          `SELECT DISTINCT household_id AS id FROM household_link WHERE cooperative_id = $1 AND household_id = ANY($2::uuid[])`,
          [cooperativeId, householdIds],
        )
      ).map((row: { id: string }) => row.id),
    );
    const months: { householdId: string; month: string; allocatedFen: number; paidFen: number }[] = await manager.query(
      `SELECT household_id AS "householdId", to_char(month, 'YYYY-MM-DD') AS month, allocated_fen AS "allocatedFen", paid_fen AS "paidFen"
         FROM household_month WHERE cooperative_id = $1 AND household_id = ANY($2::uuid[]) ORDER BY month`,
      [cooperativeId, householdIds],
    );
    return payouts.map((payout) => {
      if (!linked.has(payout.householdId)) {
        const problems = [{ field: 'householdId', problems: ['not a household linked to your cooperative'] }];
        return { problems, error: new AppError('HOUSEHOLD_NOT_LINKED', 'This household is not linked to your cooperative.', problems) };
      }
      const own = months.filter((row) => row.householdId === payout.householdId);
      const roomFen = roomFrom(own, payout.period);
      if (payout.amountFen > roomFen) {
        const problems = [
          {
            field: 'amountFen',
            problems: [
              `at most ${Math.max(0, roomFen)} fen can be paid for ${payout.period.slice(0, 7)} (allocated up to then, plus what was carried over, less what was paid)`,
            ],
          },
        ];
        return {
          problems,
          error: new AppError(
            'PAYOUT_EXCEEDS_ALLOCATION',
            'A payout cannot be more than the household was allocated and not yet paid.',
            problems,
          ),
        };
      }
      // Counted at once, so that the file's later rows see it.
      const month = own.find((row) => row.month === payout.period);
      if (month) month.paidFen += payout.amountFen;
      else {
        months.push({ householdId: payout.householdId, month: payout.period, allocatedFen: 0, paidFen: payout.amountFen });
        months.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
      }
      return { problems: [] };
    });
  }

  private async insert(manager: EntityManager, cooperativeId: string, recordedBy: string, payouts: NewPayout[]): Promise<string[]> {
    const rows: (CountedPayout & { id: string })[] = await manager.query(
      `INSERT INTO household_payout (cooperative_id, household_id, period, amount_fen, method, reference, receipt_sha256, receipt_type, paid_on,
                                     township_code, household_status, recorded_by)
       SELECT $1, x.household_id, x.period, x.amount, x.method, x.reference, x.sha256, x.type, x.paid_on, h.township_code, h.status, $2
         FROM unnest($3::uuid[], $4::date[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[], $10::date[])
              WITH ORDINALITY AS x(household_id, period, amount, method, reference, sha256, type, paid_on, n)
         JOIN household h ON h.id = x.household_id
        ORDER BY x.n
       RETURNING id, cooperative_id AS "cooperativeId", household_id AS "householdId", to_char(period, 'YYYY-MM-DD') AS period,
                 amount_fen AS "amountFen", township_code AS "townshipCode", household_status AS "householdStatus"`,
      [
        cooperativeId,
        recordedBy,
        payouts.map((p) => p.householdId),
        payouts.map((p) => p.period),
        payouts.map((p) => p.amountFen),
        payouts.map((p) => p.method),
        payouts.map((p) => p.reference),
        payouts.map((p) => p.receipt?.sha256 ?? null),
        payouts.map((p) => p.receipt?.type ?? null),
        payouts.map((p) => p.paidOn),
      ],
    );
    await countPayouts(manager, 'paid_fen', rows);
    return rows.map((row) => row.id);
  }

  /** Household ids by code, among the households linked to the cooperative. */
  private async linkedHouseholdIds(cooperativeId: string, codes: string[]): Promise<Map<string, string>> {
    const rows: { id: string; code: string }[] = await this.dataSource.query(
      `SELECT h.id, h.code FROM household h
        WHERE h.code = ANY($2::text[]) AND EXISTS (SELECT 1 FROM household_link l WHERE l.household_id = h.id AND l.cooperative_id = $1)`,
      [cooperativeId, [...new Set(codes)]],
    );
    return new Map(rows.map((row) => [row.code, row.id]));
  }

  private async list(where: string, values: unknown[], manager: EntityManager = this.dataSource.manager): Promise<HouseholdPayoutDto[]> {
    const rows: PayoutRow[] = await manager.query(
      `${PAYOUT_SELECT} WHERE ${where} ORDER BY p.paid_on DESC, p.created_at DESC, p.id LIMIT 1000`,
      [this.config.payoutAckDays, ...values],
    );
    return this.withNames(rows);
  }

  private async one(id: string): Promise<HouseholdPayoutDto> {
    const [payout] = await this.list(`p.id = $2`, [id]);
    return payout;
  }

  /** The payout, its row locked so that acknowledgements and reversals of it are made one at a time. */
  private async lock(manager: EntityManager, id: string): Promise<PayoutRow | undefined> {
    const [locked] = await manager.query(`SELECT id FROM household_payout WHERE id = $1 FOR UPDATE`, [id]);
    if (!locked) return undefined;
    const [row] = await manager.query(`${PAYOUT_SELECT} WHERE p.id = $2`, [this.config.payoutAckDays, id]);
    return row;
  }

  private async withNames(rows: PayoutRow[]): Promise<HouseholdPayoutDto[]> {
    const names = await this.householdNames.maskedNames([...new Set(rows.map((row) => row.household.id))]);
    return rows.map(({ townshipCode: _township, householdStatus: _status, ...row }) => ({
      ...row,
      household: { ...row.household, maskedName: names.get(row.household.id) ?? '' },
    }));
  }
}

/**
 * What may still be paid for `period`: the least, over that month and every later month with
 * figures, of what was allocated up to it less what was paid up to it.
 */
export function roomFrom(months: { month: string; allocatedFen: number; paidFen: number }[], period: string): number {
  let allocated = 0;
  let paid = 0;
  let room = Number.POSITIVE_INFINITY;
  let periodSeen = false;
  for (const row of months) {
    if (row.month > period && !periodSeen) {
      room = Math.min(room, allocated - paid);
      periodSeen = true;
    }
    allocated += row.allocatedFen;
    paid += row.paidFen;
    if (row.month >= period) {
      room = Math.min(room, allocated - paid);
      periodSeen = true;
    }
  }
  return periodSeen ? room : allocated - paid;
}
