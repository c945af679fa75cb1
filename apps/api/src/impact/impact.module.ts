import { Module } from '@nestjs/common';
import { ImpactController } from './impact.controller';
import { LedgerDigestService } from './ledger-digest.service';
import { SettlementService } from './settlement.service';

/** Reports on the attribution ledger for officials; the ledger itself is written by the orders module. */
@Module({
  controllers: [ImpactController],
  providers: [LedgerDigestService, SettlementService],
  exports: [LedgerDigestService, SettlementService],
})
export class ImpactModule {}
