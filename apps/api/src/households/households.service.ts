import { Injectable } from '@nestjs/common';
import { maskName } from '@qh/domain';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import type { Acting } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { decodeCursor, keysetPage } from '../common/keyset-cursor';
import {
  CreateHouseholdDto,
  CreateLinkDto,
  HouseholdDto,
  HouseholdNameDto,
  HouseholdPageDto,
  HouseholdQueryDto,
  UpdateHouseholdDto,
  UpdateLinkDto,
} from './dto/household.dto';
import { HouseholdSealer, householdRuleProblems } from './household-sealing';
import { HouseholdsRepository, type SealedHousehold } from './households.repository';

const DEFAULT_PAGE_SIZE = 50;
/** A household's fields as they may be shown: the ID number only masked, the name never. */
const safeSnapshot = (household: Partial<CreateHouseholdDto> & { idMasked?: string; code?: string }) => {
  const { headName: _name, idNumber: _id, ...rest } = household;
  return rest;
};

/**
 * The household registry (admins only). Names and ID numbers are encrypted before they reach the
 * database and never leave the server in clear, with one exception: an admin reading a head's name,
 * which is audit-logged. No ID number, full or in part beyond its mask, appears in any answer, log
 * or error message.
 */
@Injectable()
export class HouseholdsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly sealer: HouseholdSealer,
    private readonly households: HouseholdsRepository,
  ) {}

  async list(query: HouseholdQueryDto): Promise<HouseholdPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.households.list({
      ...query,
      after: query.cursor ? decodeCursor(query.cursor, 'households') : undefined,
      limit: limit + 1,
    });
    return keysetPage(rows, limit, 'households', ({ sortKey: _key, ...household }) => household);
  }

  async get(id: string): Promise<HouseholdDto> {
    const household = await this.households.find(id);
    if (!household) throw new AppError('HOUSEHOLD_NOT_FOUND', 'No such household.');
    return household;
  }

  async create(admin: Acting, dto: CreateHouseholdDto): Promise<HouseholdDto> {
    const problems = householdRuleProblems(dto);
    if (problems.length) throw new AppError('VALIDATION_FAILED', problems.flatMap((p) => p.problems).join('; '), problems);
    const id = await this.unitOfWork.run(async ({ manager, audit }) => {
      const sealed = this.sealer.seal(dto, null);
      await this.refuseDuplicate(manager, sealed.idHmac);
      const [{ id, code }] = await this.households.insert(manager, [sealed]);
      await audit({
        actor: admin,
        action: 'household.created',
        entityType: 'household',
        entityId: id,
        after: { ...safeSnapshot(dto), code, idMasked: sealed.idMasked },
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
      const problems = householdRuleProblems(merged);
      if (problems.length) throw new AppError('VALIDATION_FAILED', problems.flatMap((p) => p.problems).join('; '), problems);
      const change: Partial<Omit<SealedHousehold, 'code'>> = {
        townshipCode: dto.townshipCode,
        village: dto.village,
        members: dto.members,
        registeredYear: dto.registeredYear,
        exitYear: dto.exitYear,
        status: dto.status,
        headNameEnc: dto.headName === undefined ? undefined : this.sealer.sealName(dto.headName),
      };
      if (dto.idNumber !== undefined) {
        const sealedId = this.sealer.sealIdNumber(dto.idNumber);
        Object.assign(change, sealedId);
        await this.refuseDuplicate(manager, sealedId.idHmac, id);
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
      });
    });
    return this.get(id);
  }

  /**
   * The heads' names masked (王**), by household id: what identifies a household to the cooperative
   * that pays it, beside its code and village. The full name never leaves this method.
   */
  async maskedNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.households.sealedNames(ids);
    return new Map(rows.map((row) => [row.id, maskName(this.sealer.readName(row.headNameEnc))]));
  }

  /** The one way a name leaves the server, and every time it does the audit log says who read whose. */
  async revealName(admin: Acting, id: string): Promise<HouseholdNameDto> {
    return this.unitOfWork.run(async ({ manager, audit }) => {
      const sealed = await this.households.sealed(manager, id);
      if (!sealed) throw new AppError('HOUSEHOLD_NOT_FOUND', 'No such household.');
      await audit({ actor: admin, action: 'household.name_read', entityType: 'household', entityId: id });
      return { id, code: sealed.code, headName: this.sealer.readName(sealed.headNameEnc) };
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
      });
    });
    return this.get(householdId);
  }

  private async refuseDuplicate(manager: EntityManager, idHmac: Buffer, except?: string): Promise<void> {
    const known = await this.households.codesByHmac(manager, [idHmac], except);
    if (known.has(idHmac.toString('hex')))
      throw new AppError('HOUSEHOLD_DUPLICATE', 'A household with this ID number is already registered.');
  }
}
