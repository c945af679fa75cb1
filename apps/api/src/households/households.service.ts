import { Injectable } from '@nestjs/common';
import { isValidResidentId, maskResidentId } from '@qh/domain';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import type { Acting } from '../auth/current-user';
import { AppError, FieldProblem } from '../common/app-error';
import { decodeCursor, keysetPage } from '../common/keyset-cursor';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { parseCsv, CsvError } from './csv';
import {
  CreateHouseholdDto,
  CreateLinkDto,
  HouseholdDto,
  HouseholdNameDto,
  HouseholdPageDto,
  HouseholdQueryDto,
  ImportReportDto,
  UpdateHouseholdDto,
  UpdateLinkDto,
} from './dto/household.dto';
import { HouseholdCrypto } from './household-crypto';
import { HouseholdsRepository, SealedHousehold } from './households.repository';

const DEFAULT_PAGE_SIZE = 50;
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
const REQUIRED_COLUMNS = IMPORT_COLUMNS.filter((column) => column !== 'code');
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

/** A household's fields as they may be shown: the ID number only masked, the name never. */
const safeSnapshot = (household: Partial<CreateHouseholdDto> & { idMasked?: string; code?: string }) => {
  const { headName: _name, idNumber: _id, ...rest } = household;
  return rest;
};

function problemsOf(errors: ValidationError[]): FieldProblem[] {
  return errors.map((error) => ({ field: error.property, problems: Object.values(error.constraints ?? {}) }));
}

/**
 * The household registry (admins only). Names and ID numbers are encrypted before they reach the
 * database and never leave the server in clear, with one exception: an admin reading a head's name,
 * which is audit-logged. No ID number, full or in part beyond its mask, appears in any answer, log
 * or error message.
 */
@Injectable()
export class HouseholdsService {
  private readonly crypto: HouseholdCrypto;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    @InjectConfig() config: AppConfig,
    private readonly households: HouseholdsRepository,
  ) {
    this.crypto = new HouseholdCrypto(config.householdDataKey);
  }

  async list(query: HouseholdQueryDto): Promise<HouseholdPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.households.list({
      ...query,
      after: query.cursor ? decodeCursor(query.cursor, 'households') : undefined,
      limit: limit + 1,
    });
    return keysetPage(rows, limit, 'households', ({ sort_key: _key, ...household }) => household);
  }

  async get(id: string): Promise<HouseholdDto> {
    const household = await this.households.find(id);
    if (!household) throw new AppError('HOUSEHOLD_NOT_FOUND', 'No such household.');
    return household;
  }

  async create(admin: Acting, dto: CreateHouseholdDto): Promise<HouseholdDto> {
    const problems = this.ruleProblems(dto);
    if (problems.length) throw new AppError('VALIDATION_FAILED', problems.flatMap((p) => p.problems).join('; '), problems);
    const id = await this.unitOfWork.run(async ({ manager, audit }) => {
      const sealed = this.seal(dto, null);
      await this.refuseDuplicate(manager, sealed.idHmac);
      const [{ id, code }] = await this.households.insert(manager, [sealed]);
      await audit({
        actor: admin,
        action: 'household.created',
        entityType: 'household',
        entityId: id,
        after: { ...safeSnapshot(dto), code, idMasked: sealed.idMasked },
        requestId: admin.requestId,
      });
      return id;
    });
    return this.get(id);
  }

  async update(admin: Acting, id: string, dto: UpdateHouseholdDto): Promise<HouseholdDto> {
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const before = await this.households.find(id, manager);
      if (!before || !(await this.households.sealed(manager, id))) throw new AppError('HOUSEHOLD_NOT_FOUND', 'No such household.');
      const merged = {
        registeredYear: dto.registeredYear ?? before.registeredYear,
        exitYear: dto.exitYear === undefined ? before.exitYear : dto.exitYear,
        status: dto.status ?? before.status,
        idNumber: dto.idNumber,
      };
      const problems = this.ruleProblems(merged);
      if (problems.length) throw new AppError('VALIDATION_FAILED', problems.flatMap((p) => p.problems).join('; '), problems);
      const change: Partial<Omit<SealedHousehold, 'code'>> = {
        townshipCode: dto.townshipCode,
        village: dto.village,
        members: dto.members,
        registeredYear: dto.registeredYear,
        exitYear: dto.exitYear,
        status: dto.status,
        headNameEnc: dto.headName === undefined ? undefined : this.crypto.encrypt(dto.headName.trim()),
      };
      if (dto.idNumber !== undefined) {
        const idNumber = dto.idNumber.toUpperCase();
        change.idHmac = this.crypto.idHmac(idNumber);
        change.idNumberEnc = this.crypto.encrypt(idNumber);
        change.idMasked = maskResidentId(idNumber);
        await this.refuseDuplicate(manager, change.idHmac, id);
      }
      await this.households.update(manager, id, change);
      const { links: _links, ...shown } = before;
      await audit({
        actor: admin,
        action: 'household.updated',
        entityType: 'household',
        entityId: id,
        before: shown,
        after: {
          ...safeSnapshot(dto),
          ...(change.idMasked && { idMasked: change.idMasked }),
          ...(dto.headName !== undefined && { headName: 'changed' }),
        },
        requestId: admin.requestId,
      });
    });
    return this.get(id);
  }

  /** The one way a name leaves the server, and every time it does the audit log says who read whose. */
  async revealName(admin: Acting, id: string): Promise<HouseholdNameDto> {
    return this.unitOfWork.run(async ({ manager, audit }) => {
      const sealed = await this.households.sealed(manager, id);
      if (!sealed) throw new AppError('HOUSEHOLD_NOT_FOUND', 'No such household.');
      await audit({ actor: admin, action: 'household.name_read', entityType: 'household', entityId: id, requestId: admin.requestId });
      return { id, code: sealed.code, headName: this.crypto.decrypt(sealed.head_name_enc) };
    });
  }

  /**
   * A CSV of households (UTF-8, header row, see IMPORT_COLUMNS). Every row is checked like a single
   * entry, plus duplicates within the file and against the registry (through the ID's HMAC). The
   * valid rows go in together in one transaction; each refused row is reported with its line and
   * what is wrong, never with the ID number or the name it held.
   */
  async import(admin: Acting, text: string, dryRun: boolean): Promise<ImportReportDto> {
    let rows: { line: number; fields: string[] }[];
    try {
      rows = parseCsv(text);
    } catch (error) {
      if (error instanceof CsvError) throw new AppError('CSV_INVALID', `The file is not valid CSV: ${error.message}.`);
      throw error;
    }
    const [header, ...data] = rows;
    const columns = (header?.fields ?? []).map((name) => name.trim().toLowerCase());
    const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
    if (!header || missing.length) {
      throw new AppError(
        'CSV_INVALID',
        `The header must name the columns ${IMPORT_COLUMNS.join(', ')} (code is optional); missing: ${missing.join(', ')}.`,
      );
    }
    if (data.length > MAX_IMPORT_ROWS)
      throw new AppError('CSV_INVALID', `At most ${MAX_IMPORT_ROWS} households per file; this one has ${data.length}.`);

    const rejected: ImportReportDto['rejected'] = [];
    const candidates: { line: number; sealed: SealedHousehold }[] = [];
    for (const row of data) {
      const record = Object.fromEntries(columns.map((column, index) => [column, (row.fields[index] ?? '').trim()]));
      const { problems, dto } = await this.checkRow(record);
      if (problems.length) rejected.push({ line: row.line, problems });
      else candidates.push({ line: row.line, sealed: this.seal(dto!, record.code || null) });
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
        if (known.has(hmac)) problems.push({ field: 'id_number', problems: ['already registered'] });
        else if (seenIds.has(hmac)) problems.push({ field: 'id_number', problems: [`the same ID number as line ${seenIds.get(hmac)}`] });
        const code = candidate.sealed.code;
        if (code && (takenCodes.has(code) || seenCodes.has(code))) problems.push({ field: 'code', problems: [`${code} is already used`] });
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
        requestId: admin.requestId,
      });
      return { rows: data.length, imported: created.length, codes: created.map((c) => c.code), rejected };
    });
  }

  async addLink(admin: Acting, householdId: string, dto: CreateLinkDto): Promise<HouseholdDto> {
    if (dto.validTo && dto.validTo < dto.validFrom) {
      throw new AppError('VALIDATION_FAILED', 'validTo must not be before validFrom', [
        { field: 'validTo', problems: ['on or after validFrom'] },
      ]);
    }
    await this.unitOfWork.run(async ({ manager, audit }) => {
      if (!(await this.households.sealed(manager, householdId))) throw new AppError('HOUSEHOLD_NOT_FOUND', 'No such household.');
      const [cooperative] = await manager.query(`SELECT id FROM cooperative WHERE id = $1`, [dto.cooperativeId]);
      if (!cooperative) throw new AppError('COOPERATIVE_NOT_FOUND', 'No such cooperative.');
      const linkId = await this.households.insertLink(manager, { householdId, ...dto, validTo: dto.validTo ?? null });
      await audit({
        actor: admin,
        action: 'household.link_added',
        entityType: 'household',
        entityId: householdId,
        after: { linkId, ...dto },
        requestId: admin.requestId,
      });
    });
    return this.get(householdId);
  }

  async updateLink(admin: Acting, householdId: string, linkId: string, dto: UpdateLinkDto): Promise<HouseholdDto> {
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const link = await this.households.lockLink(manager, householdId, linkId);
      if (!link) throw new AppError('LINK_NOT_FOUND', 'No such link of this household.');
      const next = { weight: dto.weight ?? link.weight, validTo: dto.validTo === undefined ? link.validTo : dto.validTo };
      if (next.validTo && next.validTo < link.validFrom) {
        throw new AppError('VALIDATION_FAILED', 'validTo must not be before validFrom', [
          { field: 'validTo', problems: [`on or after ${link.validFrom}`] },
        ]);
      }
      await this.households.updateLink(manager, linkId, next);
      await audit({
        actor: admin,
        action: 'household.link_changed',
        entityType: 'household',
        entityId: householdId,
        before: link,
        after: { id: linkId, ...next },
        requestId: admin.requestId,
      });
    });
    return this.get(householdId);
  }

  /** Rules beyond one field's shape: a real ID number (checksum, birth date) and an exit after the registration. */
  private ruleProblems(dto: { idNumber?: string; registeredYear?: number; exitYear?: number | null }): FieldProblem[] {
    const problems: FieldProblem[] = [];
    // The message never repeats the number.
    if (dto.idNumber !== undefined && !isValidResidentId(dto.idNumber.toUpperCase())) {
      problems.push({ field: 'idNumber', problems: ['not a valid resident ID number (its check character or birth date is wrong)'] });
    }
    if (dto.exitYear != null && dto.registeredYear !== undefined && dto.exitYear < dto.registeredYear) {
      problems.push({ field: 'exitYear', problems: ['must not be before registeredYear'] });
    }
    return problems;
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
    const problems = [...problemsOf(await validate(dto, { whitelist: true })), ...this.ruleProblems(plain)];
    if (record.code && !CODE_PATTERN.test(record.code)) problems.push({ field: 'code', problems: ['must look like NY-000123'] });
    // An ID number's shape error must not quote it: class-validator's message does not, but be sure.
    const safe = problems.map((p) => ({
      field: COLUMN_OF_FIELD[p.field] ?? p.field,
      problems: p.problems.map((text) => text.replaceAll(record.id_number || '\u0000', '…')),
    }));
    return { problems: safe, dto: safe.length ? undefined : dto };
  }

  private seal(dto: CreateHouseholdDto, code: string | null): SealedHousehold {
    const idNumber = dto.idNumber.toUpperCase();
    return {
      code,
      townshipCode: dto.townshipCode,
      village: dto.village.trim(),
      members: dto.members,
      registeredYear: dto.registeredYear,
      exitYear: dto.exitYear ?? null,
      status: dto.status,
      headNameEnc: this.crypto.encrypt(dto.headName.trim()),
      idNumberEnc: this.crypto.encrypt(idNumber),
      idHmac: this.crypto.idHmac(idNumber),
      idMasked: maskResidentId(idNumber),
    };
  }

  private async refuseDuplicate(manager: EntityManager, idHmac: Buffer, except?: string): Promise<void> {
    const known = await this.households.codesByHmac(manager, [idHmac], except);
    if (known.has(idHmac.toString('hex')))
      throw new AppError('HOUSEHOLD_DUPLICATE', 'A household with this ID number is already registered.');
  }
}
