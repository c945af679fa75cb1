import { Injectable } from '@nestjs/common';
import { formatFen } from '@qh/domain';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { cooperativeOf, type Acting, type AuthUser } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { Clock } from '../config/clock';
import { validationDetails } from '../common/validation';
import { UnitOfWork } from '../database/unit-of-work';
import { Memberships } from '../organisations/memberships.service';
import { orderInvoice, type StoredInvoice } from './dto/invoice-profile.dto';
import { IssueInvoiceDto, type InvoiceRequestDto, type InvoiceRequestListDto } from './dto/invoice-request.dto';
import { INVOICE_MEDIA_TYPE, InvoiceFileStore, invoiceFileType } from './invoice-files';
import { InvoiceRequestsRepository, type InvoiceRequestRow, type InvoiceRequestStatus } from './invoice-requests.repository';

/** A request open longer than this is flagged to admins. */
export const INVOICE_OVERDUE_DAYS = 7;

function toRequest(row: InvoiceRequestRow): InvoiceRequestDto {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    orderNumber: row.orderNumber,
    fulfillmentId: row.fulfillmentId,
    cooperativeName: row.cooperativeName,
    amountFen: row.amountFen,
    invoice: orderInvoice(row.invoice as StoredInvoice)!,
    invoiceNumber: row.invoiceNumber,
    issuedOn: row.issuedOn,
    fileType: row.fileType,
    createdAt: row.createdAt.toISOString(),
    issuedAt: row.issuedAt?.toISOString() ?? null,
    openDays: row.openDays,
    overdue: row.status === 'OPEN' && row.openDays > INVOICE_OVERDUE_DAYS,
  };
}

const notFound = () => new AppError('INVOICE_REQUEST_NOT_FOUND', 'No such invoice request.');

/**
 * Invoices from the cooperatives, the sellers of each shipment: a request for each shipped part of an
 * order that asked for an invoice, closed by the e-invoice the cooperative uploads for exactly what is
 * due; a refund after invoicing opens a red-letter request. Files go to the buyer, the organisation's
 * finance members, the cooperative and admins, and nobody else.
 */
@Injectable()
export class InvoiceRequestsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly requests: InvoiceRequestsRepository,
    private readonly files: InvoiceFileStore,
    private readonly memberships: Memberships,
    private readonly clock: Clock,
  ) {}

  /** In the transaction of the shipment (OrderTransitions.shipped). */
  shipped(manager: EntityManager, fulfillmentId: string): Promise<void> {
    return this.requests.openForShipment(manager, fulfillmentId);
  }

  /** In the transaction of the refund's confirmation (OrderTransitions.refunded), after the order holds it. */
  refunded(manager: EntityManager, orderId: string, refundId: string): Promise<void> {
    return this.requests.afterRefund(manager, orderId, refundId);
  }

  async forCooperative(user: Acting, status: InvoiceRequestStatus | undefined): Promise<InvoiceRequestListDto> {
    return { items: (await this.requests.listForCooperative(cooperativeOf(user), status, 500)).map(toRequest) };
  }

  async overdue(): Promise<InvoiceRequestListDto> {
    return { items: (await this.requests.openLongerThan(INVOICE_OVERDUE_DAYS, 500)).map(toRequest) };
  }

  /** The cooperative uploads the e-invoice that closes its request: a PDF or OFD by content, for exactly the amount due. */
  async issue(user: Acting, id: string, bytes: Buffer, fields: Record<string, string>): Promise<InvoiceRequestDto> {
    const dto = plainToInstance(IssueInvoiceDto, fields);
    const problems = validationDetails(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }));
    if (!problems.length && dto.issuedOn > this.clock.today()) {
      problems.push({ field: 'issuedOn', problems: ['issuedOn must not be in the future'], rules: ['notInFuture'] });
    }
    if (problems.length) throw new AppError('VALIDATION_FAILED', problems.map((p) => p.problems.join('; ')).join('; '), problems);
    const type = invoiceFileType(bytes);
    if (!type) throw new AppError('UNSUPPORTED_INVOICE_FILE', 'Upload the e-invoice as a PDF or OFD file.');
    const fileName = await this.files.save(bytes, type);
    try {
      await this.unitOfWork.run(async ({ manager, audit }) => {
        const request = await this.requests.find(id, manager, true);
        if (!request || request.cooperativeId !== cooperativeOf(user)) throw notFound();
        if (request.status !== 'OPEN') {
          throw new AppError('INVOICE_REQUEST_STATUS_CONFLICT', `This request is ${request.status.toLowerCase()} already.`);
        }
        if (dto.amountFen !== request.amountFen) {
          throw new AppError(
            'INVOICE_AMOUNT_MISMATCH',
            `The invoice says ${formatFen(dto.amountFen)}, but ${formatFen(request.amountFen)} is due: issue it for exactly that.`,
            [{ field: 'amountFen', problems: [`must be ${request.amountFen}`] }],
          );
        }
        if (await this.requests.numberTaken(manager, request.cooperativeId, dto.invoiceNumber)) {
          throw new AppError('INVOICE_NUMBER_TAKEN', 'Your cooperative has recorded an invoice with this number already.');
        }
        await this.requests.issue(manager, id, { ...dto, fileName, fileType: type, fileBytes: bytes.length, by: user.id });
        await audit({
          actor: user,
          action: request.kind === 'INVOICE' ? 'invoice.issued' : 'invoice.red_letter_issued',
          entityType: 'invoice_request',
          entityId: id,
          after: { invoiceNumber: dto.invoiceNumber, amountFen: dto.amountFen, issuedOn: dto.issuedOn },
        });
      });
    } catch (error) {
      await this.files.remove(fileName);
      throw error;
    }
    return toRequest((await this.requests.find(id))!);
  }

  /** The invoices of an order the caller placed. */
  async forBuyer(user: AuthUser, orderNumber: string): Promise<InvoiceRequestListDto> {
    const order = await this.requests.orderOf(orderNumber);
    if (!order || order.buyerId !== user.id) throw new AppError('ORDER_NOT_FOUND', 'No such order.');
    return { items: (await this.requests.forOrder(order.id)).map(toRequest) };
  }

  /** The invoices of an organisation's order, for its finance members. */
  async forFinance(user: AuthUser, orderNumber: string): Promise<InvoiceRequestListDto> {
    const { organisationId } = await this.memberships.require(user, ['FINANCE']);
    const order = await this.requests.orderOf(orderNumber);
    if (!order || order.organisationId !== organisationId) throw new AppError('ORDER_NOT_FOUND', 'No such order.');
    return { items: (await this.requests.forOrder(order.id)).map(toRequest) };
  }

  /**
   * An issued invoice's file, for whoever may see it: `who` says how the caller came (the order's
   * buyer, a finance member of its organisation, its cooperative, an admin).
   */
  async file(
    user: AuthUser,
    id: string,
    who: { buyerOf?: string; financeOf?: string; cooperative?: true; admin?: true },
  ): Promise<{ bytes: Buffer; mediaType: string; downloadName: string }> {
    const request = await this.requests.find(id);
    const missing = () => new AppError('INVOICE_NOT_FOUND', 'No such invoice.');
    if (!request || request.status !== 'ISSUED') throw missing();
    // The request row carries its order's number, buyer and organisation: no second lookup.
    if (who.buyerOf !== undefined) {
      if (request.buyerId !== user.id || request.orderNumber !== who.buyerOf) throw missing();
    } else if (who.financeOf !== undefined) {
      const { organisationId } = await this.memberships.require(user, ['FINANCE']);
      if (request.organisationId !== organisationId || request.orderNumber !== who.financeOf) throw missing();
    } else if (who.cooperative) {
      if (request.cooperativeId !== cooperativeOf(user)) throw missing();
    } else if (!who.admin) {
      throw missing();
    }
    const extension = request.fileType!.toLowerCase();
    return {
      bytes: await this.files.read(request.fileName!),
      mediaType: INVOICE_MEDIA_TYPE[request.fileType!],
      downloadName: `invoice-${request.orderNumber}-${request.invoiceNumber}.${extension}`,
    };
  }
}
