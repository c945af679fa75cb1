import { Injectable } from '@nestjs/common';
import { receivingWindowProblem, type ReceivingWindow } from '@qh/domain';
import type { EntityManager } from 'typeorm';
import type { Acting, AuthUser } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { UnitOfWork } from '../database/unit-of-work';
import type { DeliverySiteDto, DeliverySiteInputDto, DeliverySiteListDto, UpdateDeliverySiteDto } from './dto/organisation.dto';
import { Memberships } from './memberships.service';
import type { DeliverySiteFields, DeliverySiteRow } from './sites.repository';
import { SitesRepository } from './sites.repository';

/** Sites one organisation may keep; a chain of canteens has a few dozen. */
const MAX_SITES = 100;

function toSite(row: DeliverySiteRow): DeliverySiteDto {
  return { ...row };
}

/** Windows the DTO let through that are still wrong as a whole (a window that ends before it starts). */
function checkWindows(windows: ReceivingWindow[] | undefined): void {
  const problems = (windows ?? []).flatMap((window, i) => {
    const problem = receivingWindowProblem(window);
    return problem ? [{ field: `receivingWindows.${i}`, problems: [problem], rules: ['receivingWindow'] }] : [];
  });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'A receiving window is not right.', problems);
}

/** The organisation's canteens and warehouses: every member sees them, managers keep them. */
@Injectable()
export class SitesService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly sites: SitesRepository,
    private readonly memberships: Memberships,
  ) {}

  async list(user: AuthUser): Promise<DeliverySiteListDto> {
    const { organisationId } = await this.memberships.require(user);
    return { items: (await this.sites.list(organisationId)).map(toSite) };
  }

  /** One of the organisation's sites (not removed), for an order to be delivered there. */
  async forOrder(manager: EntityManager, organisationId: string, id: string): Promise<DeliverySiteRow | undefined> {
    return this.sites.lock(manager, organisationId, id);
  }

  async create(user: Acting, dto: DeliverySiteInputDto): Promise<DeliverySiteDto> {
    checkWindows(dto.receivingWindows);
    const { organisationId } = await this.memberships.require(user, ['MANAGER']);
    if ((await this.sites.list(organisationId)).length >= MAX_SITES) {
      throw new AppError('VALIDATION_FAILED', `An organisation may keep ${MAX_SITES} delivery sites; remove one first.`);
    }
    return this.unitOfWork.run(async ({ manager, audit }) => {
      const site = await this.sites.insert(manager, organisationId, { ...dto, driverNotes: dto.driverNotes || null });
      await audit({ actor: user, action: 'delivery_site.created', entityType: 'delivery_site', entityId: site.id, after: audited(site) });
      return toSite(site);
    });
  }

  async update(user: Acting, id: string, dto: UpdateDeliverySiteDto): Promise<DeliverySiteDto> {
    checkWindows(dto.receivingWindows);
    const { organisationId } = await this.memberships.require(user, ['MANAGER']);
    return this.unitOfWork.run(async ({ manager, audit }) => {
      const before = await this.sites.lock(manager, organisationId, id);
      if (!before) throw new AppError('DELIVERY_SITE_NOT_FOUND', 'No such delivery site.');
      const changes: Partial<DeliverySiteFields> = {
        ...dto,
        ...(dto.driverNotes !== undefined ? { driverNotes: dto.driverNotes || null } : {}),
      };
      const after = await this.sites.update(manager, id, changes);
      await audit({
        actor: user,
        action: 'delivery_site.updated',
        entityType: 'delivery_site',
        entityId: id,
        before: audited(before),
        after: audited(after),
      });
      return toSite(after);
    });
  }

  /** Removed from the list; orders already delivered there keep their copy of it. */
  async remove(user: Acting, id: string): Promise<void> {
    const { organisationId } = await this.memberships.require(user, ['MANAGER']);
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const before = await this.sites.lock(manager, organisationId, id);
      if (!before) throw new AppError('DELIVERY_SITE_NOT_FOUND', 'No such delivery site.');
      await this.sites.archive(manager, id);
      await audit({ actor: user, action: 'delivery_site.removed', entityType: 'delivery_site', entityId: id, before: audited(before) });
    });
  }
}

/** A site as the audit row keeps it: without the receiving contact's mobile number. */
function audited(site: DeliverySiteRow): Record<string, unknown> {
  const { contactMobile: _mobile, ...rest } = site;
  return rest;
}
