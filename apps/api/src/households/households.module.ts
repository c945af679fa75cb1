import { Module } from '@nestjs/common';
import { AdminHouseholdsController } from './admin-households.controller';
import { HouseholdImportService } from './household-import.service';
import { HouseholdSealer } from './household-sealing';
import { HouseholdsRepository } from './households.repository';
import { HouseholdsService } from './households.service';

@Module({
  controllers: [AdminHouseholdsController],
  providers: [HouseholdsService, HouseholdImportService, HouseholdSealer, HouseholdsRepository],
  exports: [HouseholdsService],
})
export class HouseholdsModule {}
