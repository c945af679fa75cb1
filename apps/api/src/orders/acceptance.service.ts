import { Injectable, Logger } from '@nestjs/common';
import { AcceptanceError, planAcceptance, sumFen } from '@qh/domain';
import type { Acting } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { decodeCursor, keysetPage } from '../common/keyset-cursor';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { UnitOfWork } from '../database/unit-of-work';
import { ProductImageStore, type ImageType } from '../catalog/product-images';
import { Memberships } from '../organisations/memberships.service';
import { RefundsService } from '../payments/refunds.service';
import { AcceptanceRepository, type ShortfallClaimRow } from './acceptance.repository';
import type { AcceptanceInputDto, ShortfallClaimDto, ShortfallClaimPageDto, ShortfallClaimQueryDto } from './dto/org-order.dto';
import { FulfillmentsRepository } from './fulfillments.repository';

const DEFAULT_PAGE_SIZE = 20;
/** Photos a receiver may add to one shortfall (the column's check says the same). */
export const MAX_CLAIM_PHOTOS = 5;
/** Parts accepted automatically per run: a backlog drains over a few runs. */
const BATCH = 200;

function toClaim(row: ShortfallClaimRow): ShortfallClaimDto {
  const lines = row.lines ?? [];
  return {
    id: row.id,
    status: row.status,
    orderNumber: row.orderNumber,
    fulfillmentId: row.fulfillmentId,
    organisationName: row.organisationName,
    cooperativeName: row.cooperativeName,
    note: row.note,
    photos: row.photos,
    lines,
    amountFen: sumFen(lines.map((line) => line.unitPriceFen * line.shortQuantity)),
    refundId: row.refundId,
    declineReason: row.declineReason,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

/**
 * 验收: when an organisation's part arrives, a receiver records per line what was accepted and why
 * anything was not. A shortfall becomes a claim; an admin refunds it through the refund machinery
 * (the ledger gives back exactly the refunded units' share when the provider confirms) or declines it.
 * Parts nobody acted on are accepted in full after `acceptanceDays`.
 */
@Injectable()
export class AcceptanceService {
  private readonly logger = new Logger(AcceptanceService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    @InjectConfig() private readonly config: AppConfig,
    private readonly memberships: Memberships,
    private readonly fulfillments: FulfillmentsRepository,
    private readonly acceptance: AcceptanceRepository,
    private readonly refunds: RefundsService,
    private readonly images: ProductImageStore,
  ) {}

  async accept(user: Acting, orderNumber: string, fulfillmentId: string, dto: AcceptanceInputDto): Promise<void> {
    const { organisationId } = await this.memberships.require(user, ['RECEIVER']);
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const part = await this.fulfillments.lockForAcceptance(manager, fulfillmentId);
      if (!part || part.organisationId !== organisationId || part.orderNumber !== orderNumber) {
        throw new AppError('FULFILLMENT_NOT_FOUND', 'No such shipment of this order.');
      }
      if (part.status !== 'SHIPPED') throw new AppError('FULFILLMENT_STATUS_CONFLICT', 'Only a part that was shipped can be accepted.');
      if (part.acceptedAt) throw new AppError('FULFILLMENT_STATUS_CONFLICT', 'This part was accepted already.');
      let outcome;
      try {
        outcome = planAcceptance(await this.fulfillments.deliverableLines(manager, fulfillmentId), dto.lines);
      } catch (error) {
        if (!(error instanceof AcceptanceError)) throw error;
        const index = dto.lines.findIndex((line) => line.lineId === error.lineId);
        throw new AppError('VALIDATION_FAILED', `A line of the acceptance is not right: ${error.message}.`, [
          { field: `lines.${index}`, problems: [error.message], rules: ['acceptance'] },
        ]);
      }
      await this.fulfillments.markAccepted(manager, fulfillmentId, user.id);
      await this.acceptance.insertLines(manager, fulfillmentId, outcome);
      const short = outcome.filter((line) => line.shortQuantity > 0);
      const claimId = short.length
        ? await this.acceptance.insertClaim(manager, { fulfillmentId, orderId: part.orderId, note: dto.note?.trim() || null })
        : null;
      await audit({
        actor: user,
        action: 'fulfillment.accepted',
        entityType: 'fulfillment',
        entityId: fulfillmentId,
        after: { lines: outcome, claimId },
      });
    });
  }

  /**
   * A receiver shows the shortfall of a part with a photo, while the claim waits for an admin: at most
   * `MAX_CLAIM_PHOTOS`, stored as product images are (named at random, served from /uploads/).
   */
  async addPhoto(user: Acting, orderNumber: string, fulfillmentId: string, bytes: Buffer, type: ImageType): Promise<void> {
    const { organisationId } = await this.memberships.require(user, ['RECEIVER']);
    const url = await this.images.save(bytes, type);
    try {
      await this.unitOfWork.run(async ({ manager, audit }) => {
        const claim = await this.acceptance.lockOfPart(manager, fulfillmentId);
        if (!claim || claim.organisationId !== organisationId || claim.orderNumber !== orderNumber) {
          throw new AppError('SHORTFALL_CLAIM_NOT_FOUND', 'This shipment has no shortfall to show.');
        }
        if (claim.status !== 'PENDING') {
          throw new AppError('SHORTFALL_CLAIM_STATUS_CONFLICT', 'The claim is decided already: photos can no longer be added.');
        }
        if (claim.photos.length >= MAX_CLAIM_PHOTOS) {
          throw new AppError('TOO_MANY_IMAGES', `A shortfall has at most ${MAX_CLAIM_PHOTOS} photos.`);
        }
        await this.acceptance.addPhoto(manager, claim.id, url);
        await audit({ actor: user, action: 'shortfall.photo_added', entityType: 'shortfall_claim', entityId: claim.id, after: { url } });
      });
    } catch (error) {
      await this.images.remove(url);
      throw error;
    }
  }

  /** Accepts in full the parts shipped `acceptanceDays` ago that nobody acted on; returns how many. */
  async acceptDue(): Promise<number> {
    let accepted = 0;
    for (const id of await this.fulfillments.dueForAcceptance(this.config.acceptanceDays, BATCH)) {
      const done = await this.unitOfWork.run(async ({ manager, audit }) => {
        const part = await this.fulfillments.lockForAcceptance(manager, id);
        if (!part || part.acceptedAt || part.status !== 'SHIPPED') return false;
        const outcome = planAcceptance(await this.fulfillments.deliverableLines(manager, id), []);
        await this.fulfillments.markAccepted(manager, id, null);
        await this.acceptance.insertLines(manager, id, outcome);
        await audit({ actor: null, action: 'fulfillment.accepted_automatically', entityType: 'fulfillment', entityId: id });
        return true;
      });
      if (done) accepted += 1;
    }
    if (accepted) this.logger.log({ accepted }, 'shipments accepted automatically');
    return accepted;
  }

  async claims(query: ShortfallClaimQueryDto): Promise<ShortfallClaimPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.acceptance.list({
      status: query.status,
      limit: limit + 1,
      after: query.cursor ? decodeCursor(query.cursor, 'created') : undefined,
    });
    return keysetPage(rows, limit, 'created', toClaim);
  }

  /** The short units go back to the organisation, as a refund the provider confirms; the claim is settled with it, once. */
  async refund(admin: Acting, id: string): Promise<ShortfallClaimDto> {
    await this.unitOfWork.run(async (work) => {
      const claim = await this.pendingClaim(work.manager, id);
      const lines = claim.lines.map((line) => ({ lineId: line.lineId, quantity: line.shortQuantity }));
      const reasons = [...new Set(claim.lines.map((line) => line.reason))].join(', ');
      const refundId = await this.refunds.refundDelivered(
        work,
        'SHORTFALL',
        claim.orderId,
        lines,
        `验收短缺 / Short on delivery: ${reasons}`,
        admin.id,
      );
      await this.acceptance.decide(work.manager, id, { by: admin.id, refundId });
      await work.audit({
        actor: admin,
        action: 'shortfall.refunded',
        entityType: 'shortfall_claim',
        entityId: id,
        after: { refundId, lines },
      });
    });
    return toClaim((await this.acceptance.find(id))!);
  }

  async decline(admin: Acting, id: string, reason: string): Promise<ShortfallClaimDto> {
    await this.unitOfWork.run(async ({ manager, audit }) => {
      await this.pendingClaim(manager, id);
      await this.acceptance.decide(manager, id, { by: admin.id, declineReason: reason.trim() });
      await audit({
        actor: admin,
        action: 'shortfall.declined',
        entityType: 'shortfall_claim',
        entityId: id,
        after: { reason: reason.trim() },
      });
    });
    return toClaim((await this.acceptance.find(id))!);
  }

  private async pendingClaim(manager: Parameters<AcceptanceRepository['lock']>[0], id: string): Promise<ShortfallClaimRow> {
    const locked = await this.acceptance.lock(manager, id);
    if (!locked) throw new AppError('SHORTFALL_CLAIM_NOT_FOUND', 'No such shortfall claim.');
    if (locked.status !== 'PENDING')
      throw new AppError('SHORTFALL_CLAIM_STATUS_CONFLICT', `This claim was ${locked.status.toLowerCase()} already.`);
    return (await this.acceptance.find(id, manager))!;
  }
}
