import { Module } from '@nestjs/common';
import { BuyersReport } from './buyers.service';
import { CoopSalesController } from './coop-sales.controller';
import { ImpactController } from './impact.controller';
import { Ledger } from './ledger';
import { LedgerDigestService } from './ledger-digest.service';
import { ReportsService } from './reports.service';
import { SettlementService } from './settlement.service';

/** The attribution ledger (written in the transaction of each payment and refund) and the officials' reports on it. */
@Module({
  controllers: [ImpactController, CoopSalesController],
  providers: [Ledger, LedgerDigestService, SettlementService, ReportsService, BuyersReport],
  exports: [Ledger, LedgerDigestService, SettlementService, ReportsService, BuyersReport],
})
export class ImpactModule {}
