import { Injectable } from '@nestjs/common';
import { allocateTransfer } from '@qh/domain';
import type { Acting } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { Clock } from '../config/clock';
import { UnitOfWork } from '../database/unit-of-work';
import { OrderTransitions } from '../orders/order-transitions';
import { PaymentsService } from '../payments/payments.service';
import { BillingRepository, type TransferRow } from './billing.repository';
import type { RecordedTransferDto, RecordTransferDto, TransferDto, TransferListDto } from './dto/billing.dto';

const LISTED = 100;

function toTransfer(row: TransferRow): TransferDto {
  const appliedFen = row.allocations.reduce((sum, allocation) => sum + allocation.amountFen, 0);
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    amountFen: row.amountFen,
    receivedOn: row.receivedOn,
    reference: row.reference,
    statementNumber: row.statementNumber,
    recordedAt: row.recordedAt.toISOString(),
    allocations: row.allocations,
    unappliedFen: row.amountFen - appliedFen,
  };
}

/**
 * Bank transfers (对公转账) organisations send against their statements, recorded by an admin. A
 * transfer pays the orders it names (or those of a statement, or all open ones), oldest first; an order
 * paid in full is PAID and enters the ledger in the same transaction, as an order paid online does.
 */
@Injectable()
export class TransfersService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly billing: BillingRepository,
    private readonly payments: PaymentsService,
    private readonly transitions: OrderTransitions,
    private readonly clock: Clock,
  ) {}

  async list(organisationId?: string): Promise<TransferListDto> {
    return { items: (await this.billing.transfers({ organisationId, limit: LISTED })).map(toTransfer) };
  }

  /**
   * Records a transfer once per bank reference: the same reference again (even at the same moment) is
   * refused, so no order is paid, and no ledger entry written, twice.
   */
  async record(admin: Acting, dto: RecordTransferDto): Promise<RecordedTransferDto> {
    if (dto.receivedOn > this.clock.today()) {
      throw new AppError('VALIDATION_FAILED', 'A transfer cannot have arrived after today.', [
        { field: 'receivedOn', problems: ['receivedOn must not be in the future'], rules: ['notFuture'] },
      ]);
    }
    return this.unitOfWork.run(async ({ manager, audit }) => {
      const organisation = await this.billing.organisation(dto.organisationId, manager);
      if (!organisation) throw new AppError('ORGANISATION_NOT_FOUND', 'No such organisation.');
      // One organisation's statements and transfers one at a time: what each order owes is read after the last.
      await this.billing.lockStatements(manager, dto.organisationId);
      let statementId: string | null = null;
      let orderIds: string[] | null = null;
      if (dto.statementNumber) {
        const statement = await this.billing.statement({ number: dto.statementNumber }, manager);
        if (!statement || statement.organisationId !== dto.organisationId) {
          throw new AppError('STATEMENT_NOT_FOUND', 'No such statement of this organisation.');
        }
        statementId = statement.id;
        orderIds = await this.billing.ordersOfStatement(manager, statement.id);
      } else if (dto.orderNumbers) {
        const found = await this.billing.orderIdsByNumber(manager, dto.organisationId, dto.orderNumbers);
        const missing = dto.orderNumbers.findIndex((number) => !found.some((order) => order.number === number));
        if (missing !== -1) {
          throw new AppError('ORDER_NOT_FOUND', 'No such order of this organisation.', [
            { field: `orderNumbers.${missing}`, problems: [`${dto.orderNumbers[missing]} is not an order of this organisation`] },
          ]);
        }
        orderIds = found.map((order) => order.id);
      }
      const transferId = await this.billing.insertTransfer(manager, {
        organisationId: dto.organisationId,
        amountFen: dto.amountFen,
        receivedOn: dto.receivedOn,
        reference: dto.reference,
        statementId,
        recordedBy: admin.id,
      });
      if (!transferId) {
        throw new AppError('TRANSFER_ALREADY_RECORDED', `The transfer ${dto.reference} of this organisation is recorded already.`);
      }
      const open = await this.billing.openOrders(manager, dto.organisationId, orderIds);
      const { allocations } = allocateTransfer(
        dto.amountFen,
        open.map((order) => ({ id: order.id, dueFen: order.dueFen })),
      );
      await this.billing.insertAllocations(manager, transferId, allocations);
      const settled: string[] = [];
      for (const order of open) {
        const allocation = allocations.find((a) => a.id === order.id);
        if (!allocation || allocation.amountFen < order.dueFen) continue;
        const payment = (await this.payments.lockForOrder(manager, { orderId: order.id }))!;
        const receivedFen = (await this.billing.allocatedTo(manager, [order.id])).get(order.id)!;
        await this.payments.settleOnAccount(manager, payment, receivedFen);
        await this.transitions.settledOnAccount(manager, {
          id: order.id,
          number: order.number,
          buyerId: order.buyerId,
          totalFen: order.totalFen,
          status: payment.orderStatus,
        });
        settled.push(order.number);
      }
      await audit({
        actor: admin,
        action: 'transfer.recorded',
        entityType: 'organisation',
        entityId: dto.organisationId,
        after: { transferId, amountFen: dto.amountFen, receivedOn: dto.receivedOn, reference: dto.reference, allocations, settled },
      });
      const [recorded] = await this.billing.transfers({ id: transferId, limit: 1 }, manager);
      return { ...toTransfer(recorded), settledOrders: settled };
    });
  }
}
