import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import type { Acting } from '../auth/current-user';
import type { FieldProblem } from '../common/app-error';
import { UnitOfWork } from '../database/unit-of-work';
import { readCsvTable } from './csv';
import { CreateHouseholdDto, ImportReportDto } from './dto/household.dto';
import { HouseholdSealer, householdRuleProblems } from './household-sealing';
import { HouseholdsRepository, SealedHousehold } from './households.repository';

/** Columns of an import file, in any order; `code` may be left out (the platform assigns one). */
export const IMPORT_COLUMNS = [
  'code',
  'township_code',
  'village',
  'members',
  'registered_year',
  'exit_year',
  'status',
  'head_name',
  'id_number',
] as const;
/** An import's problems name the file's columns, which is what the admin fixes. */
const COLUMN_OF_FIELD: Record<string, (typeof IMPORT_COLUMNS)[number]> = {
  code: 'code',
  townshipCode: 'township_code',
  village: 'village',
  members: 'members',
  registeredYear: 'registered_year',
  exitYear: 'exit_year',
  status: 'status',
  headName: 'head_name',
  idNumber: 'id_number',
};
export const MAX_IMPORT_ROWS = 20_000;
const CODE_PATTERN = /^NY-\d{6,12}$/;

function problemsOf(errors: ValidationError[]): FieldProblem[] {
  return errors.map((error) => ({
    field: error.property,
    problems: Object.values(error.constraints ?? {}),
    rules: Object.keys(error.constraints ?? {}),
  }));
}

/** Households registered from a CSV file: every row checked like a single entry, the valid ones in one transaction. */
@Injectable()
export class HouseholdImportService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly sealer: HouseholdSealer,
    private readonly households: HouseholdsRepository,
  ) {}

  /**
   * A CSV of households (UTF-8, header row, see IMPORT_COLUMNS). Every row is checked like a single
   * entry, plus duplicates within the file and against the registry (through the ID's HMAC). The
   * valid rows go in together in one transaction; each refused row is reported with its line and
   * what is wrong, never with the ID number or the name it held.
   */
  async import(admin: Acting, text: string, dryRun: boolean): Promise<ImportReportDto> {
    const data = readCsvTable(text, {
      columns: IMPORT_COLUMNS,
      optional: ['code'],
      optionalNote: 'code is optional',
      maxRows: MAX_IMPORT_ROWS,
      rowsAre: 'households',
    });

    const rejected: ImportReportDto['rejected'] = [];
    const candidates: { line: number; sealed: SealedHousehold }[] = [];
    for (const { line, record } of data) {
      const { problems, dto } = await this.checkRow(record);
      if (problems.length) rejected.push({ line, problems });
      else candidates.push({ line, sealed: this.sealer.seal(dto!, record.code || null) });
    }

    return this.unitOfWork.run(async ({ manager, audit }) => {
      const known = await this.households.codesByHmac(
        manager,
        candidates.map((c) => c.sealed.idHmac),
      );
      const takenCodes = await this.households.existingCodes(
        manager,
        candidates.flatMap((c) => (c.sealed.code ? [c.sealed.code] : [])),
      );
      const seenIds = new Map<string, number>();
      const seenCodes = new Set<string>();
      const accepted: typeof candidates = [];
      for (const candidate of candidates) {
        const hmac = candidate.sealed.idHmac.toString('hex');
        const problems: FieldProblem[] = [];
        // Never which household: with the mask, the answer would turn a guessed ID number into a known one.
        if (known.has(hmac)) problems.push({ field: 'id_number', problems: ['already registered'], rules: ['registered'] });
        else if (seenIds.has(hmac))
          problems.push({ field: 'id_number', problems: [`the same ID number as line ${seenIds.get(hmac)}`], rules: ['duplicate'] });
        const code = candidate.sealed.code;
        if (code && (takenCodes.has(code) || seenCodes.has(code)))
          problems.push({ field: 'code', problems: [`${code} is already used`], rules: ['taken'] });
        if (problems.length) {
          rejected.push({ line: candidate.line, problems });
          continue;
        }
        seenIds.set(hmac, candidate.line);
        if (code) seenCodes.add(code);
        accepted.push(candidate);
      }
      rejected.sort((a, b) => a.line - b.line);
      const created =
        dryRun || accepted.length === 0
          ? []
          : await this.households.insert(
              manager,
              accepted.map((c) => c.sealed),
            );
      // A dry run reads the registry too (which ID numbers it holds): it is written down like an import.
      const registered = candidates.filter((c) => known.has(c.sealed.idHmac.toString('hex'))).length;
      await audit({
        actor: admin,
        action: dryRun ? 'household.import_checked' : 'household.imported',
        entityType: 'household',
        after: {
          rows: data.length,
          imported: created.length,
          rejected: rejected.length,
          alreadyRegistered: registered,
          codes: created.map((c) => c.code),
        },
      });
      return { rows: data.length, imported: created.length, codes: created.map((c) => c.code), rejected };
    });
  }

  /** One CSV row checked with the same rules as a single entry; problems name the API's field names. */
  private async checkRow(record: Record<string, string>): Promise<{ problems: FieldProblem[]; dto?: CreateHouseholdDto }> {
    const integer = (value: string | undefined) =>
      value === undefined || value === '' ? undefined : /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
    const status = { 脱贫户: 'LIFTED', 监测对象: 'MONITORED' }[record.status] ?? record.status;
    const plain = {
      townshipCode: record.township_code,
      village: record.village,
      members: integer(record.members),
      registeredYear: integer(record.registered_year),
      exitYear: record.exit_year === '' ? null : integer(record.exit_year),
      status,
      headName: record.head_name,
      idNumber: record.id_number,
    };
    const dto = plainToInstance(CreateHouseholdDto, plain);
    const problems = [...problemsOf(await validate(dto, { whitelist: true })), ...householdRuleProblems(plain)];
    if (record.code && !CODE_PATTERN.test(record.code))
      problems.push({ field: 'code', problems: ['must look like NY-000123'], rules: ['codeFormat'] });
    // An ID number's shape error must not quote it: class-validator's message does not, but be sure.
    const safe = problems.map((p) => ({
      field: COLUMN_OF_FIELD[p.field] ?? p.field,
      problems: p.problems.map((text) => text.replaceAll(record.id_number || '\u0000', '…')),
      rules: p.rules,
    }));
    return { problems: safe, dto: safe.length ? undefined : dto };
  }
}
