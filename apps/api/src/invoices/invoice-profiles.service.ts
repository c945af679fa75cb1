import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/current-user';
import { AppError } from '../common/app-error';
import type { Queryable } from '../database/sql';
import { UnitOfWork } from '../database/unit-of-work';
import { Memberships } from '../organisations/memberships.service';
import type { InvoiceProfileDto, InvoiceProfileInputDto, InvoiceProfileListDto } from './dto/invoice-profile.dto';
import { InvoiceProfilesRepository, type InvoiceDetails, type InvoiceProfileRow, type ProfileOwner } from './invoice-profiles.repository';

/** More than this many profiles of one owner is a mistake, not a need. */
const MAX_PROFILES = 20;

/** What a special invoice (专票) must carry besides its title. */
const SPECIAL_FIELDS = ['taxNumber', 'address', 'phone', 'bankName', 'bankAccount'] as const;

function toProfile(row: InvoiceProfileRow): InvoiceProfileDto {
  const { updatedAt, ...rest } = row;
  return { ...rest, updatedAt: updatedAt.toISOString() };
}

/** The details as stored: a special invoice with every field, an ordinary one with what was given. */
function detailsOf(dto: InvoiceProfileInputDto): InvoiceDetails {
  if (dto.kind === 'SPECIAL') {
    const missing = SPECIAL_FIELDS.filter((field) => !dto[field]);
    if (missing.length) {
      throw new AppError(
        'VALIDATION_FAILED',
        'A special invoice (专票) needs the tax number, address, phone, bank and account.',
        missing.map((field) => ({ field, problems: [`${field} is required for a special invoice`] })),
      );
    }
  }
  return {
    kind: dto.kind,
    title: dto.title.trim(),
    taxNumber: dto.taxNumber ?? null,
    address: dto.address?.trim() ?? null,
    phone: dto.phone ?? null,
    bankName: dto.bankName?.trim() ?? null,
    bankAccount: dto.bankAccount ?? null,
  };
}

/**
 * Invoice profiles (开票信息): a buyer keeps their own; an organisation's are read by every member
 * and kept by its managers and finance members. Checkouts copy the one they name onto the order.
 */
@Injectable()
export class InvoiceProfilesService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly profiles: InvoiceProfilesRepository,
    private readonly memberships: Memberships,
  ) {}

  /** The caller's own profiles, or (`organisation`) their organisation's, checked for `keeping` them. */
  async ownerOf(user: AuthUser, organisation: boolean, keeping = false): Promise<ProfileOwner> {
    if (!organisation) return { accountId: user.id };
    const { organisationId } = await this.memberships.require(user, keeping ? ['MANAGER', 'FINANCE'] : []);
    return { organisationId };
  }

  async list(owner: ProfileOwner): Promise<InvoiceProfileListDto> {
    return { items: (await this.profiles.list(owner)).map(toProfile) };
  }

  async create(owner: ProfileOwner, actor: AuthUser, dto: InvoiceProfileInputDto): Promise<InvoiceProfileDto> {
    const details = detailsOf(dto);
    const id = await this.unitOfWork.run(async ({ manager }) => {
      await this.profiles.lockOwner(manager, owner);
      const standing = await this.profiles.list(owner, manager);
      if (standing.length >= MAX_PROFILES) {
        throw new AppError('TOO_MANY_INVOICE_PROFILES', `At most ${MAX_PROFILES} invoice profiles: remove one you no longer use.`);
      }
      const created = await this.profiles.insert(manager, owner, details, actor.id);
      // The first profile is the default, whatever was asked.
      if (dto.isDefault || standing.length === 0) await this.profiles.setDefault(manager, owner, created);
      return created;
    });
    return toProfile((await this.profiles.find(owner, id))!);
  }

  async update(owner: ProfileOwner, id: string, dto: InvoiceProfileInputDto): Promise<InvoiceProfileDto> {
    const details = detailsOf(dto);
    await this.unitOfWork.run(async ({ manager }) => {
      await this.profiles.lockOwner(manager, owner);
      if (!(await this.profiles.find(owner, id, manager))) throw new AppError('INVOICE_PROFILE_NOT_FOUND', 'No such invoice profile.');
      await this.profiles.update(manager, id, details);
      if (dto.isDefault) await this.profiles.setDefault(manager, owner, id);
    });
    return toProfile((await this.profiles.find(owner, id))!);
  }

  /** Removed from the list; orders that asked for it keep their own copy. The newest left becomes the default if it was. */
  async remove(owner: ProfileOwner, id: string): Promise<void> {
    await this.unitOfWork.run(async ({ manager }) => {
      await this.profiles.lockOwner(manager, owner);
      if (!(await this.profiles.find(owner, id, manager))) throw new AppError('INVOICE_PROFILE_NOT_FOUND', 'No such invoice profile.');
      await this.profiles.archive(manager, id);
      await this.profiles.setDefault(manager, owner, null);
    });
  }

  /** What an order records for an ordinary invoice typed in at checkout, with no profile. */
  typedIn(title: string, taxNumber: string): InvoiceDetails & { profileId: null } {
    return { profileId: null, kind: 'ORDINARY', title, taxNumber, address: null, phone: null, bankName: null, bankAccount: null };
  }

  /** What an order asking for profile `id` of `owner` records: its details as they are now, and which profile. */
  async forOrder(owner: ProfileOwner, id: string, db?: Queryable): Promise<InvoiceDetails & { profileId: string }> {
    const profile = await this.profiles.find(owner, id, db);
    if (!profile) throw new AppError('INVOICE_PROFILE_NOT_FOUND', 'No such invoice profile.');
    const { id: profileId, isDefault: _default, updatedAt: _updated, ...details } = profile;
    return { profileId, ...details };
  }
}
