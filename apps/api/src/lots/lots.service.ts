import { Injectable } from '@nestjs/common';
import { bestBeforeOf, LotAssignmentError, lotCodeOf, needsQuarantine, planLotAssignment, type LotAssignment } from '@qh/domain';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import { cooperativeOf, type Acting, type AuthUser } from '../auth/current-user';
import { CatalogService } from '../catalog/catalog.service';
import { AppError, type ErrorCode } from '../common/app-error';
import { HashedFileStore } from '../common/hashed-files';
import { Clock } from '../config/clock';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { UnitOfWork } from '../database/unit-of-work';
import { RECEIPT_MEDIA_TYPE, receiptType, type ReceiptType } from '../impact/payout-receipts';
import { Outbox } from '../notifications/outbox';
import type { CreateLotDto, LabelSheetDto, LotDto, LotRecipientsDto, MyLotDto, PublicLotDto } from './dto/lot.dto';
import { LotsRepository, type LotRow } from './lots.repository';

const DEFAULT_LIST_SIZE = 50;
/** Draws of a lot code before giving up: with 31^8 codes a second draw is already a rarity. */
const CODE_DRAWS = 5;

const LOT_PROBLEMS: Record<LotAssignmentError['problem'], { code: ErrorCode }> = {
  UNKNOWN_LINE: { code: 'VALIDATION_FAILED' },
  UNKNOWN_LOT: { code: 'LOT_NOT_FOUND' },
  LOT_OF_ANOTHER_PRODUCT: { code: 'LOT_OF_ANOTHER_PRODUCT' },
  LOT_CLOSED: { code: 'LOT_CLOSED' },
  LOT_EXPIRED: { code: 'LOT_EXPIRED' },
  LOT_OVERDRAWN: { code: 'LOT_OVERDRAWN' },
  LINE_NOT_COVERED: { code: 'LOT_QUANTITIES_DO_NOT_ADD_UP' },
  DUPLICATE_ASSIGNMENT: { code: 'VALIDATION_FAILED' },
};

export function toLot(row: LotRow): LotDto {
  return {
    id: row.id,
    code: row.code,
    product: row.product,
    cooperativeId: row.cooperativeId,
    cooperativeName: row.cooperativeName,
    village: row.village,
    producedOn: row.producedOn,
    bestBefore: row.bestBefore,
    quantity: row.quantity,
    shippedQuantity: row.shippedQuantity,
    certificateNo: row.certificateNo,
    quarantineNo: row.quarantineNo,
    hasReport: row.reportSha256 !== null,
    closedAt: row.closedAt?.toISOString() ?? null,
    recalledAt: row.recalledAt?.toISOString() ?? null,
    recallNotice: row.recallNotice,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * 批次: a cooperative records what it harvested or made with its papers, names the lots each shipment
 * came from, and prints labels whose QR code opens the lot's public page; admins recall a lot and
 * everybody who received it hears of it. A lot that has shipped never changes (a trigger keeps it so).
 */
@Injectable()
export class LotsService {
  private readonly reports: HashedFileStore<ReceiptType>;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly lots: LotsRepository,
    private readonly catalog: CatalogService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @InjectConfig() config: AppConfig,
  ) {
    this.reports = new HashedFileStore(join(config.dataDir, 'lot-reports'), receiptType);
  }

  async create(user: Acting, dto: CreateLotDto): Promise<LotDto> {
    const cooperativeId = cooperativeOf(user);
    const today = this.clock.today();
    const id = await this.unitOfWork.run(async ({ manager, audit }) => {
      const product = await this.lots.product(manager, dto.productId);
      if (!product || product.cooperativeId !== cooperativeId)
        throw new AppError('PRODUCT_NOT_FOUND', 'No such product of your cooperative.');
      if (dto.producedOn > today) {
        throw new AppError('VALIDATION_FAILED', 'A lot is recorded once it is harvested or made: producedOn is in the future.', [
          { field: 'producedOn', problems: [`producedOn must be ${today} or earlier`] },
        ]);
      }
      if (needsQuarantine(product.category) && !dto.quarantineNo) {
        throw new AppError('QUARANTINE_CERTIFICATE_REQUIRED', 'Meat, poultry and eggs need their quarantine certificate number.', [
          { field: 'quarantineNo', problems: ['quarantineNo is required for meat, poultry and eggs'] },
        ]);
      }
      const lot = {
        cooperativeId,
        productId: dto.productId,
        village: dto.village.trim(),
        producedOn: dto.producedOn,
        bestBefore: bestBeforeOf(dto.producedOn, product.shelfLifeDays),
        quantity: dto.quantity,
        certificateNo: dto.certificateNo,
        quarantineNo: dto.quarantineNo ?? null,
        createdBy: user.id,
      };
      for (let draw = 0; draw < CODE_DRAWS; draw += 1) {
        const code = lotCodeOf(randomBytes(8));
        const inserted = await this.lots.insert(manager, { ...lot, code });
        if (!inserted) continue;
        await audit({ actor: user, action: 'lot.recorded', entityType: 'lot', entityId: inserted, after: { ...lot, code } });
        return inserted;
      }
      throw new Error('no free lot code after several draws');
    });
    return toLot((await this.lots.find({ id }))!);
  }

  async list(user: Acting, query: { productId?: string; shippable?: string; limit?: number }): Promise<{ items: LotDto[] }> {
    const items = await this.lots.list({
      cooperativeId: cooperativeOf(user),
      productId: query.productId,
      shippableOn: query.shippable === 'true' ? this.clock.today() : undefined,
      limit: query.limit ?? DEFAULT_LIST_SIZE,
    });
    return { items: items.map(toLot) };
  }

  async close(user: Acting, id: string): Promise<LotDto> {
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const lot = await this.ownLot(manager, user, id);
      if (lot.closedAt) throw new AppError('LOT_CLOSED', 'This lot is closed already.');
      await this.lots.close(manager, id);
      await audit({ actor: user, action: 'lot.closed', entityType: 'lot', entityId: id });
    });
    return toLot((await this.lots.find({ id }))!);
  }

  /** A test report (PDF or photo, judged by content) for a lot that has not shipped yet. */
  async attachReport(user: Acting, id: string, bytes: Buffer): Promise<LotDto> {
    if (!receiptType(bytes)) throw new AppError('UNSUPPORTED_REPORT_FILE', 'A test report is a PDF or a photo (JPEG, PNG, WebP).');
    const sha256 = await this.reports.save(bytes);
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const lot = await this.ownLot(manager, user, id);
      if (lot.shippedQuantity > 0) throw new AppError('LOT_SHIPPED', 'This lot has shipped: nothing about it can change.');
      await this.lots.setReport(manager, id, sha256);
      await audit({ actor: user, action: 'lot.report_attached', entityType: 'lot', entityId: id, after: { sha256 } });
    });
    return toLot((await this.lots.find({ id }))!);
  }

  /** The lot's test report, for anyone: it is printed proof, as the certificates on the label are. */
  async report(code: string): Promise<{ bytes: Buffer; mediaType: string; downloadName: string }> {
    const lot = await this.lots.find({ code });
    const file = lot?.reportSha256 ? await this.reports.read(lot.reportSha256) : null;
    if (!lot || !file) throw new AppError('LOT_REPORT_NOT_FOUND', 'This lot has no test report on file.');
    return { bytes: file.bytes, mediaType: RECEIPT_MEDIA_TYPE[file.type], downloadName: `${lot.code}-report.${file.type.toLowerCase()}` };
  }

  /**
   * In the shipping transaction: the lots named for a part's lines are checked (own lots, of the
   * line's product, open, in date, never more than they hold, adding up to each line) and recorded.
   * A product the cooperative keeps lots of always ships from them; one it never recorded a lot of
   * (older listings) may still ship without.
   */
  async assign(manager: EntityManager, cooperativeId: string, fulfillmentId: string, assignments: LotAssignment[]): Promise<void> {
    const named = new Set(assignments.map((a) => a.lineId));
    const lines = (await this.lots.shippingLines(manager, fulfillmentId)).filter((line) => line.traced || named.has(line.lineId));
    if (!lines.length && !assignments.length) return;
    const stock = assignments.length
      ? await this.lots.lockStock(manager, cooperativeId, [...new Set(assignments.map((a) => a.lotId))])
      : [];
    let planned;
    try {
      planned = planLotAssignment(lines, stock, assignments, this.clock.today());
    } catch (error) {
      if (!(error instanceof LotAssignmentError)) throw error;
      const index = assignments.findIndex((a) => a.lineId === error.lineId && (!error.lotId || a.lotId === error.lotId));
      throw new AppError(LOT_PROBLEMS[error.problem].code, error.message, [
        { field: index >= 0 ? `lots.${index}` : 'lots', problems: [error.message], rules: [error.problem] },
      ]);
    }
    await this.lots.insertShipments(manager, planned);
  }

  async labels(user: Acting, fulfillmentId: string): Promise<LabelSheetDto> {
    const owner = await this.lots.fulfillmentOwner(fulfillmentId);
    if (!owner || owner.cooperativeId !== cooperativeOf(user)) throw new AppError('FULFILLMENT_NOT_FOUND', 'No such shipment.');
    const labels = await this.lots.labels(fulfillmentId);
    return {
      orderNumber: owner.orderNumber,
      cooperativeName: owner.cooperativeName,
      labels: labels.map(({ orderNumber: _order, cooperativeId: _coop, cooperativeName: _name, ...label }) => ({
        ...label,
        lotPath: `/lot/${label.lotCode}`,
      })),
    };
  }

  /** The public page a label's QR code opens: where and when it came from, its papers, and what the cooperative's sales did. */
  async publicLot(code: string): Promise<PublicLotDto> {
    const lot = await this.lots.find({ code });
    if (!lot) throw new AppError('LOT_NOT_FOUND', 'No such lot.');
    const year = Number(this.clock.today().slice(0, 4));
    const [origin, linkedHouseholds, trail] = await Promise.all([
      this.lots.origin({ cooperativeId: lot.cooperativeId, productId: lot.product.id }),
      this.catalog.linkedHouseholds(lot.cooperativeId),
      this.lots.trailOfYear(lot.cooperativeId, year),
    ]);
    return {
      code: lot.code,
      product: lot.product,
      imageUrl: origin!.imageUrl,
      cooperative: { id: lot.cooperativeId, nameZh: origin!.nameZh, nameEn: origin!.nameEn },
      township: { code: origin!.townshipCode, name: origin!.townshipName },
      village: lot.village,
      producedOn: lot.producedOn,
      bestBefore: lot.bestBefore,
      certificateNo: lot.certificateNo,
      quarantineNo: lot.quarantineNo,
      hasReport: lot.reportSha256 !== null,
      linkedHouseholds,
      trail: { year, pledgedFen: trail.pledgedFen, paidToHouseholdsFen: trail.paidFen },
      recall: lot.recalledAt ? { at: lot.recalledAt.toISOString(), notice: lot.recallNotice! } : null,
    };
  }

  /** The signed-in buyer's own boxes of this lot (or their organisation's, as a receiver): where a claim starts. */
  async mine(user: AuthUser, code: string): Promise<MyLotDto> {
    const lot = await this.lots.find({ code });
    if (!lot) throw new AppError('LOT_NOT_FOUND', 'No such lot.');
    return { lines: await this.lots.linesOf(lot.id, user.id) };
  }

  async adminList(query: { code?: string; cooperativeId?: string; limit?: number }): Promise<{ items: LotDto[] }> {
    const items = await this.lots.list({ code: query.code, cooperativeId: query.cooperativeId, limit: query.limit ?? DEFAULT_LIST_SIZE });
    return { items: items.map(toLot) };
  }

  async recipients(id: string): Promise<LotRecipientsDto> {
    const lot = await this.lots.find({ id });
    if (!lot) throw new AppError('LOT_NOT_FOUND', 'No such lot.');
    return this.recipientsOf(lot);
  }

  /**
   * Recalls a lot: the lot page shows the notice from now on, it can no longer ship, and every buyer
   * who received it is told through the outbox, once per order, in the same transaction.
   */
  async recall(admin: Acting, id: string, notice: string): Promise<LotRecipientsDto> {
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const lot = await this.lots.lock(manager, id);
      if (!lot) throw new AppError('LOT_NOT_FOUND', 'No such lot.');
      if (lot.recalledAt) throw new AppError('LOT_RECALLED', 'This lot was recalled already.');
      await this.lots.recall(manager, id, { notice: notice.trim(), by: admin.id });
      const recipients = await this.lots.recipients(id, manager);
      const orders = new Map(recipients.map((r) => [r.orderId, r]));
      for (const recipient of orders.values()) {
        await this.outbox.write(manager, {
          topic: 'LOT_RECALLED',
          dedupeKey: `LOT_RECALLED:${id}:${recipient.orderId}`,
          accountId: recipient.buyerId,
          orderId: recipient.orderId,
          payload: { orderNumber: recipient.orderNumber, lotCode: lot.code, productTitle: lot.product.titleZh, reason: notice.trim() },
        });
      }
      await audit({
        actor: admin,
        action: 'lot.recalled',
        entityType: 'lot',
        entityId: id,
        after: { notice: notice.trim(), orders: orders.size, lines: recipients.length },
      });
    });
    return this.recipients(id);
  }

  private async recipientsOf(lot: LotRow): Promise<LotRecipientsDto> {
    const lines = await this.lots.recipients(lot.id);
    return {
      lot: toLot(lot),
      lines: lines.map((line) => ({
        orderNumber: line.orderNumber,
        lineId: line.lineId,
        titleZh: line.titleZh,
        quantity: line.quantity,
        organisationName: line.organisationName,
        shippedAt: line.shippedAt?.toISOString() ?? null,
      })),
      orders: new Set(lines.map((line) => line.orderId)).size,
      organisations: new Set(lines.flatMap((line) => (line.organisationId ? [line.organisationId] : []))).size,
      notified: lot.recalledAt ? new Set(lines.map((line) => line.orderId)).size : 0,
    };
  }

  private async ownLot(manager: EntityManager, user: Acting, id: string): Promise<LotRow> {
    const lot = await this.lots.lock(manager, id);
    if (!lot || lot.cooperativeId !== cooperativeOf(user)) throw new AppError('LOT_NOT_FOUND', 'No such lot of your cooperative.');
    return lot;
  }
}
