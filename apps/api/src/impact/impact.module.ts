import { Module } from '@nestjs/common';
import { ImpactController } from './impact.controller';
import { LedgerDigestService } from './ledger-digest.service';

/** Reports on the attribution ledger for officials; the ledger itself is written by the orders module. */
@Module({
  controllers: [ImpactController],
  providers: [LedgerDigestService],
  exports: [LedgerDigestService],
})
export class ImpactModule {}
