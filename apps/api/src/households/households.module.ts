import { Module } from '@nestjs/common';
import { AdminHouseholdsController } from './admin-households.controller';
import { HouseholdsRepository } from './households.repository';
import { HouseholdsService } from './households.service';

@Module({
  controllers: [AdminHouseholdsController],
  providers: [HouseholdsService, HouseholdsRepository],
})
export class HouseholdsModule {}
