import { Injectable } from '@nestjs/common';
import {
  CLAIM_ANSWER_HOURS,
  claimAmounts,
  ClaimError,
  claimWindowClosesAt,
  MAX_CLAIM_PHOTOS,
  nextClaimStatus,
  PAID_STATUSES,
  shareBp,
  type ClaimActor,
  type ClaimTransition,
  type ProductCategory,
} from '@qh/domain';
import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import { cooperativeOf, type Acting, type AuthUser } from '../auth/current-user';
import { detectImageType, type ImageType } from '../catalog/product-images';
import { AppError } from '../common/app-error';
import { HashedFileStore } from '../common/hashed-files';
import { Clock } from '../config/clock';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { UnitOfWork, type Work } from '../database/unit-of-work';
import { Outbox } from '../notifications/outbox';
import { RefundsService } from '../payments/refunds.service';
import { ClaimsRepository, type ClaimRow, type QualitySums } from './claims.repository';
import type { AnswerClaimDto, ClaimDto, ClaimListDto, DecideClaimDto, OpenClaimDto, QualityDto, QualityRowDto } from './dto/claim.dto';

const DEFAULT_LIST_SIZE = 50;
/** Overdue claims told per run of the job: a backlog drains over a few minutes. */
const OVERDUE_BATCH = 100;
const IMAGE_MEDIA_TYPE: Record<ImageType, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

const REASON_WORDS: Record<string, string> = {
  DAMAGED: '破损 / damaged',
  SPOILED: '变质 / spoiled',
  SHORT: '短少 / short',
  WRONG_ITEM: '错发 / wrong item',
  QUALITY: '质量问题 / quality',
};

/** What `units` of the lines come to at the prices paid. */
function unitsFen(
  lines: readonly { lineId: string; unitPriceFen: number }[],
  units: readonly { lineId: string; quantity: number }[],
): number {
  const price = new Map(lines.map((line) => [line.lineId, line.unitPriceFen]));
  return units.reduce((sum, unit) => sum + unit.quantity * price.get(unit.lineId)!, 0);
}

function sumFenOf(lines: ClaimRow['lines'], units: (line: ClaimRow['lines'][number]) => number | null): number | null {
  if (lines.some((line) => units(line) === null)) return null;
  return lines.reduce((sum, line) => sum + (units(line) ?? 0) * line.unitPriceFen, 0);
}

export function toClaim(row: ClaimRow): ClaimDto {
  const lines = row.lines ?? [];
  return {
    id: row.id,
    status: row.status,
    orderNumber: row.orderNumber,
    fulfillmentId: row.fulfillmentId,
    cooperative: { id: row.cooperativeId, name: row.cooperativeName },
    organisationName: row.organisationName,
    reason: row.reason,
    note: row.note,
    photos: row.photos.length,
    lines,
    askedFen: sumFenOf(lines, (line) => line.askedQuantity)!,
    offeredFen: sumFenOf(lines, (line) => line.offeredQuantity),
    grantedFen: sumFenOf(lines, (line) => line.grantedQuantity),
    answerDueAt: row.answerDueAt.toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
    answerNote: row.answerNote,
    decisionNote: row.decisionNote,
    refund: row.refund,
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

function toQualityRow(row: QualitySums): QualityRowDto {
  return {
    ...row,
    claimRateBp: shareBp(row.claims, row.shipments),
    refundedShareBp: shareBp(row.refundedByClaimsFen, row.shippedFen),
  };
}

/** A domain rule broken by a request, as the client's error. */
function claimProblem(error: unknown): never {
  if (!(error instanceof ClaimError)) throw error;
  const details = error.lineId ? [{ field: `lines.${error.lineId}`, problems: [error.message] }] : undefined;
  throw new AppError(error.code, error.message, details);
}

/**
 * 售后: a buyer (or an organisation's receiver) claims on delivered lines within the category's
 * window, with photos; the cooperative accepts, offers part or disputes within 24 h; the buyer takes
 * the offer or escalates; an admin decides what is escalated or unanswered. Units granted go back
 * through the refund flow, so the ledger reverses exactly their share when the provider confirms.
 * Each step is audited and tells the other side through the outbox.
 */
@Injectable()
export class ClaimsService {
  private readonly photoStore: HashedFileStore<ImageType>;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly claims: ClaimsRepository,
    private readonly refunds: RefundsService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.photoStore = new HashedFileStore(join(config.dataDir, 'claim-photos'), (bytes) => detectImageType(bytes));
  }

  async open(user: Acting, dto: OpenClaimDto): Promise<ClaimDto> {
    const id = await this.unitOfWork.run(async ({ manager, audit }) => {
      const order = await this.claims.lockOrder(manager, dto.orderNumber);
      const receiver = order ? await this.claims.isReceiver(user.id, order.organisationId, manager) : false;
      if (!order || (order.buyerId !== user.id && !receiver)) throw new AppError('ORDER_NOT_FOUND', 'No such order.');
      if (!(PAID_STATUSES as readonly string[]).includes(order.status) && order.status !== 'ON_ACCOUNT') {
        throw new AppError('ORDER_STATUS_CONFLICT', `A ${order.status} order has nothing left to claim on.`);
      }
      const source = await this.claims.sourceLines(manager, order.id);
      const asked = dto.lines.filter((line) => line.quantity > 0);
      const named = asked.map((line) => source.find((candidate) => candidate.lineId === line.lineId));
      if (named.some((line) => !line)) {
        const missing = asked[named.indexOf(undefined)];
        throw new AppError('CLAIM_LINE_NOT_FOUND', 'This line is not part of the order.', [
          { field: `lines.${missing.lineId}`, problems: ['not a line of this order'] },
        ]);
      }
      const lines = named as NonNullable<(typeof named)[number]>[];
      const parts = new Set(lines.map((line) => line.fulfillmentId));
      if (parts.size > 1) {
        throw new AppError('VALIDATION_FAILED', 'One claim covers one shipment: claim on each cooperative’s parcel apart.', [
          { field: 'lines', problems: ['lines of more than one shipment'] },
        ]);
      }
      const now = this.clock.now();
      for (const line of lines) {
        if (line.partStatus !== 'SHIPPED') {
          throw new AppError(
            'FULFILLMENT_STATUS_CONFLICT',
            'This parcel has not shipped: ask for the order to be cancelled or refunded instead.',
          );
        }
        const hours = this.config.claimWindowHours[line.category as ProductCategory] ?? 48;
        const closes = claimWindowClosesAt(line.receivedAt ? new Date(line.receivedAt) : null, hours);
        if (closes && closes < now) {
          throw new AppError('CLAIM_WINDOW_CLOSED', `Claims on this product are opened within ${hours} h of delivery; that time is over.`, [
            { field: `lines.${line.lineId}`, problems: [`window closed at ${closes.toISOString()}`] },
          ]);
        }
      }
      let askedFen = 0;
      try {
        askedFen = unitsFen(lines, claimAmounts(lines, asked));
      } catch (error) {
        claimProblem(error);
      }
      const cooperativeId = lines[0].cooperativeId;
      const claimId = await this.claims.insert(manager, {
        orderId: order.id,
        fulfillmentId: lines[0].fulfillmentId,
        cooperativeId,
        openedBy: user.id,
        organisationId: order.organisationId && receiver ? order.organisationId : null,
        reason: dto.reason,
        note: dto.note?.trim() || null,
        answerHours: CLAIM_ANSWER_HOURS,
        lines: asked,
      });
      for (const staff of await this.claims.staffOf(manager, cooperativeId)) {
        await this.outbox.write(manager, {
          topic: 'CLAIM_OPENED',
          dedupeKey: `CLAIM_OPENED:${claimId}:${staff.id}`,
          accountId: staff.id,
          orderId: order.id,
          payload: { orderNumber: dto.orderNumber, claimId, amountFen: askedFen, reason: dto.reason },
        });
      }
      await audit({
        actor: user,
        action: 'claim.opened',
        entityType: 'claim',
        entityId: claimId,
        after: { reason: dto.reason, lines: asked },
      });
      return claimId;
    });
    return toClaim((await this.claims.find(id))!);
  }

  /** A photo of what arrived (JPEG, PNG or WebP by content), while the claim is undecided; at most five. */
  async addPhoto(user: Acting, id: string, bytes: Buffer): Promise<ClaimDto> {
    if (!detectImageType(bytes)) throw new AppError('UNSUPPORTED_IMAGE_TYPE', 'Only JPEG, PNG and WebP photos are accepted.');
    const sha256 = await this.photoStore.save(bytes);
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const claim = await this.buyersClaim(manager, user, id);
      if (claim.closedAt) throw new AppError('CLAIM_STATUS_CONFLICT', 'This claim is closed: photos can no longer be added.');
      if (claim.photos.length >= MAX_CLAIM_PHOTOS) throw new AppError('TOO_MANY_IMAGES', `A claim has at most ${MAX_CLAIM_PHOTOS} photos.`);
      await this.claims.addPhoto(manager, id, sha256);
      await audit({ actor: user, action: 'claim.photo_added', entityType: 'claim', entityId: id, after: { sha256 } });
    });
    return toClaim((await this.claims.find(id))!);
  }

  /** A photo, for the claim's parties only: its buyer side, its cooperative, admins. */
  async photo(user: AuthUser, id: string, index: number): Promise<{ bytes: Buffer; mediaType: string; downloadName: string }> {
    const claim = await this.readable(user, id);
    const sha256 = claim.photos[index];
    const file = sha256 ? await this.photoStore.read(sha256) : null;
    if (!file) throw new AppError('CLAIM_PHOTO_NOT_FOUND', 'This claim has no such photo.');
    return { bytes: file.bytes, mediaType: IMAGE_MEDIA_TYPE[file.type], downloadName: `claim-photo-${index + 1}.${file.type}` };
  }

  async get(user: AuthUser, id: string): Promise<ClaimDto> {
    return toClaim(await this.readable(user, id));
  }

  async listForBuyer(user: AuthUser, query: { status?: ClaimDto['status']; limit?: number }): Promise<ClaimListDto> {
    const items = await this.claims.list({ partyId: user.id, status: query.status, limit: query.limit ?? DEFAULT_LIST_SIZE });
    return { items: items.map(toClaim) };
  }

  async listForCooperative(user: Acting, query: { status?: ClaimDto['status']; limit?: number }): Promise<ClaimListDto> {
    const items = await this.claims.list({
      cooperativeId: cooperativeOf(user),
      status: query.status,
      limit: query.limit ?? DEFAULT_LIST_SIZE,
    });
    return { items: items.map(toClaim) };
  }

  async listForAdmin(query: { status?: ClaimDto['status']; limit?: number }): Promise<ClaimListDto> {
    const items = await this.claims.list({ status: query.status, limit: query.limit ?? DEFAULT_LIST_SIZE });
    return { items: items.map(toClaim) };
  }

  /** The cooperative accepts everything asked, offers part of it, or disputes it with its reason. */
  async answer(user: Acting, id: string, dto: AnswerClaimDto): Promise<ClaimDto> {
    await this.unitOfWork.run(async (work) => {
      const { manager, audit } = work;
      const claim = await this.claims.lock(manager, id);
      if (!claim || claim.cooperativeId !== cooperativeOf(user)) throw new AppError('CLAIM_NOT_FOUND', 'No such claim.');
      if (dto.decision === 'ACCEPT') {
        const granted = claim.lines.map((line) => ({ lineId: line.lineId, quantity: line.askedQuantity }));
        await this.settle(work, user, claim, 'accept', 'cooperative', granted, null);
        return;
      }
      if (dto.decision === 'DISPUTE') {
        if (!dto.note?.trim()) {
          throw new AppError('VALIDATION_FAILED', 'A dispute says why.', [{ field: 'note', problems: ['note is required to dispute'] }]);
        }
        const status = this.next(claim, 'dispute', 'cooperative');
        await this.claims.answer(manager, id, { status, note: dto.note.trim() });
        await this.tell(manager, claim, status, null);
        await audit({ actor: user, action: 'claim.disputed', entityType: 'claim', entityId: id, after: { note: dto.note.trim() } });
        return;
      }
      const status = this.next(claim, 'offer', 'cooperative');
      const offered = this.units(claim, dto.lines ?? [], false);
      await this.claims.answer(manager, id, { status, note: dto.note?.trim() || null, offered });
      await this.tell(manager, claim, status, unitsFen(claim.lines, offered));
      await audit({
        actor: user,
        action: 'claim.offered',
        entityType: 'claim',
        entityId: id,
        after: { lines: offered, note: dto.note ?? null },
      });
    });
    return toClaim((await this.claims.find(id))!);
  }

  /** The buyer takes the cooperative's offer: its units are refunded. */
  async acceptOffer(user: Acting, id: string): Promise<ClaimDto> {
    await this.unitOfWork.run(async (work) => {
      const claim = await this.buyersClaim(work.manager, user, id);
      const granted = claim.lines.map((line) => ({ lineId: line.lineId, quantity: line.offeredQuantity ?? 0 }));
      await this.settle(work, user, claim, 'acceptOffer', 'buyer', granted, null);
    });
    return toClaim((await this.claims.find(id))!);
  }

  async escalate(user: Acting, id: string): Promise<ClaimDto> {
    return this.buyerStep(user, id, 'escalate', 'claim.escalated');
  }

  async withdraw(user: Acting, id: string): Promise<ClaimDto> {
    return this.buyerStep(user, id, 'withdraw', 'claim.withdrawn');
  }

  /** An admin grants some units (or none) of what is escalated, or of what the cooperative left unanswered. */
  async decide(admin: Acting, id: string, dto: DecideClaimDto): Promise<ClaimDto> {
    await this.unitOfWork.run(async (work) => {
      const claim = await this.claims.lock(work.manager, id);
      if (!claim) throw new AppError('CLAIM_NOT_FOUND', 'No such claim.');
      // Whether it is the admin's to decide now comes first: a closed claim is closed, whatever the units say.
      this.next(claim, 'grant', 'admin');
      const granted = this.units(claim, dto.lines, true);
      const anything = granted.some((line) => line.quantity > 0);
      await this.settle(work, admin, claim, anything ? 'grant' : 'reject', 'admin', granted, dto.note.trim());
    });
    return toClaim((await this.claims.find(id))!);
  }

  /**
   * The job: claims the cooperative left unanswered past their 24 h go to the admins to decide, and
   * the cooperative hears it is late; each once. Returns how many.
   */
  async tellOverdue(): Promise<number> {
    return this.unitOfWork.run(async ({ manager }) => {
      const overdue = await this.claims.markOverdue(manager, OVERDUE_BATCH);
      const admins = await this.claims.admins(manager);
      for (const { id } of overdue) {
        const claim = (await this.claims.find(id, manager))!;
        await this.tellAccounts(manager, claim, 'OVERDUE', [...admins, ...(await this.claims.staffOf(manager, claim.cooperativeId))]);
      }
      return overdue.length;
    });
  }

  async quality(cooperativeId: string | null): Promise<QualityDto> {
    const [byCooperative, byProduct] = await this.claims.quality(cooperativeId);
    return { byCooperative: byCooperative.map(toQualityRow), byProduct: byProduct.map(toQualityRow) };
  }

  private async buyerStep(user: Acting, id: string, transition: 'escalate' | 'withdraw', action: string): Promise<ClaimDto> {
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const claim = await this.buyersClaim(manager, user, id);
      const status = this.next(claim, transition, 'buyer');
      await this.claims.setStatus(manager, id, status);
      await this.tellCooperative(manager, claim, status);
      // Escalated: the admins decide it, so they hear of it.
      if (transition === 'escalate') await this.tellAccounts(manager, claim, status, await this.claims.admins(manager));
      await audit({ actor: user, action, entityType: 'claim', entityId: id, before: { status: claim.status }, after: { status } });
    });
    return toClaim((await this.claims.find(id))!);
  }

  /**
   * Closes a claim with `granted` units per line: SETTLED with a refund of them through the refund
   * flow, or REJECTED when nothing is granted. Told to the buyer side (and the cooperative, when it
   * did not decide itself).
   */
  private async settle(
    work: Work,
    actor: Acting,
    claim: ClaimRow,
    transition: ClaimTransition,
    by: ClaimActor,
    granted: { lineId: string; quantity: number }[],
    note: string | null,
  ): Promise<void> {
    const status = this.next(claim, transition, by);
    const back = granted.filter((line) => line.quantity > 0);
    const refundId =
      status === 'SETTLED' && back.length
        ? await this.refunds.refundDelivered(
            work,
            'CLAIM',
            claim.orderId,
            back,
            `售后 / After-sales claim: ${REASON_WORDS[claim.reason] ?? claim.reason}`,
            actor.id,
          )
        : null;
    const closedAs = refundId ? 'SETTLED' : 'REJECTED';
    await this.claims.close(work.manager, claim.id, {
      status: closedAs,
      granted,
      refundId,
      decidedBy: by === 'admin' ? actor.id : null,
      decisionNote: note,
      answered: by === 'cooperative',
    });
    const grantedFen = unitsFen(claim.lines, back);
    await this.tell(work.manager, claim, closedAs, grantedFen);
    if (by !== 'cooperative') await this.tellCooperative(work.manager, claim, closedAs);
    await work.audit({
      actor,
      action: closedAs === 'SETTLED' ? 'claim.settled' : 'claim.rejected',
      entityType: 'claim',
      entityId: claim.id,
      before: { status: claim.status },
      after: { status: closedAs, by, granted, refundId, grantedFen, note },
    });
  }

  /** Units per line for an offer (at most those asked, something offered) or a decision (at most those asked, nothing allowed). */
  private units(claim: ClaimRow, lines: { lineId: string; quantity: number }[], allowNothing: boolean) {
    const claimable = claim.lines.map((line) => ({
      lineId: line.lineId,
      unitPriceFen: line.unitPriceFen,
      claimableQuantity: line.askedQuantity,
    }));
    let given;
    try {
      given = claimAmounts(claimable, lines, undefined, allowNothing);
    } catch (error) {
      claimProblem(error);
    }
    return claim.lines.map((line) => ({ lineId: line.lineId, quantity: given.find((g) => g.lineId === line.lineId)?.quantity ?? 0 }));
  }

  private next(claim: ClaimRow, transition: ClaimTransition, by: ClaimActor) {
    try {
      return nextClaimStatus(claim.status, transition, by, { overdue: claim.overdue });
    } catch (error) {
      claimProblem(error);
    }
  }

  /** Tells the buyer side where the claim stands. */
  private async tell(manager: EntityManager, claim: ClaimRow, status: string, amountFen: number | null): Promise<void> {
    await this.outbox.write(manager, {
      topic: 'CLAIM_UPDATED',
      dedupeKey: `CLAIM_UPDATED:${claim.id}:${status}:${claim.openedBy}`,
      accountId: claim.openedBy,
      orderId: claim.orderId,
      payload: { orderNumber: claim.orderNumber, claimId: claim.id, status, ...(amountFen === null ? {} : { amountFen }) },
    });
  }

  private async tellCooperative(manager: EntityManager, claim: ClaimRow, status: string): Promise<void> {
    await this.tellAccounts(manager, claim, status, await this.claims.staffOf(manager, claim.cooperativeId));
  }

  private async tellAccounts(manager: EntityManager, claim: ClaimRow, status: string, accounts: { id: string }[]): Promise<void> {
    for (const account of accounts) {
      await this.outbox.write(manager, {
        topic: 'CLAIM_UPDATED',
        dedupeKey: `CLAIM_UPDATED:${claim.id}:${status}:${account.id}`,
        accountId: account.id,
        orderId: claim.orderId,
        payload: { orderNumber: claim.orderNumber, claimId: claim.id, status },
      });
    }
  }

  /** A claim its caller may act on as the buyer side: opened by them, or by their organisation when they are one of its receivers. */
  private async buyersClaim(manager: EntityManager, user: AuthUser, id: string): Promise<ClaimRow> {
    const claim = await this.claims.lock(manager, id);
    if (!claim || !(await this.isBuyerSide(manager, user, claim))) throw new AppError('CLAIM_NOT_FOUND', 'No such claim.');
    return claim;
  }

  private async isBuyerSide(db: EntityManager | undefined, user: AuthUser, claim: ClaimRow): Promise<boolean> {
    if (user.role !== 'buyer') return false;
    return claim.openedBy === user.id || (await this.claims.isReceiver(user.id, claim.organisationId, db));
  }

  private async readable(user: AuthUser, id: string): Promise<ClaimRow> {
    const claim = await this.claims.find(id);
    const allowed =
      claim &&
      (user.role === 'admin' ||
        (user.role === 'cooperative' && user.cooperativeId === claim.cooperativeId) ||
        (await this.isBuyerSide(undefined, user, claim)));
    if (!claim || !allowed) throw new AppError('CLAIM_NOT_FOUND', 'No such claim.');
    return claim;
  }
}
