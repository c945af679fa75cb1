import { Injectable } from '@nestjs/common';
import { isCooperativeCreditCode, nextProductStatus } from '@qh/domain';
import { UnitOfWork } from '../database/unit-of-work';
import type { Acting } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { decodeCursor, keysetPage } from '../common/keyset-cursor';
import { CooperativesRepository } from './cooperatives.repository';
import {
  ManagedCooperativeDto,
  ManagedCooperativePageDto,
  AdminCooperativeQueryDto,
  CertifyProductDto,
  CooperativeStatus,
} from './dto/admin-catalog.dto';
import { ManagedProductDto, ManagedProductPageDto, ManagedProductQueryDto } from './dto/managed-product.dto';
import { toManagedCooperative, toManagedProduct } from './managed-product';
import { ProductsRepository } from './products.repository';
import { Clock } from '../config/clock';

const DEFAULT_PAGE_SIZE = 50;

/** Admins verify cooperatives and review and certify products; every change is audited with its before and after. */
@Injectable()
export class AdminCatalogService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly products: ProductsRepository,
    private readonly cooperatives: CooperativesRepository,
    private readonly clock: Clock,
  ) {}

  async listCooperatives(query: AdminCooperativeQueryDto): Promise<ManagedCooperativePageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.cooperatives.list({
      status: query.status,
      limit: limit + 1,
      after: query.cursor ? decodeCursor(query.cursor, 'created') : undefined,
    });
    return keysetPage(rows, limit, 'created', toManagedCooperative);
  }

  /** Only a farmers' cooperative credit code (93…) with a correct check character can be verified. */
  verifyCooperative(admin: Acting, id: string): Promise<ManagedCooperativeDto> {
    return this.changeCooperative(admin, id, 'VERIFIED', null, (current) => {
      if (current.status === 'VERIFIED') throw new AppError('COOPERATIVE_STATUS_CONFLICT', 'The cooperative is already verified.');
      if (!isCooperativeCreditCode(current.creditCode)) {
        throw new AppError(
          'INVALID_CREDIT_CODE',
          "The credit code is not a valid farmers' cooperative code (93…); ask the cooperative to correct it.",
        );
      }
    });
  }

  /** Suspending hides the cooperative's products from the catalog at once; they come back when it is verified again. */
  suspendCooperative(admin: Acting, id: string, reason: string): Promise<ManagedCooperativeDto> {
    return this.changeCooperative(admin, id, 'SUSPENDED', reason, (current) => {
      if (current.status === 'SUSPENDED') throw new AppError('COOPERATIVE_STATUS_CONFLICT', 'The cooperative is already suspended.');
    });
  }

  async listProducts(query: ManagedProductQueryDto): Promise<ManagedProductPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    // The review queue is worked oldest submission first; any other list shows the newest first.
    const order = query.status === 'PENDING_REVIEW' ? 'queue' : 'newest';
    const rows = await this.products.list({
      cooperativeId: query.cooperative,
      status: query.status,
      order,
      limit: limit + 1,
      after: query.cursor ? decodeCursor(query.cursor, order) : undefined,
    });
    return keysetPage(rows, limit, order, toManagedProduct);
  }

  async product(id: string): Promise<ManagedProductDto> {
    const row = await this.products.find(id);
    if (!row) throw new AppError('PRODUCT_NOT_FOUND', 'No such product.');
    return toManagedProduct(row);
  }

  approve(admin: Acting, id: string): Promise<ManagedProductDto> {
    return this.review(admin, id, 'approve', null);
  }

  reject(admin: Acting, id: string, reason: string): Promise<ManagedProductDto> {
    return this.review(admin, id, 'reject', reason);
  }

  async certify(admin: Acting, id: string, dto: CertifyProductDto): Promise<ManagedProductDto> {
    if (dto.validUntil < this.clock.today()) {
      throw new AppError('VALIDATION_FAILED', 'validUntil is in the past: an expired certificate certifies nothing', [
        { field: 'validUntil', problems: ['validUntil is in the past'] },
      ]);
    }
    return this.changeCertificate(admin, id, {
      number: dto.number,
      issuer: dto.issuer,
      batch: dto.batch ?? null,
      validUntil: dto.validUntil,
    });
  }

  revokeCertification(admin: Acting, id: string): Promise<ManagedProductDto> {
    return this.changeCertificate(admin, id, null);
  }

  /** The platform's fee on a cooperative's sales: orders paid from now on are charged at it, paid ones keep theirs. */
  async setPlatformFee(admin: Acting, id: string, rateBp: number): Promise<ManagedCooperativeDto> {
    const row = await this.unitOfWork.run(async ({ manager, audit }) => {
      const before = await this.cooperatives.find(id, manager);
      if (!before) throw new AppError('COOPERATIVE_NOT_FOUND', 'No such cooperative.');
      await this.cooperatives.lock(manager, id);
      await this.cooperatives.setPlatformFee(manager, id, rateBp);
      await audit({
        actor: admin,
        action: 'cooperative.platform_fee_set',
        entityType: 'cooperative',
        entityId: id,
        before: { platformFeeBp: before.platformFeeBp },
        after: { platformFeeBp: rateBp },
      });
      return this.cooperatives.find(id, manager);
    });
    return toManagedCooperative(row!);
  }

  private async changeCooperative(
    admin: Acting,
    id: string,
    status: CooperativeStatus,
    reason: string | null,
    check: (current: { status: CooperativeStatus; creditCode: string }) => void,
  ): Promise<ManagedCooperativeDto> {
    const row = await this.unitOfWork.run(async ({ manager, audit }) => {
      const current = await this.cooperatives.lock(manager, id);
      if (!current) throw new AppError('COOPERATIVE_NOT_FOUND', 'No such cooperative.');
      check(current);
      await this.cooperatives.setStatus(manager, id, status, reason);
      await audit({
        actor: admin,
        action: status === 'VERIFIED' ? 'cooperative.verified' : 'cooperative.suspended',
        entityType: 'cooperative',
        entityId: id,
        before: { status: current.status },
        after: { status, reason },
      });
      return this.cooperatives.find(id, manager);
    });
    return toManagedCooperative(row!);
  }

  private async review(admin: Acting, id: string, transition: 'approve' | 'reject', reason: string | null): Promise<ManagedProductDto> {
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const current = await this.products.lock(manager, id);
      if (!current) throw new AppError('PRODUCT_NOT_FOUND', 'No such product.');
      const status = nextProductStatus(current.status, transition);
      if (!status)
        throw new AppError('PRODUCT_STATUS_CONFLICT', `Only a product in review can be ${transition}d; this one is ${current.status}.`);
      await this.products.setStatus(manager, id, status, reason);
      await audit({
        actor: admin,
        action: transition === 'approve' ? 'product.approved' : 'product.rejected',
        entityType: 'product',
        entityId: id,
        before: { status: current.status },
        after: { status, reason },
      });
    });
    return this.product(id);
  }

  private async changeCertificate(
    admin: Acting,
    id: string,
    certificate: { number: string; issuer: string; batch: string | null; validUntil: string } | null,
  ): Promise<ManagedProductDto> {
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const current = await this.products.lock(manager, id);
      if (!current) throw new AppError('PRODUCT_NOT_FOUND', 'No such product.');
      if (current.status === 'ARCHIVED') throw new AppError('PRODUCT_STATUS_CONFLICT', 'An archived product cannot be certified.');
      const before = await this.products.find(id, manager);
      await this.products.certify(manager, id, certificate);
      await audit({
        actor: admin,
        action: certificate ? 'product.certified' : 'product.certification_revoked',
        entityType: 'product',
        entityId: id,
        before: { certification: before ? toManagedProduct(before).certification : null },
        after: { certification: certificate },
      });
    });
    return this.product(id);
  }
}
