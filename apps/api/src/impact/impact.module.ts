import { Module } from '@nestjs/common';
import { CoopSalesController } from './coop-sales.controller';
import { ImpactController } from './impact.controller';
import { LedgerDigestService } from './ledger-digest.service';
import { ReportsService } from './reports.service';
import { SettlementService } from './settlement.service';

/** Reports on the attribution ledger for officials; the ledger itself is written by the orders module. */
@Module({
  controllers: [ImpactController, CoopSalesController],
  providers: [LedgerDigestService, SettlementService, ReportsService],
  exports: [LedgerDigestService, SettlementService, ReportsService],
})
export class ImpactModule {}
