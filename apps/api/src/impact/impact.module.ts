import { Module } from '@nestjs/common';
import { HouseholdsModule } from '../households/households.module';
import { BuyersReport } from './buyers.service';
import { CoopAccounts } from './coop-accounts.service';
import { CoopSalesController } from './coop-sales.controller';
import { HouseholdPayouts } from './household-payouts.service';
import { ImpactController } from './impact.controller';
import { Ledger } from './ledger';
import { ImpactCatchUp } from './impact-catch-up.service';
import { LedgerDigestService } from './ledger-digest.service';
import { ReportsService } from './reports.service';
import { ReceiptStore } from './payout-receipts';
import { SettlementService } from './settlement.service';
import { AdminTrailController, CoopTrailController, TrailController } from './trail.controller';
import { TrailReport } from './trail.service';

/**
 * The attribution ledger (written in the transaction of each payment and refund), the officials'
 * reports on it, and the rest of the money trail: statements and payouts to cooperatives, payouts
 * to households and their acknowledgements.
 */
@Module({
  imports: [HouseholdsModule],
  controllers: [ImpactController, CoopSalesController, CoopTrailController, AdminTrailController, TrailController],
  providers: [
    Ledger,
    LedgerDigestService,
    SettlementService,
    ReportsService,
    ImpactCatchUp,
    BuyersReport,
    CoopAccounts,
    HouseholdPayouts,
    ReceiptStore,
    TrailReport,
  ],
  exports: [Ledger, LedgerDigestService, SettlementService, ReportsService, BuyersReport, ImpactCatchUp],
})
export class ImpactModule {}
